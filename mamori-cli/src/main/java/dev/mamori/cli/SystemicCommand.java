package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.Assessor;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.load.LoadResult;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.assessment.SystemicText;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
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

    @Parameters(
            paramLabel = "MODEL",
            arity = "0..*",
            description = "Model files. Default: mamori.yaml, else the bundled example.")
    List<Path> files;

    @Option(names = "--from", paramLabel = "X", description = "A system or component assumed compromised.")
    String from;

    @Option(names = "--protect", paramLabel = "Y", description = "A system, component, hazard or mission to isolate.")
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

    @Option(names = "--today", paramLabel = "DATE", description = "Judge expiry against DATE (YYYY-MM-DD).")
    LocalDate today;

    @Override
    public Integer call() throws IOException {
        LoadResult result = ModelInput.load(spec.commandLine(), parent.workingDirectory(), files, today, true);
        if (!result.valid()) {
            spec.commandLine().getOut().print(new DiagnosticsReport(List.of(), result.diagnostics()).text(""));
            return ExitCode.INVALID;
        }
        SystemicAnalyzer.Options options = new SystemicAnalyzer.Options(
                Optional.ofNullable(from), Optional.ofNullable(protect), fail == null ? List.of() : fail);
        Assessment assessment;
        try {
            assessment = new Assessor(RuleCatalog.all())
                    .assess(
                            result.landscape().orElseThrow(),
                            today != null ? today : LocalDate.now(),
                            result.warnings(),
                            options);
        } catch (SystemicAnalyzer.UnknownElement e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String text = format == Format.json
                ? AssessmentJson.render(assessment, Version.number())
                : SystemicText.render(assessment.landscape().name(), assessment.systemic(), top);
        output.write(spec.commandLine(), parent.workingDirectory(), text);
        return ExitCode.OK;
    }
}
