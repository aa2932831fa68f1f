package dev.mamori.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL binaries are named to zonky by a short identity once unpacked, so that a start
 * does not read their archive for its digest.
 */
class BinariesTest {

    @Test
    void theArchiveIsNamedByTheJarsDirectoryAndItsFolderLinkedAfterAStart() throws Exception {
        Optional<String> identity = EmbeddedPostgresql.Binaries.identity("Linux", "x86_64");
        assertThat(identity)
                .hasValueSatisfying(id -> assertThat(id).matches("mamori postgres-linux-x86_64\\.txz \\d+ \\d+"));
        assertThat(EmbeddedPostgresql.Binaries.identity("Plan9", "mips")).isEmpty();

        // Any server start (this one or an earlier test's) leaves the short name's folder linked to
        // the unpacked binaries; the next start gives zonky the identity instead of the archive.
        Path data = Files.createTempDirectory("mamori-binaries-test");
        try (Database db = Database.embedded(data)) {
            db.connect().close();
        }
        Path keyed = Path.of(System.getProperty("java.io.tmpdir"), "mamori-postgres")
                .resolve("PG-"
                        + EmbeddedPostgresql.Binaries.md5(
                                identity.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(EmbeddedPostgresql.Binaries.unpacked(keyed)).isTrue();
        var binaries = new EmbeddedPostgresql.Binaries();
        try (var given = binaries.getPgBinary("Linux", "x86_64")) {
            assertThat(new String(given.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(identity.get());
        }
        try (Database db = Database.embedded(data)) {
            db.connect().close();
        }
        try (var all = Files.walk(data)) {
            all.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
