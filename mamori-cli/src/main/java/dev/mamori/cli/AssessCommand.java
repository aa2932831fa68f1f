package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.assessment.AssessmentText;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        header = "Assess risk to safety, confidentiality, integrity and availability.",
        description = {
            "Validates the model, runs every risk rule over it, applies the model's treatments and",
            "prints a summary: open findings per severity and per property, then the top findings,",
            "each with its element, FILE:LINE, why it fired, how it was scored and what fixes it.",
            "Without a model (and no mamori.yaml here) it assesses the bundled stadium example."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:assessed (and, with --fail-on, no open finding at or above that severity)",
            "1:the model is invalid, or --fail-on found an open finding at or above its severity",
            "2:usage error (unknown option, no such file)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class AssessCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AssessedModel model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (the whole assessment).")
    Format format = Format.text;

    @Mixin
    Output output;

    @Option(
            names = "--top",
            paramLabel = "N",
            description = "How many open findings the text summary shows (default: 10).")
    int top = 10;

    @Option(names = "--all", description = "Show every open finding in the text summary.")
    boolean all;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description = "Exit 1 when an open finding is at least this severe: info, low, medium, high, critical.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        Severity threshold = failOn == null ? null : severity(failOn);
        Optional<Assessment> assessed =
                model.assess(spec.commandLine(), parent.workingDirectory(), SystemicAnalyzer.Options.defaults());
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        String text = format == Format.json
                ? AssessmentJson.render(assessment, Version.number())
                : AssessmentText.render(assessment, all ? -1 : top);
        output.write(spec.commandLine(), parent.workingDirectory(), text);
        if (threshold != null) {
            long failing = assessment.risk().open().stream()
                    .map(Finding::severity)
                    .filter(s -> s.compareTo(threshold) >= 0)
                    .count();
            if (failing > 0) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "mamori: %d open %s at or above %s%n",
                                failing, failing == 1 ? "finding" : "findings", threshold.word());
                return ExitCode.INVALID;
            }
        }
        return ExitCode.OK;
    }

    private Severity severity(String word) {
        for (Severity s : Severity.values()) {
            if (s.word().equals(word)) {
                return s;
            }
        }
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "--fail-on takes info, low, medium, high or critical, not '" + word + "'");
    }
}
