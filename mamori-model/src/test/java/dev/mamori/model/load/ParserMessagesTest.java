package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the parsers complain about, said in the model's words, and reading that stays linear. */
class ParserMessagesTest {

    private static final List<String> LIBRARY_WORDS = List.of(
            "com.fasterxml", "snakeyaml", "SnakeYAML", "StreamReadConstraints", "java.", "Feature", "Exception");

    private static LoadResult json(String text) {
        return Models.files(Map.of("m.json", text), "m.json");
    }

    private static LoadResult yaml(String text) {
        return Models.files(Map.of("m.yaml", text), "m.yaml");
    }

    private static void assertNoLibraryWords(LoadResult result) {
        assertThat(result.errors()).isNotEmpty();
        for (Diagnostic d : result.diagnostics()) {
            for (String word : LIBRARY_WORDS) {
                assertThat(d.message()).as(d.toString()).doesNotContain(word);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"mamori\": NaN}",
                "{\"mamori\": 1, \"x\": Infinity}",
                "{\"mamori\": 01}",
                "{\"mamori\": 1, \"x\": \"a\\qb\"}",
                "{\"mamori\": 1, x: 2}",
                "{\"mamori\": 1 \"x\": 2}",
                "{\"mamori\": 1, \"x\": [1 2]}",
                "{\"mamori\": 1, \"x\": tru}",
                "{\"mamori\": 1, \"x\": \"open",
                "{\"mamori\": 1]",
                "{\"mamori\": 1, \"x\": \"a\tb\"}",
            })
    void jsonErrorsNameNoLibrary(String text) {
        LoadResult result = json(text);
        assertNoLibraryWords(result);
        assertThat(result.errors().get(0).message()).startsWith("the file is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mamori: 1\nx: [1, 2\n",
                "mamori: 1\nx: {a: 1\n",
                "mamori: 1\n  x: 2\n",
                "mamori: 1\nx: \"unclosed\n",
                "mamori: 1\nx: @at\n",
                "mamori: 1\nx: !!binary aGVsbG8=\n",
                "mamori: 1\nx: !custom 1\n",
                "mamori: 1\nx: \"\\q\"\n",
                "mamori: 1\nx: a\u0007b\n",
                "{\"mamori\": 1}}\n",
                "{\"mamori\": NaN]\n",
                "%YAML 9.9\n---\nmamori: 1\n",
            })
    void yamlErrorsNameNoLibraryAndNeverJson(String text) {
        LoadResult result = yaml(text);
        assertNoLibraryWords(result);
        assertThat(result.errors()).allSatisfy(d -> assertThat(d.message()).doesNotContain("JSON"));
    }

    @Test
    void aControlCharacterInYamlIsLocated() {
        error(yaml("mamori: 1\nx: a\u0007b\n"), "syntax", 2, 5, "not valid YAML", "control character U+0007");
    }

    @Test
    void deepJsonSaysHowDeep() {
        LoadResult result = json("{\"mamori\": 1, \"x\": " + "[".repeat(2000) + "]".repeat(2000) + "}");
        error(result, "too-deep", 1, 59, "nested deeper than 40 levels");
        assertNoLibraryWords(result);
    }

    @Test
    void deepYamlSaysHowDeep() {
        LoadResult result = yaml("mamori: 1\nx: " + "[".repeat(2000) + "]".repeat(2000) + "\n");
        error(result, "too-deep", 2, 43, "nested deeper than 40 levels");
        assertNoLibraryWords(result);
    }

    @Test
    void datesSayWhatADateLooksLike() {
        LoadResult result = Models.load(
                Models.BASE + "treatments:\n  - { rule: x, status: accepted, reason: r, until: next-week }\n");
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.message()).contains("a date like 2026-01-31"));
        assertNoLibraryWords(result);
    }

    @Test
    void durationsAreBounded() {
        LoadResult result = Models.load(
                Models.BASE + "missions:\n  m:\n    needs: { all: [a.sensor] }\n    rto: 99999999999999d\n");
        error(result, "out-of-range", 24, 10, "'rto' is '99999999999999d', longer than the 36500 days");
    }

    /**
     * One scalar of 20 MB: SnakeYAML's own reader took about a minute for it (time quadratic in the
     * length of a token); the in-memory reader takes well under a second. The limit only guards
     * against a return of the quadratic path; docs/performance.md has the measured figures.
     */
    @Test
    void aLargeScalarIsReadInLinearTime() {
        byte[] prefix = "mamori: 1\ndescription: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 20 * 1024 * 1024 + 1);
        Arrays.fill(bytes, prefix.length, bytes.length - 1, (byte) 'x');
        bytes[bytes.length - 1] = '\n';
        Diagnostics diagnostics = new Diagnostics();
        Optional<Node> tree = assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> new TreeReader(ReadLimits.DEFAULT).read("big.yaml", bytes, TreeReader.Syntax.YAML, diagnostics));
        assertThat(diagnostics.sorted()).isEmpty();
        ScalarNode description = (ScalarNode) ((dev.mamori.model.syntax.MapNode) tree.orElseThrow())
                .get("description")
                .orElseThrow();
        assertThat(description.text()).hasSize(20 * 1024 * 1024);
    }
}
