package dev.mamori.cli;

import dev.mamori.app.Loaded;
import dev.mamori.model.Landscape;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import dev.mamori.report.text.Count;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        header = "Check a model and print every problem, located.",
        description = {
            "Reads the model files and everything they import as one landscape, and prints each",
            "problem as FILE:LINE:COL: error: MESSAGE (or warning:), all of them in one run.",
            "Several files given together form one landscape, as if one imported the others."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the model is valid (warnings allowed)",
            "1:the model is invalid",
            "2:usage error (unknown option, no such file)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class ValidateCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Model files (YAML or JSON). Default: mamori.yaml in the current directory.")
    List<Path> files;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (default) or json: {valid, errors, warnings, files, diagnostics[]}.")
    Format format = Format.text;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        Loaded result = ModelInput.load(
                        spec.commandLine(), parent.workingDirectory(), files, load.today, false, load.root)
                .loaded();
        List<String> read = result.landscape()
                .map(Landscape::files)
                .orElse(
                        files == null
                                ? List.of()
                                : files.stream().map(Path::toString).toList());
        DiagnosticsReport report = new DiagnosticsReport(read, result.diagnostics());
        String output = format == Format.json
                ? report.json()
                : report.text(result.landscape().map(ValidateCommand::summary).orElse(""));
        spec.commandLine().getOut().print(output);
        return result.valid() ? ExitCode.OK : ExitCode.INVALID;
    }

    static String summary(Landscape landscape) {
        return String.format(
                "%s (%s, %s, %s, %s, %s, %s)",
                landscape.name(),
                Count.of(landscape.files().size(), "file"),
                Count.of(landscape.stakeholders().size(), "stakeholder"),
                Count.of(landscape.systems().size(), "system"),
                Count.of(landscape.components().size(), "component"),
                Count.of(landscape.allFlows().size(), "flow"),
                Count.of(landscape.missions().size(), "mission"));
    }
}
