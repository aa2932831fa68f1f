package dev.mamori.cli;

import dev.mamori.imports.threagile.ImportResult;
import dev.mamori.imports.threagile.ThreagileImporter;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        ThreagileImporter importer = new ThreagileImporter(
                path -> ModelSource.fileSystem().read(dir.resolve(path)),
                new ThreagileImporter.Options(category, day, ReadLimits.DEFAULT));
        ImportResult result = importer.importFile(source);
        PrintWriter err = spec.commandLine().getErr();
        if (!result.imported()) {
            result.diagnostics().forEach(err::println);
            ModelInput.hintAboutAliases(result.diagnostics(), err);
            err.printf(
                    "mamori: %s was not imported: %s%n",
                    source, count(result.errors().size(), "error"));
            return ExitCode.INVALID;
        }
        // The import is checked as Mamori reads it, so that what it writes is known to validate;
        // what validation warns about is located in the Threagile file too.
        LoadResult check = new ModelLoader(
                        path -> java.util.Optional.empty(), new ModelLoader.Options(ReadLimits.DEFAULT, day))
                .load(
                        List.of(source.normalize()),
                        Map.of(source.normalize(), result.tree().orElseThrow()));
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        all.addAll(check.diagnostics());
        all.sort(Diagnostic.IN_FILE_ORDER);
        all.forEach(err::println);
        if (!check.valid()) {
            throw new IllegalStateException(
                    "the imported model does not validate (" + check.errors().size() + " errors, the first: "
                            + check.errors().get(0) + ")");
        }
        output.write(spec.commandLine(), dir, result.yaml().orElseThrow());
        long warnings =
                all.stream().filter(d -> d.severity() == Severity.WARNING).count();
        var landscape = check.landscape().orElseThrow();
        err.printf(
                "mamori: imported %s%s: %s, %s, %s, %s; %s%n",
                source,
                output.file == null ? "" : " into " + output.file,
                count(landscape.components().size(), "component"),
                count(landscape.allFlows().size(), "flow"),
                count(
                        landscape.systems().values().stream()
                                .mapToInt(s -> s.data().size())
                                .sum(),
                        "data asset"),
                count(landscape.treatments().size(), "treatment"),
                count((int) warnings, "warning"));
        return ExitCode.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
