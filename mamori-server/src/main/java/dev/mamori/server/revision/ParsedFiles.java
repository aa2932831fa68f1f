package dev.mamori.server.revision;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trees of model files the server has read in accepted revisions, by path and content hash: a
 * push changes one stakeholder's files, and the others' are not parsed again. Only trees read
 * without any diagnostic are kept (so nothing the reader would have said is lost), and only files
 * of a landscape that loaded valid (so the loader's checks after reading passed). The trees are
 * immutable and shared. Bounded by the bytes of the files they were read from, least recently used
 * first out.
 */
final class ParsedFiles {

    /** The most bytes of model files whose trees are kept (a tree takes several times its file). */
    static final long MAX_BYTES = 48L * 1024 * 1024;

    private record Key(String path, String sha256) {}

    private record Entry(Node tree, long bytes) {}

    private final Map<Key, Entry> trees = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    synchronized Optional<Node> get(String path, String sha256) {
        return Optional.ofNullable(trees.get(new Key(path, sha256))).map(Entry::tree);
    }

    /**
     * Reads {@code content} as the workspace's loader reads model file {@code path} and keeps the
     * tree, when the file reads without any diagnostic.
     */
    void read(String path, String sha256, byte[] content) {
        if (content.length > MAX_BYTES / 4) {
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        // The name the loader gives a root file: its path as written, relative to the landscape folder.
        String name = Path.of(path).normalize().toString();
        Optional<Node> tree = new TreeReader(ReadLimits.DEFAULT)
                .read(name, content, TreeReader.Syntax.forFileName(name), diagnostics);
        if (tree.isEmpty() || !diagnostics.sorted().isEmpty()) {
            return;
        }
        synchronized (this) {
            Entry old = trees.put(new Key(path, sha256), new Entry(tree.get(), content.length));
            bytes += content.length - (old == null ? 0 : old.bytes());
            Iterator<Entry> eldest = trees.values().iterator();
            while (bytes > MAX_BYTES && eldest.hasNext()) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
        }
    }
}
