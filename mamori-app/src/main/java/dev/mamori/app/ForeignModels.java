package dev.mamori.app;

import dev.mamori.imports.threagile.ImportResult;
import dev.mamori.imports.threagile.ThreagileImporter;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The root files that are other tools' models (Threagile), converted in memory into the trees a
 * Mamori file would read as, so that one command assesses the same input both tools read.
 *
 * @param trees the converted trees by root file, handed to the loader instead of the files
 * @param failed the root files that are other tools' models but could not be converted
 * @param diagnostics what the conversion found, located in the files the user wrote
 * @param notices what a person should be told about the conversion
 */
record ForeignModels(Map<Path, Node> trees, Set<Path> failed, List<Diagnostic> diagnostics, List<String> notices) {

    /** The category Threagile's assets are given: Threagile models business IT. */
    private static final String THREAGILE_CATEGORY = "enterprise";

    /**
     * Converts the Threagile models among {@code roots}; the bytes of the others stay in {@code
     * source} for the loader, which so reads every file from disk once.
     */
    static ForeignModels convert(ReadOnce source, List<Path> roots, ModelLoader.Options options) {
        Map<Path, Node> trees = new LinkedHashMap<>();
        Set<Path> failed = new HashSet<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (Path given : roots) {
            Path root = given.normalize();
            Optional<Node> tree = threagileTree(source, root, options);
            if (tree.isEmpty()) {
                continue;
            }
            source.forget(root);
            ImportResult result = new ThreagileImporter(
                            source,
                            new ThreagileImporter.Options(THREAGILE_CATEGORY, options.today(), options.limits()))
                    .importTree(root, tree.get());
            diagnostics.addAll(result.diagnostics());
            if (result.imported()) {
                trees.put(root, result.tree().orElseThrow());
                notices.add(given + " is a Threagile model; it is read as 'mamori import threagile " + given
                        + "' would write it (docs/import-threagile.md)");
            } else {
                failed.add(root);
                notices.addAll(hints(result));
            }
        }
        return new ForeignModels(Map.copyOf(trees), Set.copyOf(failed), diagnostics, notices);
    }

    /**
     * The file read as a tree when it is a Threagile model, else empty. Only a file that names one
     * of Threagile's own top-level keys is parsed here, so a Mamori model is not read twice.
     */
    private static Optional<Node> threagileTree(ReadOnce source, Path file, ModelLoader.Options options) {
        try {
            Optional<byte[]> bytes = source.readAndKeep(file);
            if (bytes.isEmpty() || !mentionsThreagileKey(bytes.get())) {
                return Optional.empty();
            }
            Optional<Node> tree = new TreeReader(options.limits(), options.cache())
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

    private static final byte[] ASSETS = "technical_assets".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VERSION = "threagile_version".getBytes(StandardCharsets.US_ASCII);

    /** Searched in the bytes themselves: a copy of a 33 MB model as text cost more than the search. */
    static boolean mentionsThreagileKey(byte[] bytes) {
        return contains(bytes, ASSETS) || contains(bytes, VERSION);
    }

    private static boolean contains(byte[] bytes, byte[] word) {
        byte first = word[0];
        int last = bytes.length - word.length;
        for (int i = 0; i <= last; i++) {
            if (bytes[i] == first && java.util.Arrays.equals(bytes, i, i + word.length, word, 0, word.length)) {
                return true;
            }
        }
        return false;
    }

    /** What a person can do about a conversion that failed. */
    static List<String> hints(ImportResult result) {
        if (result.diagnostics().stream().anyMatch(d -> d.code().equals("yaml-alias"))) {
            return List.of("hint: YAML anchors (&name) must come before the aliases (*name, <<: *name) that use"
                    + " them, and the aliases of one file may expand to at most "
                    + ReadLimits.DEFAULT.maxAliasValues() + " values");
        }
        return List.of();
    }
}
