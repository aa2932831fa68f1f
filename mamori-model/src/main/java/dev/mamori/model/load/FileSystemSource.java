package dev.mamori.model.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Model files on disk, read so that a model cannot make Mamori read what the user did not name:
 * optionally only inside a root folder (compared as real paths, so neither {@code ..} nor a symbolic
 * link leaves it), only regular files (a device such as /dev/zero or a FIFO is refused before it is
 * opened, so it can neither fill memory nor hang the read), and at most a number of bytes, counted
 * while reading (a file that grows, or that reports no size as /proc files do, still stops there).
 */
final class FileSystemSource implements ModelSource {

    private final Path workingDirectory;
    /** The folder reads are confined to, absolute and normalised; null when not confined. */
    private final Path root;
    /** {@link #root} with symbolic links resolved, when it exists. */
    private final Path realRoot;

    private final Set<Path> named;
    private final long maxBytes;

    FileSystemSource(Path workingDirectory, Path root, Collection<Path> named, long maxBytes) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.root = root == null ? null : this.workingDirectory.resolve(root).normalize();
        this.realRoot = this.root == null ? null : realOrSelf(this.root);
        this.named = named.stream()
                .map(p -> this.workingDirectory.resolve(p).normalize())
                .collect(Collectors.toUnmodifiableSet());
        this.maxBytes = maxBytes;
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public Optional<byte[]> read(Path path) throws IOException {
        Path absolute = workingDirectory.resolve(path).normalize();
        boolean confined = root != null && !named.contains(absolute);
        // Refused on the name alone first, so that nothing outside the folder is even looked at.
        if (confined && !absolute.startsWith(root) && !absolute.startsWith(realRoot)) {
            throw outside();
        }
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        }
        if (confined && !real.startsWith(realRoot)) {
            throw outside();
        }
        BasicFileAttributes attributes =
                Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(
                    "not-a-regular-file",
                    path + " is not a regular file but " + kind(attributes)
                            + "; a model is read from regular files only");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(path);
        }
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(readAtMost(in, path, attributes.size()));
        }
    }

    private RefusedFileException outside() {
        return new RefusedFileException(
                "outside-landscape", "imports, includes and catalogs must stay inside the landscape folder " + root);
    }

    private RefusedFileException tooLarge(Path path) {
        return new RefusedFileException(
                "file-too-large",
                path + " is larger than the limit of " + maxBytes
                        + " bytes; split the landscape into several files joined by 'imports'");
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a device, FIFO or socket";
    }

    /**
     * The stream's bytes, refusing once more than {@link #maxBytes} have come. The size the file
     * system reports is read in one go; whatever comes after it (a file that grew, or a /proc file
     * that reports no size) is read on, counted.
     */
    private byte[] readAtMost(InputStream in, Path path, long reportedSize) throws IOException {
        byte[] expected = in.readNBytes((int) Math.min(reportedSize, Integer.MAX_VALUE - 8));
        int next = in.read();
        if (next < 0) {
            return expected;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(expected);
        out.write(next);
        byte[] buffer = new byte[64 * 1024];
        long total = expected.length + 1L;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(path);
            }
            out.write(buffer, 0, n);
        }
        if (total > maxBytes) {
            throw tooLarge(path);
        }
        return out.toByteArray();
    }
}
