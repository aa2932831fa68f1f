package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.engine.risk.Severity;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.assessment.AssessmentText;
import dev.mamori.report.text.Count;
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
            "Without a model (and no mamori.yaml here) it assesses the bundled stadium example,",
            "except with --fail-on: a gate never judges the example."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:assessed (and, with --fail-on, no open finding at or above that severity)",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error (unknown option, no such file, bad severity, cannot write -o)",
            "3:internal error in Mamori (a bug; please report it)",
            "4:--fail-on: an open finding is at or above its severity (the gate of 'mamori verify')"
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
            description = "Exit 4 when an open finding is at least this severe: info, low, medium, high, critical.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        NumberOption.within(spec.commandLine(), "--top", top, 0, Integer.MAX_VALUE);
        Optional<GatePolicy> gate =
                failOn == null ? Optional.empty() : Optional.of(GatePolicy.findingsAtOrAbove(severity(failOn)));
        Optional<Assessment> assessed =
                model.assess(spec.commandLine(), parent.workingDirectory(), model.options(), gate.isEmpty());
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        Output.Content content = format == Format.json
                ? out -> AssessmentJson.write(assessment, Version.number(), out)
                : out -> AssessmentText.write(assessment, all ? -1 : top, out);
        output.write(
                spec.commandLine(),
                parent.workingDirectory(),
                content,
                assessment.landscape().files());
        if (gate.isPresent()) {
            int failing = gate.get().failing(assessment.risk()).size();
            if (failing > 0) {
                spec.commandLine()
                        .getErr()
                        .printf("mamori: %s at or above %s%n", Count.of(failing, "open finding"), failOn);
                return ExitCode.GATE_FAILED;
            }
        }
        return ExitCode.OK;
    }

    private Severity severity(String word) {
        return Severity.ofWord(word)
                .orElseThrow(() -> new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "--fail-on takes info, low, medium, high or critical, not '" + word + "'"));
    }
}
