package dev.mamori.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data folders for servers started by tests. Made under the system's temporary folder and open to
 * others to enter, because when the tests run as root the embedded PostgreSQL runs as an
 * unprivileged user that must reach its cluster (JUnit's own temporary folders are private).
 */
final class TestData {

    private TestData() {}

    static Path folder() {
        try {
            Path folder = Files.createTempDirectory("mamori-server-test");
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on a free loopback port over {@code data}, its start-up lines not printed. */
    static MamoriServer quietServer(Path data) {
        return MamoriServer.start(
                MamoriServer.Options.loopback(0, data),
                new java.io.PrintStream(
                        new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8));
    }

    static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
