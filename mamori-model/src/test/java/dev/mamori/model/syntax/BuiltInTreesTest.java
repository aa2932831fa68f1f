package dev.mamori.model.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trees the build keeps beside the built-in YAML files are the trees parsing gives, or unused. */
class BuiltInTreesTest {

    @TempDir
    Path dir;

    private static final String FILE = "builtin:vocabulary.yaml";

    private static Optional<Node> parsed(String file, byte[] yaml) {
        return new TreeReader(ReadLimits.DEFAULT).read(file, yaml, TreeReader.Syntax.YAML, new Diagnostics());
    }

    @Test
    void theBuildKeptTheVocabularysTreeAndItIsTheParsedTreeLocationsIncluded() {
        byte[] yaml = ClasspathResource.bytes(Vocabulary.class, "vocabulary.yaml");
        Optional<Node> kept = BuiltInTrees.kept(Vocabulary.class, "vocabulary.yaml", yaml, FILE);
        assertThat(kept).as("vocabulary.yaml.tree, written by the build step").isPresent();
        assertThat(kept).isEqualTo(parsed(FILE, yaml));
        assertThat(BuiltInTrees.read(Vocabulary.class, "vocabulary.yaml", yaml, FILE, new Diagnostics()))
                .isEqualTo(kept);
    }

    @Test
    void aTreeMadeFromOtherBytesIsNotUsedAndTheYamlIsParsed() {
        byte[] yaml = ClasspathResource.bytes(Vocabulary.class, "vocabulary.yaml");
        byte[] edited = (new String(yaml, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8);
        assertThat(BuiltInTrees.kept(Vocabulary.class, "vocabulary.yaml", edited, FILE))
                .isEmpty();
        assertThat(BuiltInTrees.read(Vocabulary.class, "vocabulary.yaml", edited, FILE, new Diagnostics()))
                .isEqualTo(parsed(FILE, edited));
        assertThat(BuiltInTrees.kept(Vocabulary.class, "no-such.yaml", yaml, FILE))
                .isEmpty();
    }

    @Test
    void theBuildStepWritesATreeBesideEachFileAndRefusesAFileThatDoesNotParseCleanly() throws IOException {
        Path yaml = dir.resolve("a/b.yaml");
        Files.createDirectories(yaml.getParent());
        byte[] text = "x: [1, two]\ny: { z: 'w' }\n".getBytes(StandardCharsets.UTF_8);
        Files.write(yaml, text);
        BuiltInTrees.main(new String[] {dir.toString(), "a/b.yaml"});
        byte[] tree = Files.readAllBytes(dir.resolve("a/b.yaml.tree"));
        assertThat(TreeCache.decode(tree, "builtin:b.yaml", BuiltInTrees.key(text)))
                .isEqualTo(parsed("builtin:b.yaml", text));

        Files.writeString(yaml, "x: 1\nx: 2\n");
        assertThatThrownBy(() -> BuiltInTrees.main(new String[] {dir.toString(), "a/b.yaml"}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not parse cleanly");
    }
}
