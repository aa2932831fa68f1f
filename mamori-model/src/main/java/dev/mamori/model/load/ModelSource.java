package dev.mamori.model.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where model files come from: the file system, or memory for tests and fuzzing. */
@FunctionalInterface
public interface ModelSource {

    /** The bytes of {@code path}, or empty when there is no such file. */
    Optional<byte[]> read(Path path) throws IOException;

    /** Files on disk; a directory reads as absent. */
    static ModelSource fileSystem() {
        return path -> {
            if (Files.isDirectory(path)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(path));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        };
    }

    /** Files held in memory, keyed by their normalised path. */
    static ModelSource inMemory(Map<Path, byte[]> files) {
        Map<Path, byte[]> copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path.normalize()));
    }
}
