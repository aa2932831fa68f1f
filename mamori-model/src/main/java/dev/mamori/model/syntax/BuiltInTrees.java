package dev.mamori.model.syntax;

import dev.mamori.model.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The trees of the YAML files shipped inside Mamori (the vocabulary, the requirement catalog), parsed
 * when the jar is built and kept beside each file as {@code NAME.tree}, in the parse cache's format
 * ({@link TreeCache}): reading a kept tree back takes a few milliseconds, where parsing the 110 KB of
 * YAML was a third of the work of assessing a small model (docs/performance.md, "Start-up again").
 *
 * <p>A kept tree is used only when it was made from exactly the bytes of the YAML file beside it
 * (their length and CRC-32C): a build that left an old tree behind (an IDE that copies resources
 * without running the build step) parses the YAML, as every run did before. The jar is Mamori's own,
 * so this guards against a stale build, not against an attacker. Only a tree parsed without any
 * diagnostic is kept, so the tree read back says exactly what parsing would have said: nothing.
 */
public final class BuiltInTrees {

    /** What a kept tree's name adds to its YAML file's name. */
    static final String SUFFIX = ".tree";

    private BuiltInTrees() {}

    /**
     * The tree of the resource {@code name} next to {@code anchor}, whose bytes are {@code yaml},
     * with its locations in {@code file}: the kept tree when it matches, else the YAML parsed.
     */
    public static Optional<Node> read(Class<?> anchor, String name, byte[] yaml, String file, Diagnostics diagnostics) {
        Optional<Node> kept = kept(anchor, name, yaml, file);
        if (kept.isPresent()) {
            return kept;
        }
        return new TreeReader(ReadLimits.DEFAULT).read(file, yaml, TreeReader.Syntax.forFileName(name), diagnostics);
    }

    /** The kept tree of {@code name} when there is one made from {@code yaml}, else empty. */
    static Optional<Node> kept(Class<?> anchor, String name, byte[] yaml, String file) {
        try (InputStream in = anchor.getResourceAsStream(name + SUFFIX)) {
            if (in == null) {
                return Optional.empty();
            }
            return TreeCache.decode(in.readAllBytes(), file, key(yaml));
        } catch (IOException | RuntimeException e) {
            // A cut or damaged tree: the YAML is parsed instead.
            return Optional.empty();
        }
    }

    /** What a kept tree must carry: the length and the CRC-32C of the YAML it was made from. */
    static byte[] key(byte[] yaml) {
        CRC32C crc = new CRC32C();
        crc.update(yaml, 0, yaml.length);
        return ByteBuffer.allocate(12)
                .putInt(yaml.length)
                .putLong(crc.getValue())
                .array();
    }

    /** The kept tree of {@code yaml}, its locations in {@code file}; fails on any diagnostic. */
    static byte[] make(String file, byte[] yaml) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<Node> tree =
                new TreeReader(ReadLimits.DEFAULT).read(file, yaml, TreeReader.Syntax.forFileName(file), diagnostics);
        if (tree.isEmpty() || !diagnostics.sorted().isEmpty()) {
            throw new IOException(file + " does not parse cleanly: " + diagnostics.sorted());
        }
        return TreeCache.encode(tree.get(), file, key(yaml));
    }

    /**
     * The build step (run by Maven after the resources are copied): for each YAML file named,
     * writes its kept tree beside it.
     *
     * @param args the classes folder, then the YAML files' paths in it
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BuiltInTrees CLASSES-FOLDER FILE.yaml...");
        }
        Path classes = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path yaml = classes.resolve(args[i]);
            byte[] tree = make(yaml.getFileName().toString(), Files.readAllBytes(yaml));
            Files.write(yaml.resolveSibling(yaml.getFileName() + SUFFIX), tree);
        }
    }
}
