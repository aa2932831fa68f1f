package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.engine.risk.Severity;
import dev.mamori.report.gate.GateVerdict;
import dev.mamori.report.gate.RequirementGate;
import dev.mamori.report.sarif.SarifReport;
import java.io.IOException;
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
        GatePolicy policy = GatePolicy.findingsAtOrAbove(threshold);
        if (requirementThreshold != null) {
            policy = policy.alsoRequirementsAtOrAbove(requirementThreshold);
        }
        if (profile != null && requirementThreshold == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--profile chooses how requirements are judged; give --fail-on-requirement statutory, essential"
                            + " or additional too");
        }
        // A gate never falls back to the bundled example: CI must judge the model it was given.
        Optional<Assessment> assessed = model.assess(
                spec.commandLine(),
                parent.workingDirectory(),
                model.options().withProfile(Optional.ofNullable(profile)),
                false);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        if (sarif != null) {
            Output.writeFile(
                    spec.commandLine(),
                    parent.workingDirectory(),
                    sarif,
                    (Output.Content) out -> SarifReport.write(assessment, Version.number(), out),
                    assessment.landscape().files());
        }
        GateVerdict verdict = GateVerdict.of(assessment, threshold);
        spec.commandLine().getOut().print(verdict.text());
        if (requirementThreshold != null) {
            RequirementGate requirements =
                    RequirementGate.of(assessment.compliance(), requirementThreshold, Optional.ofNullable(profile));
            spec.commandLine().getOut().print("\n" + requirements.text());
        }
        return policy.passes(assessment.risk(), assessment.compliance()) ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    private Obligation obligation(String word) {
        return Obligation.ofWord(word)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "--fail-on-requirement takes statutory, essential or additional, not '" + word + "'"));
    }

    private Severity severity(String word) {
        return Severity.ofWord(word)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--fail-on takes info, low, medium, high or critical, not '" + word + "'"));
    }
}
