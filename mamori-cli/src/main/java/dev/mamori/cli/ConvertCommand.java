package dev.mamori.cli;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.PlainValues;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        header = "Rewrite one model file as JSON or YAML.",
        description = {
            "The same model in the other syntax: keys keep their order, values their types.",
            "Comments are not carried over (JSON has none). Imports are not followed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:converted",
            "1:the file could not be read as YAML or JSON (problems printed, located)",
            "2:usage error (unknown option, no such file, -o names the file read or cannot be written)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class ConvertCommand implements Callable<Integer> {

    enum Syntax {
        json,
        yaml
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The model file to convert.")
    Path file;

    @Option(
            names = {"--format", "--to"},
            paramLabel = "SYNTAX",
            required = true,
            description = "json or yaml (--to is the older name).")
    Syntax to;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Path dir = parent.workingDirectory();
        Path source =
                ModelArguments.resolve(spec.commandLine(), dir, List.of(file)).get(0);
        Diagnostics diagnostics = new Diagnostics();
        Optional<Node> tree = new TreeReader(ReadLimits.DEFAULT)
                .read(
                        source.toString(),
                        Files.readAllBytes(dir.resolve(source)),
                        TreeReader.Syntax.forFileName(source.toString()),
                        diagnostics);
        if (tree.isEmpty()) {
            spec.commandLine()
                    .getOut()
                    .print(new DiagnosticsReport(List.of(source.toString()), diagnostics.sorted()).text(""));
            return ExitCode.INVALID;
        }
        // Never onto the file read: its comments would be gone for good.
        output.write(
                spec.commandLine(), dir, Output.model(PlainValues.of(tree.get()), to == Syntax.json), List.of(source));
        return ExitCode.OK;
    }
}
