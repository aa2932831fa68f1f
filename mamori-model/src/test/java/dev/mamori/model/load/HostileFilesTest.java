package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that names files it should not: outside the landscape folder, special files, files that
 * are not models. Each is refused at the import that names it, and no message shows what the file
 * holds. The files are real, in a temporary folder, read through the confined source the command
 * line uses.
 */
class HostileFilesTest {

    private static final String SECRETS = "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
            + "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

    @TempDir
    Path temp;

    private Path landscape;

    @BeforeEach
    void folders() throws IOException {
        landscape = Files.createDirectories(temp.resolve("landscape"));
    }

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Loads landscape/main.yaml, which imports {@code target}, confined to the landscape folder. */
    private LoadResult importing(String target) throws IOException {
        write(landscape.resolve("main.yaml"), Models.BASE + "imports: ['" + target + "']\n");
        return load(landscape.resolve("main.yaml"), ReadLimits.DEFAULT);
    }

    private static LoadResult load(Path main, ReadLimits limits) {
        ModelSource source =
                ModelSource.confined(main.getParent(), main.getParent(), List.of(main), limits.maxFileBytes());
        return new ModelLoader(source, new ModelLoader.Options(limits, Models.TODAY)).load(List.of(main));
    }

    private static void assertNothingQuoted(LoadResult result, String... secrets) {
        for (Diagnostic d : result.diagnostics()) {
            for (String secret : secrets) {
                assertThat(d.message()).doesNotContain(secret);
            }
        }
    }

    @Test
    void anAbsoluteImportIsRefusedAtTheEntry() throws IOException {
        Path outside = write(temp.resolve("shadow"), "root:$6$secrethash:19000:0:99999:7:::\n");
        LoadResult result = importing(outside.toString());
        error(result, "outside-landscape", 21, 11, "cannot import '" + outside + "'", "this one is absolute");
        assertNothingQuoted(result, "secrethash");
    }

    @Test
    void aDotDotEscapeIsRefusedAtTheEntry() throws IOException {
        write(temp.resolve("other/model.yaml"), "mamori: 1\nsecret-key: hunter2\n");
        LoadResult result = importing("../other/model.yaml");
        error(
                result,
                "outside-landscape",
                21,
                11,
                "cannot import '../other/model.yaml'",
                "imports, includes and catalogs must stay inside the landscape folder " + landscape.toRealPath());
        assertNothingQuoted(result, "secret-key", "hunter2");
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
        Path outside = write(temp.resolve("outside.yaml"), "mamori: 1\nsecret-key: hunter2\n");
        Files.createSymbolicLink(landscape.resolve("link.yaml"), outside);
        LoadResult result = importing("link.yaml");
        error(
                result,
                "outside-landscape",
                21,
                11,
                "cannot import 'link.yaml'",
                "must stay inside the landscape folder");
        assertNothingQuoted(result, "secret-key", "hunter2");
    }

    @Test
    void aSymbolicLinkInsideTheFolderIsFollowed() throws IOException {
        write(landscape.resolve("parts/more.yaml"), "mamori: 1\n");
        Files.createSymbolicLink(landscape.resolve("more.yaml"), landscape.resolve("parts/more.yaml"));
        LoadResult result = importing("more.yaml");
        assertThat(result.valid()).as(Models.render(result.diagnostics())).isTrue();
    }

    @Test
    void aFolderIsNotAModelFile() throws IOException {
        Files.createDirectories(landscape.resolve("parts"));
        LoadResult result = importing("parts");
        error(result, "not-a-regular-file", 21, 11, "cannot import 'parts'", "is not a regular file but a folder");
    }

    @Test
    void aDeviceIsRefusedBeforeItIsRead() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        // Named by the user, so not confined; still a device, refused before a byte is read.
        LoadResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> new ModelLoader(
                                ModelSource.fileSystem(), new ModelLoader.Options(ReadLimits.DEFAULT, Models.TODAY))
                        .load(List.of(zero)));
        error(result, "not-a-regular-file", 1, 1, "/dev/zero is not a regular file but a device, FIFO or socket");
    }

    @Test
    void aFifoIsRefusedWithoutHanging() throws Exception {
        Path fifo = landscape.resolve("pipe.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> importing("pipe.yaml"));
        error(result, "not-a-regular-file", 21, 11, "cannot import 'pipe.yaml'", "a device, FIFO or socket");
    }

    @Test
    void aSecretsFileIsNotAModelAndIsNotQuoted() throws IOException {
        write(landscape.resolve(".env"), SECRETS);
        LoadResult result = importing(".env");
        error(
                result,
                "not-a-model",
                21,
                11,
                "cannot import '.env'",
                "not a Mamori model: expected a mapping with" + " 'mamori: 1'");
        assertNothingQuoted(result, "AKIA", "wJalr", "AWS_");
    }

    @Test
    void aMappingOfSecretsIsNotAModelAndIsNotQuoted() throws IOException {
        write(
                landscape.resolve("passwd.yaml"),
                "root: x:0:0:root:/root:/bin/bash\ndaemon: x:1:1:daemon\ndaemon: again\n");
        LoadResult result = importing("passwd.yaml");
        error(result, "not-a-model", 21, 11, "not a Mamori model");
        assertNothingQuoted(result, "root:", "daemon", "/bin/bash");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() throws IOException {
        write(landscape.resolve("big.yaml"), "mamori: 1\ndescription: " + "x".repeat(5_000) + "\n");
        write(landscape.resolve("main.yaml"), Models.BASE + "imports: [big.yaml]\n");
        LoadResult result = load(landscape.resolve("main.yaml"), new ReadLimits(2_000, 40, 10));
        error(result, "file-too-large", 21, 11, "cannot import 'big.yaml'", "larger than the limit of 2000 bytes");
    }

    @Test
    void theSizeLimitHoldsWhileReadingAFileThatReportsNoSize() throws IOException {
        // Files of /proc report a size of 0 and are regular files: only counting while reading stops them.
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isRegularFile(maps) && Files.size(maps) == 0, "no /proc here");
        ModelSource source = ModelSource.fileSystem(64);
        assertThatThrownBy(() -> source.read(maps))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("larger than the limit of 64 bytes");
    }

    @Test
    void filesTheUserNamedAreReadWhereverTheyAre() throws IOException {
        Path elsewhere = write(temp.resolve("elsewhere/model.yaml"), Models.BASE);
        ModelSource source = ModelSource.confined(temp, landscape, List.of(elsewhere), 1_000_000);
        assertThat(source.read(elsewhere)).isPresent();
        assertThat(source.read(landscape.resolve("missing.yaml"))).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> source.read(Path.of("elsewhere/other.yaml")))
                .isInstanceOf(RefusedFileException.class)
                .hasMessageContaining("must stay inside the landscape folder " + landscape);
    }

    @Test
    void absoluteImportsAreRefusedWhateverTheSource() {
        LoadResult result = Models.files(Map.of("m.yaml", Models.BASE + "imports: [/etc/passwd]\n"), "m.yaml");
        error(result, "outside-landscape", 21, 11, "cannot import '/etc/passwd'", "absolute");
    }
}
