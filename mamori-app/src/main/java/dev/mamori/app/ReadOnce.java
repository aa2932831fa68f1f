package dev.mamori.app;

import dev.mamori.model.load.ModelSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source of one load, which reads each root file from disk once: the bytes the look for
 * Threagile's keys read are kept and handed to the loader when it asks for the same file, then
 * forgotten, so that the loader (its parse cache's hash and its parser) works on the same bytes
 * and a large landscape is not held twice. A file whose first read failed is read again by the
 * loader, which reports the problem in its words.
 */
final class ReadOnce implements ModelSource {

    private final ModelSource source;
    /** Concurrent: the loader reads the files a file imports on several threads at once. */
    private final Map<Path, byte[]> kept = new ConcurrentHashMap<>();

    ReadOnce(ModelSource source) {
        this.source = source;
    }

    /** Reads {@code path} and keeps its bytes for the next {@link #read} of the same path. */
    Optional<byte[]> readAndKeep(Path path) throws IOException {
        Optional<byte[]> bytes = source.read(path);
        bytes.ifPresent(b -> kept.put(path.normalize(), b));
        return bytes;
    }

    /** What no one takes is let go; a converted Threagile file's bytes are not needed again. */
    void forget(Path path) {
        kept.remove(path.normalize());
    }

    @Override
    public Optional<byte[]> read(Path path) throws IOException {
        byte[] bytes = kept.remove(path.normalize());
        return bytes != null ? Optional.of(bytes) : source.read(path);
    }
}
