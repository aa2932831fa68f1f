package dev.mamori.cli;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.imports.threagile.ImportResult;
import dev.mamori.model.imports.threagile.ThreagileImporter;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Loads the model a command was given: files, or mamori.yaml, or (for assess) the bundled example.
 * A file that is a Threagile model is converted in memory and loaded with the rest, so that one
 * command assesses the same input both tools read.
 */
final class ModelInput {

    /** The example packed into the command line, read when a command that offers it is given no model. */
    static final String BUNDLED_EXAMPLE = "examples/venue/landscape.yaml";

    private ModelInput() {}

    static LoadResult load(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone) {
        return load(commandLine, workingDirectory, files, today, bundledWhenNone, null);
    }

    /**
     * As above, confining what the model's imports, includes and catalogs may read to {@code root}
     * (relative to the working directory), or, when null, to the folder of the first model file.
     */
    static LoadResult load(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone,
            Path root) {
        return CatalogInput.check(
                loadModel(commandLine, workingDirectory, files, today, bundledWhenNone, root), workingDirectory, root);
    }

    /** The landscape folder: {@code root} when given, else the folder of the first model file. */
    static Path landscapeRoot(Path workingDirectory, Path firstFile, Path root) {
        if (root != null) {
            return workingDirectory.resolve(root).toAbsolutePath().normalize();
        }
        Path parent =
                workingDirectory.resolve(firstFile).toAbsolutePath().normalize().getParent();
        return parent != null ? parent : workingDirectory.toAbsolutePath().normalize();
    }

    private static LoadResult loadModel(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone,
            Path landscapeFolder) {
        ModelLoader.Options options =
                new ModelLoader.Options(ReadLimits.DEFAULT, today != null ? today : LocalDate.now());
        boolean none = files == null || files.isEmpty();
        if (none && bundledWhenNone && !Files.isRegularFile(workingDirectory.resolve(ModelArguments.DEFAULT_MODEL))) {
            return new ModelLoader(ModelInput::bundled, options).load(List.of(Path.of(BUNDLED_EXAMPLE)));
        }
        List<Path> roots = ModelArguments.resolve(commandLine, workingDirectory, files);
        ModelSource source = ModelSource.confined(
                workingDirectory,
                landscapeRoot(workingDirectory, roots.get(0), landscapeFolder),
                roots,
                options.limits().maxFileBytes());
        Map<Path, Node> imported = new LinkedHashMap<>();
        List<Diagnostic> importDiagnostics = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        for (Path root : roots) {
            Optional<Node> tree = threagileTree(source, root.normalize());
            if (tree.isEmpty()) {
                continue;
            }
            ImportResult result = new ThreagileImporter(
                            source, new ThreagileImporter.Options("enterprise", options.today(), options.limits()))
                    .importTree(root.normalize(), tree.get());
            importDiagnostics.addAll(result.diagnostics());
            PrintWriter err = commandLine.getErr();
            if (result.imported()) {
                imported.put(root.normalize(), result.tree().orElseThrow());
                err.printf(
                        "mamori: %s is a Threagile model; it is read as 'mamori import threagile %s' would write it"
                                + " (docs/import-threagile.md)%n",
                        root, root);
            } else {
                failed.add(root);
                hintAboutAliases(result.diagnostics(), err);
            }
        }
        List<Path> rest = roots.stream().filter(r -> !failed.contains(r)).toList();
        LoadResult loaded = rest.isEmpty()
                ? new LoadResult(Optional.empty(), List.of())
                : new ModelLoader(source, options).load(rest, imported);
        if (importDiagnostics.isEmpty()) {
            return loaded;
        }
        List<Diagnostic> all = new ArrayList<>(importDiagnostics);
        all.addAll(loaded.diagnostics());
        all.sort(Diagnostic.IN_FILE_ORDER);
        return new LoadResult(failed.isEmpty() ? loaded.landscape() : Optional.empty(), all);
    }

    /**
     * The file read as a tree when it is a Threagile model, else empty. Only a file that names one
     * of Threagile's own top-level keys is parsed here, so a Mamori model is not read twice.
     */
    private static Optional<Node> threagileTree(ModelSource source, Path file) {
        try {
            Optional<byte[]> bytes = source.read(file);
            if (bytes.isEmpty() || !mentionsThreagileKey(bytes.get())) {
                return Optional.empty();
            }
            Optional<Node> tree = new TreeReader(ReadLimits.DEFAULT)
                    .read(
                            file.toString(),
                            bytes.get(),
                            TreeReader.Syntax.forFileName(file.toString()),
                            new Diagnostics());
            return tree.filter(ThreagileImporter::isThreagile);
        } catch (IOException e) {
            return Optional.empty(); // the loader reads it again and reports the problem
        }
    }

    private static boolean mentionsThreagileKey(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.contains("technical_assets") || text.contains("threagile_version");
    }

    /**
     * Aliases are read, within a budget and after their anchor; when one was refused, say what the
     * rule is, since a Threagile user may be used to tools that expand without bound.
     */
    static void hintAboutAliases(List<Diagnostic> diagnostics, PrintWriter err) {
        if (diagnostics.stream().anyMatch(d -> d.code().equals("yaml-alias"))) {
            err.println("mamori: hint: YAML anchors (&name) must come before the aliases (*name, <<: *name) that"
                    + " use them, and the aliases of one file may expand to at most "
                    + ReadLimits.DEFAULT.maxAliasValues() + " values");
        }
    }

    /** A file of the bundled examples, from the class path; paths are as in the repository. */
    private static Optional<byte[]> bundled(Path path) throws IOException {
        String name = "/" + path.normalize().toString().replace('\\', '/');
        try (InputStream in = ModelInput.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
