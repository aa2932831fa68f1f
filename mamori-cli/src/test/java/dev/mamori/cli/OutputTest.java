package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A streamed document goes into a file beside the target, moved into place only when whole. */
class OutputTest {

    @TempDir
    Path dir;

    private final CommandLine commandLine =
            new CommandLine(new MamoriCommand(Path.of("."), false, new PrintWriter(new StringWriter())));

    @Test
    void aStreamedDocumentReplacesTheFileWhenWhole() throws IOException {
        Files.writeString(dir.resolve("out.json"), "old");
        Output.writeFile(
                commandLine,
                dir,
                Path.of("out.json"),
                out -> {
                    for (int i = 0; i < 100_000; i++) {
                        out.write("line " + i + " \u00e9\n");
                    }
                },
                List.of());
        List<String> lines = Files.readAllLines(dir.resolve("out.json"));
        assertThat(lines).hasSize(100_000).endsWith("line 99999 \u00e9");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileWhole() throws IOException {
        Files.writeString(dir.resolve("out.json"), "old");
        assertThatThrownBy(() -> Output.writeFile(
                        commandLine,
                        dir,
                        Path.of("out.json"),
                        out -> {
                            out.write("x".repeat(200_000));
                            throw new IOException("No space left on device");
                        },
                        List.of()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("cannot write out.json: No space left on device");
        assertThat(Files.readString(dir.resolve("out.json"))).isEqualTo("old");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aRendererThatBreaksHalfwayLeavesTheOldFileWhole() throws IOException {
        Files.writeString(dir.resolve("out.json"), "old");
        assertThatThrownBy(() -> Output.writeFile(
                        commandLine,
                        dir,
                        Path.of("out.json"),
                        out -> {
                            out.write("x".repeat(200_000));
                            throw new IllegalStateException("a bug");
                        },
                        List.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(dir.resolve("out.json"))).isEqualTo("old");
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aNamedPipeIsWrittenIntoNotReplaced() throws Exception {
        // as /dev/null is: moving a file into its place replaced the device when run as root
        Path pipe = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Output.writeFile(commandLine, dir, Path.of("pipe"), out -> out.write("through the pipe \u00e9\n"), List.of());
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("through the pipe \u00e9\n");
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aLinkIsWrittenThroughNotReplaced() throws IOException {
        Path real = Files.writeString(
                Files.createDirectory(dir.resolve("elsewhere")).resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        Output.writeFile(commandLine, dir, Path.of("link.json"), out -> out.write("new"), List.of());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(partFiles()).isEmpty();
        try (var files = Files.list(real.getParent())) {
            assertThat(files).containsExactly(real);
        }
    }

    private List<Path> partFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
