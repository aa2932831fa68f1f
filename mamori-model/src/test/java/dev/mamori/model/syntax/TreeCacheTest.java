package dev.mamori.model.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of parsed trees gives the tree the parser gives, and nothing else. */
class TreeCacheTest {

    @TempDir
    Path dir;

    /** A YAML file over the cache's threshold, with every kind of node and a line's worth of variety. */
    private static String large(String marker) {
        StringBuilder y = new StringBuilder("mamori: 1\nsystems:\n");
        for (int i = 0; y.length() < TreeCache.MIN_BYTES + 1000; i++) {
            y.append("  s")
                    .append(i)
                    .append(":\n    name: \"System ")
                    .append(i)
                    .append(" é ")
                    .append(marker)
                    .append("\"\n");
            y.append("    count: ").append(i).append("\n    ratio: 0.5\n    on: true\n    empty:\n");
            y.append("    tags: [a, 'b c', ").append(i % 7).append("]\n    note: |\n      two\n      lines\n");
        }
        return y.toString();
    }

    private Optional<Node> read(TreeCache cache, String file, String text, Diagnostics diagnostics) {
        return new TreeReader(ReadLimits.DEFAULT, cache)
                .read(file, text.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, diagnostics);
    }

    private Optional<Node> parsed(String file, String text) {
        return read(TreeCache.NONE, file, text, new Diagnostics());
    }

    private List<Path> entries() throws IOException {
        Path folder = dir.resolve(".mamori/cache");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".tree")).toList();
        }
    }

    @Test
    void aKeptTreeIsTheParsedTreeLocationsIncluded() throws IOException {
        TreeCache cache = TreeCache.beside(dir);
        String text = large("x");
        Diagnostics first = new Diagnostics();
        Optional<Node> cold = read(cache, "m.yaml", text, first);
        assertThat(entries()).hasSize(1);
        assertThat(Files.readString(dir.resolve(".mamori/.gitignore"))).contains("*");
        Diagnostics second = new Diagnostics();
        Optional<Node> warm = read(cache, "m.yaml", text, second);
        assertThat(cold).isPresent();
        assertThat(warm).isEqualTo(cold).isEqualTo(parsed("m.yaml", text));
        assertThat(first.sorted()).isEmpty();
        assertThat(second.sorted()).isEmpty();
    }

    @Test
    void aChangedFileOrAnotherNameOrOtherLimitsMiss() throws IOException {
        TreeCache cache = TreeCache.beside(dir);
        read(cache, "m.yaml", large("x"), new Diagnostics());
        // One character changed: the kept tree is not used, and the entry is replaced.
        assertThat(read(cache, "m.yaml", large("y"), new Diagnostics())).isEqualTo(parsed("m.yaml", large("y")));
        assertThat(entries()).hasSize(1);
        // The same bytes under another name: its own entry, its own locations.
        assertThat(read(cache, "n.yaml", large("y"), new Diagnostics())).isEqualTo(parsed("n.yaml", large("y")));
        assertThat(entries()).hasSize(2);
        // Other limits: parsed again under them (here, refused as too deep).
        Diagnostics shallow = new Diagnostics();
        Optional<Node> tree = new TreeReader(new ReadLimits(ReadLimits.DEFAULT.maxFileBytes(), 2, 10), cache)
                .read("m.yaml", large("y").getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, shallow);
        assertThat(tree).isEmpty();
        assertThat(shallow.hasErrors()).isTrue();
    }

    @Test
    void aDamagedEntryIsIgnoredAndWrittenAgain() throws IOException {
        TreeCache cache = TreeCache.beside(dir);
        String text = large("x");
        Optional<Node> expected = parsed("m.yaml", text);
        read(cache, "m.yaml", text, new Diagnostics());
        Path entry = entries().get(0);
        byte[] whole = Files.readAllBytes(entry);
        for (int cut : new int[] {0, 10, whole.length / 2, whole.length - 1}) {
            Files.write(entry, java.util.Arrays.copyOf(whole, cut));
            Diagnostics said = new Diagnostics();
            assertThat(read(cache, "m.yaml", text, said)).isEqualTo(expected);
            assertThat(said.sorted()).isEmpty();
            assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
        }
        for (int at : new int[] {3, 40, whole.length / 3, whole.length - 3}) {
            byte[] flipped = whole.clone();
            flipped[at] ^= 0x10;
            Files.write(entry, flipped);
            assertThat(read(cache, "m.yaml", text, new Diagnostics())).isEqualTo(expected);
            assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
        }
        Files.writeString(entry, "not a tree");
        assertThat(read(cache, "m.yaml", text, new Diagnostics())).isEqualTo(expected);
    }

    @Test
    void whatTheParserHadToSayIsSaidEveryTimeAndNothingIsKept() throws IOException {
        TreeCache cache = TreeCache.beside(dir);
        String text = large("x") + "systems:\n  again: {}\n";
        for (int run = 0; run < 2; run++) {
            Diagnostics said = new Diagnostics();
            read(cache, "m.yaml", text, said);
            assertThat(said.sorted()).extracting(d -> d.code()).contains("duplicate-key");
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void smallFilesAndAnUnwritableFolderAreParsedEveryTime() throws IOException {
        read(TreeCache.beside(dir), "m.yaml", "mamori: 1\n", new Diagnostics());
        assertThat(entries()).isEmpty();
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        String text = large("x");
        assertThat(read(TreeCache.beside(file), "m.yaml", text, new Diagnostics()))
                .isEqualTo(parsed("m.yaml", text));
    }
}
