package dev.mamori.vulns.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tree read straight from the parser is the tree Jackson's object mapper makes of the same text. */
class JsonTreeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyJsonFileOfTheBundledExampleGivesTheMappersTree() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("..", "examples", "venue"))) {
            files = all.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            JsonNode expected = MAPPER.readTree(bytes);
            assertThat(JsonTree.read(bytes)).as(file.toString()).isEqualTo(expected);
            assertThat(JsonTree.read(new String(bytes, StandardCharsets.UTF_8)))
                    .as(file.toString())
                    .isEqualTo(expected);
        }
    }

    @Test
    void generatedDocumentsGiveTheMappersTreeDownToTheKindOfEachNumber() throws IOException {
        Random random = new Random(21);
        for (int i = 0; i < 2_000; i++) {
            String text = value(random, 0);
            JsonNode expected = MAPPER.readTree(text);
            JsonNode tree = JsonTree.read(text);
            assertThat(tree).as(text).isEqualTo(expected);
            assertThat(tree.toString()).as(text).isEqualTo(expected.toString());
        }
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> JsonTree.read("{\"id\": 1,\n \"id\": 2}"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'id'")
                .satisfies(e -> assertThat(
                                ((JsonProcessingException) e).getLocation().getLineNr())
                        .isEqualTo(2));
    }

    @Test
    void brokenTruncatedAndTooDeepDocumentsAreRefused() throws JsonProcessingException {
        assertThatThrownBy(() -> JsonTree.read("{\"a\": [1, 2"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> JsonTree.read("{\"a\" 1}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> JsonTree.read("[".repeat(201) + "]".repeat(201)))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
        assertThat(JsonTree.read("[".repeat(200) + "]".repeat(200)).isArray()).isTrue();
    }

    @Test
    void anEmptyDocumentIsTheMissingNodeAndWhatFollowsTheFirstValueIsNotRead() throws IOException {
        assertThat(JsonTree.read("  ").isMissingNode()).isTrue();
        assertThat(JsonTree.read("{\"a\": 1} trailing")).isEqualTo(MAPPER.readTree("{\"a\": 1} trailing"));
    }

    /** A random JSON value: objects, arrays, texts with escapes, numbers of every size, literals. */
    private static String value(Random random, int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(6) : random.nextInt(8);
        switch (kind) {
            case 0 -> {
                StringBuilder out = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    out.append(i > 0 ? ", " : "")
                            .append("\"k")
                            .append(i)
                            .append("\": ")
                            .append(value(random, depth + 1));
                }
                return out.append("}").toString();
            }
            case 1 -> {
                StringBuilder out = new StringBuilder("[");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    out.append(i > 0 ? "," : "").append(value(random, depth + 1));
                }
                return out.append("]").toString();
            }
            case 2 -> {
                String[] texts = {
                    "", "plain", "two words", "quote \\\" inside", "\\u00e9t\\u00e9", "tab\\tnew\\nline", "日本"
                };
                return "\"" + texts[random.nextInt(texts.length)] + "\"";
            }
            case 3 -> {
                long[] ints = {0, -1, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L + Integer.MAX_VALUE, Long.MAX_VALUE};
                return Long.toString(ints[random.nextInt(ints.length)]);
            }
            case 4 -> {
                return random.nextBoolean() ? "92233720368547758070" : "-123456789012345678901234567890";
            }
            case 5 -> {
                String[] floats = {"9.8", "0.5", "-1.0e-3", "1E10", "3.14159265358979323846", "0.0"};
                return floats[random.nextInt(floats.length)];
            }
            case 6 -> {
                return random.nextBoolean() ? "true" : "false";
            }
            default -> {
                return "null";
            }
        }
    }
}
