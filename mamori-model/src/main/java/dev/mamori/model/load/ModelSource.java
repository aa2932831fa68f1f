package dev.mamori.model.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where model files come from: the file system, or memory for tests and fuzzing. */
@FunctionalInterface
public interface ModelSource {

    /**
     * The bytes of {@code path}, or empty when there is no such file.
     *
     * @throws RefusedFileException when the source will not read the file (outside its folder, not a
     *     regular file, too large), with a message for the user
     */
    Optional<byte[]> read(Path path) throws IOException;

    /**
     * Regular files on disk, anywhere, read up to {@code maxBytes}; devices, FIFOs, sockets and
     * directories are refused before they are opened. For files a person named; a landscape's
     * imports are read through {@link #confined}.
     */
    static ModelSource fileSystem(long maxBytes) {
        return new FileSystemSource(Path.of("").toAbsolutePath(), null, java.util.Set.of(), maxBytes);
    }

    /** {@link #fileSystem(long)} with the default file size limit. */
    static ModelSource fileSystem() {
        return fileSystem(dev.mamori.model.syntax.ReadLimits.DEFAULT.maxFileBytes());
    }

    /**
     * Regular files inside the landscape's root folder only, as {@link #fileSystem(long)} reads them:
     * what imports, includes and catalogs name must resolve, symbolic links followed, to a file
     * under {@code root}. The files in {@code named} (those the user gave on the command line) are
     * read wherever they are.
     *
     * @param workingDirectory what relative paths are resolved against
     * @param root the landscape folder; by default the folder of the first model file
     */
    static ModelSource confined(Path workingDirectory, Path root, Collection<Path> named, long maxBytes) {
        return new FileSystemSource(workingDirectory, root, named, maxBytes);
    }

    /** Files held in memory, keyed by their normalised path. */
    static ModelSource inMemory(Map<Path, byte[]> files) {
        Map<Path, byte[]> copy = Map.copyOf(files);
        return path -> Optional.ofNullable(copy.get(path.normalize()));
    }
}
