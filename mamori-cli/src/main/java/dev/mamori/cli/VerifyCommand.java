package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.ComplianceEvaluator;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.report.gate.GateVerdict;
import dev.mamori.report.gate.RequirementGate;
import dev.mamori.report.sarif.SarifReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        header = "The deployment gate: pass or fail, for CI, with the reason on one screen.",
        description = {
            "Validates and assesses the model and fails when an open finding is at or above",
            "--fail-on (default: high). Findings closed by a treatment that holds do not count;",
            "a treatment whose 'until' has passed re-opens its finding. The reason fits on one",
            "screen: the counts above and below the threshold and the findings that fail it,",
            "each with its rule, element and FILE:LINE. --sarif FILE also writes the SARIF log",
            "for code scanning, so that one run gates and annotates the pull request.",
            "--fail-on-requirement also fails it when a requirement that binding (statutory,",
            "essential, additional) is not satisfied for some system, each system judged against",
            "its own profile or, with --profile, against that one."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:passed: no open finding at or above --fail-on",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error (unknown option, no such file, bad severity)",
            "3:internal error in Mamori (a bug; please report it)",
            "4:the gate failed: an open finding is at or above --fail-on, or a requirement at or above"
                    + " --fail-on-requirement is not satisfied"
        })
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AssessedModel model;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description = "Fail on an open finding at least this severe: info, low, medium, high (default), critical.")
    String failOn = "high";

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the SARIF 2.1.0 log to FILE.")
    Path sarif;

    @Option(
            names = "--fail-on-requirement",
            paramLabel = "OBLIGATION",
            description = "Also fail when a requirement at least this binding is not satisfied: statutory,"
                    + " essential, additional.")
    String failOnRequirement;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "With --fail-on-requirement: judge every system against PROFILE instead of its own"
                    + " ('mamori catalog' lists them).")
    String profile;

    @Override
    public Integer call() throws IOException {
        Severity threshold = severity(failOn);
        Obligation requirementThreshold = failOnRequirement == null ? null : obligation(failOnRequirement);
        if (profile != null && requirementThreshold == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--profile chooses how requirements are judged; give --fail-on-requirement statutory, essential"
                            + " or additional too");
        }
        Optional<Assessment> assessed =
                model.assess(spec.commandLine(), parent.workingDirectory(), SystemicAnalyzer.Options.defaults());
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        if (sarif != null) {
            Path target = parent.workingDirectory().resolve(sarif);
            try {
                Files.writeString(target, SarifReport.render(assessment, Version.number()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot write " + sarif + ": " + e.getMessage());
            }
        }
        GateVerdict verdict = GateVerdict.of(assessment, threshold);
        spec.commandLine().getOut().print(verdict.text());
        if (requirementThreshold == null) {
            return verdict.passed() ? ExitCode.OK : ExitCode.GATE_FAILED;
        }
        RequirementGate requirements =
                RequirementGate.of(compliance(assessment), requirementThreshold, Optional.ofNullable(profile));
        spec.commandLine().getOut().print("\n" + requirements.text());
        return verdict.passed() && requirements.passed() ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    /** The compliance of the assessment, or, with --profile, every system judged again against that profile. */
    private ComplianceResult compliance(Assessment assessment) {
        if (profile == null) {
            return assessment.compliance();
        }
        Catalog catalog = assessment.compliance().catalog();
        if (!catalog.profiles().containsKey(profile)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no profile '" + profile + "'"
                            + Suggestions.didYouMean(profile, catalog.profiles().keySet()) + "; known: "
                            + String.join(", ", catalog.profiles().keySet()));
        }
        return new ComplianceEvaluator(catalog)
                .evaluate(
                        FrozenGraph.of(assessment.landscape()),
                        assessment.risk(),
                        assessment.today(),
                        Optional.of(profile));
    }

    private Obligation obligation(String word) {
        for (Obligation o : Obligation.values()) {
            if (o.word().equals(word)) {
                return o;
            }
        }
        throw new ParameterException(
                spec.commandLine(),
                "--fail-on-requirement takes statutory, essential or additional, not '" + word + "'");
    }

    private Severity severity(String word) {
        for (Severity s : Severity.values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        throw new ParameterException(
                spec.commandLine(), "--fail-on takes info, low, medium, high or critical, not '" + word + "'");
    }
}
