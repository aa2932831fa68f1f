package dev.mamori.cli;

import dev.mamori.app.ThreagileConversion;
import dev.mamori.app.Workspace;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        name = "threagile",
        mixinStandardHelpOptions = true,
        header = "Convert a Threagile model into a Mamori model.",
        description = {
            "Reads a Threagile model (the 0.9 format or 1.0's, following its includes) and writes the",
            "equivalent Mamori model as YAML: technical assets become components, communication links",
            "flows, trust boundaries zones, data assets data, owners stakeholders, and tracked risks",
            "treatments where a Mamori rule finds the same weakness. The whole model becomes one system.",
            "What has no Mamori counterpart is kept in the output as comments or tags and reported on",
            "standard error as FILE:LINE:COL: warning: MESSAGE. The mapping: docs/import-threagile.md.",
            "",
            "Example: mamori import threagile threagile.yaml -o mamori.yaml && mamori validate mamori.yaml"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported (warnings say what was not carried over, or only approximately)",
            "1:the file is not a Threagile model, or is malformed (errors printed, located)",
            "2:usage error (unknown option, no such file, output would overwrite the input)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class ImportThreagileCommand implements Callable<Integer> {

    @ParentCommand
    ImportCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Threagile model (YAML or JSON).")
    Path file;

    @Mixin
    Output output;

    @Option(
            names = "--category",
            paramLabel = "WORD",
            description = "The Mamori category of the imported system (Threagile has none). Default: enterprise.")
    String category = "enterprise";

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "Count an accepted risk with no date from DATE (YYYY-MM-DD) instead of today.")
    LocalDate today;

    @Override
    public Integer call() throws IOException {
        Path dir = parent.parent().workingDirectory();
        Path source =
                ModelArguments.resolve(spec.commandLine(), dir, List.of(file)).get(0);
        if (!BuiltInVocabulary.get().categories().containsKey(category)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--category takes one of "
                            + String.join(
                                    ", ", BuiltInVocabulary.get().categories().keySet()) + ", not '" + category + "'");
        }
        if (output.file != null
                && Files.exists(dir.resolve(output.file))
                && Files.isSameFile(dir.resolve(output.file), dir.resolve(source))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "-o " + output.file + " would overwrite the Threagile model; name another file");
        }
        LocalDate day = today != null ? today : LocalDate.now();
        ThreagileConversion conversion = Workspace.onDisk(dir, List.of(source), java.util.Optional.empty())
                .importThreagile(source, category, day);
        PrintWriter err = spec.commandLine().getErr();
        conversion.diagnostics().forEach(err::println);
        conversion.notices().forEach(notice -> err.println("mamori: " + notice));
        if (!conversion.converted()) {
            err.printf(
                    "mamori: %s was not imported: %s%n", source, Count.of(conversion.count(Severity.ERROR), "error"));
            return ExitCode.INVALID;
        }
        output.write(spec.commandLine(), dir, conversion.yaml().orElseThrow(), List.of(source));
        var landscape = conversion.landscape().orElseThrow();
        err.printf(
                "mamori: imported %s%s: %s, %s, %s, %s; %s%n",
                source,
                output.file == null ? "" : " into " + output.file,
                Count.of(landscape.components().size(), "component"),
                Count.of(landscape.allFlows().size(), "flow"),
                Count.of(
                        landscape.systems().values().stream()
                                .mapToInt(s -> s.data().size())
                                .sum(),
                        "data asset"),
                Count.of(landscape.treatments().size(), "treatment"),
                Count.of(conversion.count(Severity.WARNING), "warning"));
        return ExitCode.OK;
    }
}
