package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.assessment.SystemicText;
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
        name = "systemic",
        mixinStandardHelpOptions = true,
        header = "Show how compromise and failure spread across systems, and how to isolate them.",
        description = {
            "From the exposed components (or --from a system or component assumed compromised),",
            "follows commands, credentials and weak services in shared zones to a fixed point,",
            "and prints the paths into other systems hop by hop, the hazards an attacker can",
            "trigger, the missions that stop, and each system's blast radius. With --protect,",
            "the cheapest relations to cut so that the attacker cannot reach it; with --fail,",
            "what else goes down and which missions stop."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:analysed",
            "1:the model is invalid",
            "2:usage error (unknown option, no such file, unknown element)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class SystemicCommand implements Callable<Integer> {

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

    @Option(names = "--from", paramLabel = "X", description = "A system or component assumed compromised.")
    String from;

    @Option(
            names = "--protect",
            paramLabel = "Y",
            description =
                    "A system, component, hazard or mission to isolate, or a data asset to keep in (read nowhere it"
                            + " could be taken out from).")
    String protect;

    @Option(names = "--fail", paramLabel = "X", split = ",", description = "Systems or components assumed failed.")
    List<String> fail;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json (the whole assessment).")
    Format format = Format.text;

    @Option(
            names = "--top",
            paramLabel = "N",
            description = "How many paths, hazards and systems to list (default: 10).")
    int top = 10;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        NumberOption.within(spec.commandLine(), "--top", top, 0, Integer.MAX_VALUE);
        SystemicAnalyzer.Options options = new SystemicAnalyzer.Options(
                Optional.ofNullable(from), Optional.ofNullable(protect), fail == null ? List.of() : fail);
        Optional<Assessment> assessed = model.assess(
                spec.commandLine(), parent.workingDirectory(), model.options().withSystemic(options), true);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        Output.Content content = format == Format.json
                ? out -> AssessmentJson.write(assessment, Version.number(), out)
                : out -> out.write(SystemicText.render(assessment.landscape().name(), assessment.systemic(), top));
        output.write(
                spec.commandLine(),
                parent.workingDirectory(),
                content,
                assessment.landscape().files());
        return ExitCode.OK;
    }
}
