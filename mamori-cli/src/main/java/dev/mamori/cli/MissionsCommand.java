package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.assessment.MissionsText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "missions",
        mixinStandardHelpOptions = true,
        header = "Show what stops each mission, and how fast it comes back after a disruption.",
        description = {
            "For each mission: the single components (N-1) and pairs (N-2) whose failure stops or",
            "degrades it, and the needs an attacker can take from the exposed components; the single",
            "points of failure across the landscape. For each scenario of the model (or --scenario,",
            "or --fail/--compromise given here): the missions stopped or degraded, the time until",
            "each runs again against its RTO and maximum tolerable downtime, the restoration order",
            "with who does each step, and what change would meet a missed objective. Last, how the",
            "missions hold up as a growing share of components fails at random (Monte Carlo)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysed",
            "1:the model is invalid",
            "2:usage error (unknown option, no such file, unknown scenario or element)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class MissionsCommand implements Callable<Integer> {

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

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            split = ",",
            description = "Run only these scenarios of the model (default: all of them).")
    List<String> scenarios;

    @Option(names = "--fail", paramLabel = "X", split = ",", description = "Systems or components that fail.")
    List<String> fail;

    @Option(
            names = "--compromise",
            paramLabel = "X",
            split = ",",
            description = "Systems or components an attacker holds (control spreads from them).")
    List<String> compromise;

    @Option(
            names = "--samples",
            paramLabel = "N",
            description = "Random samples per point of the robustness curve (default: 50; 0 leaves it out).")
    int samples = 50;

    @Option(
            names = "--pairs",
            paramLabel = "N",
            description = "Draw failure pairs (N-2) from at most N components upstream of each mission (default: 40).")
    int pairs = 40;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (the whole assessment).")
    Format format = Format.text;

    @Option(names = "--top", paramLabel = "N", description = "How many items to list in each part (default: 10).")
    int top = 10;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        MissionAnalyzer.Options options = new MissionAnalyzer.Options(
                scenarios == null ? List.of() : scenarios,
                fail == null ? List.of() : fail,
                compromise == null ? List.of() : compromise,
                NumberOption.within(spec.commandLine(), "--samples", samples, 0, 100_000),
                1,
                NumberOption.within(spec.commandLine(), "--pairs", pairs, 2, 10_000));
        NumberOption.within(spec.commandLine(), "--top", top, 0, Integer.MAX_VALUE);
        Optional<Assessment> assessed = model.assess(
                spec.commandLine(), parent.workingDirectory(), model.options().withMissions(options), true);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        Output.Content content = format == Format.json
                ? out -> AssessmentJson.write(assessment, Version.number(), out)
                : out -> out.write(MissionsText.render(assessment.landscape().name(), assessment.missions(), top));
        output.write(
                spec.commandLine(),
                parent.workingDirectory(),
                content,
                assessment.landscape().files());
        return ExitCode.OK;
    }
}
