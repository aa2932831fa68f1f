package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feeds arbitrary bytes to the loader, in memory, as a YAML file and as a JSON file, both as the
 * root of a landscape and as a file imported by a valid one. Whatever the bytes, the loader must
 * not throw, must either produce a landscape or say why not with an error, and must point every
 * diagnostic at a place inside a file it was given.
 *
 * <p>A plain {@code mvn test} runs each method once on every file under {@code
 * src/test/resources/dev/mamori/model/load/LoaderFuzzTestInputs/<method>/} (the seed corpus and
 * the reproducers of past findings). To fuzz one method, run {@code JAZZER_FUZZ=1 ./mvnw test -pl
 * mamori-model -Dtest=LoaderFuzzTest#yaml} (or {@code #json}); {@code JAZZER_MAX_DURATION=5m}
 * sets how long, {@code JAZZER_KEEP_GOING=100} goes on past findings. Findings are written into
 * that directory as {@code crash-<sha1>}; rename them after what they show ({@code crash-*} files
 * reproduce bugs found so far) and they run as regression tests.
 */
class LoaderFuzzTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** How an encoding diagnostic names the offending byte. */
    private static final Pattern NAMED_BYTE = Pattern.compile("byte 0x([0-9A-Fa-f]{2})");

    /**
     * The root of the landscape in the second load: a valid model that imports the fuzzed file.
     * The fuzzed file is also present under a second name, so that one which imports it loads it
     * as an imported file too.
     */
    private static final String HOST = """
            mamori: 1
            landscape: Host
            imports: [%s]
            stakeholders:
              ops: { name: Operations, roles: [operator, maintainer] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                components:
                  plc: { kind: controller, zone: ot }
                  hmi: { kind: hmi }
                zones:
                  ot: { kind: ot }
                flows:
                  - { from: hmi, to: plc, protocol: modbus-tcp, commands: true }
            """;

    @FuzzTest(maxDuration = "5m")
    void yaml(byte[] input) {
        check(input, "m.yaml", "other.yaml");
    }

    @FuzzTest(maxDuration = "5m")
    void json(byte[] input) {
        check(input, "m.json", "other.json");
    }

    private static void check(byte[] input, String name, String otherName) {
        Map<String, byte[]> files = new HashMap<>();
        files.put(name, input);
        files.put(otherName, input);
        files.put("host.yaml", HOST.formatted(name).getBytes(StandardCharsets.UTF_8));

        loadAndCheck(files, name);
        loadAndCheck(files, "host.yaml");
    }

    private static void loadAndCheck(Map<String, byte[]> files, String root) {
        Map<Path, byte[]> source = new HashMap<>();
        files.forEach((name, bytes) -> source.put(Path.of(name), bytes));
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(source), new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                .load(List.of(Path.of(root)));

        boolean hasError = result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
        assertThat(result.valid())
                .as("a result is valid exactly when it has no error: %s", result.diagnostics())
                .isEqualTo(!hasError);
        result.landscape().ifPresent(l -> assertThat(l.files()).contains(root));

        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.code()).as("code of %s", d).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(d.message()).as("message of %s", d).isNotBlank();
            assertThat(d.message())
                    .as("the message of %s fits on the line FILE:LINE:COL: error: MESSAGE", d)
                    .doesNotContain("\n", "\r");
            String file = d.at().file();
            assertThat(files).as("the file of %s is one that was given", d).containsKey(file);
            byte[] content = files.get(file);
            assertThat(d.at().line()).as("line of %s", d).isBetween(1, maxLine(content));
            assertThat(d.at().column()).as("column of %s", d).isBetween(1, maxColumn(content));
            Matcher namedByte = NAMED_BYTE.matcher(d.message());
            if (d.code().equals("encoding") && namedByte.find()) {
                assertThat(Integer.parseInt(namedByte.group(1), 16))
                        .as("%s names an ASCII byte, which is always valid UTF-8", d)
                        .isGreaterThanOrEqualTo(0x80);
            }
        }
    }

    /**
     * The last line a diagnostic may name: one past the last line break, counting every character
     * that YAML or JSON readers take for a line break (LF, a lone CR, NEL, LS and PS).
     */
    private static int maxLine(byte[] content) {
        int breaks = 0;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b == '\n') {
                breaks++;
            } else if (b == '\r' && (i + 1 == content.length || content[i + 1] != '\n')) {
                breaks++;
            } else if (b == 0xC2 && i + 1 < content.length && (content[i + 1] & 0xFF) == 0x85) {
                breaks++;
            } else if (b == 0xE2
                    && i + 2 < content.length
                    && (content[i + 1] & 0xFF) == 0x80
                    && ((content[i + 2] & 0xFF) == 0xA8 || (content[i + 2] & 0xFF) == 0xA9)) {
                breaks++;
            }
        }
        return breaks + 2;
    }

    /**
     * The last column a diagnostic may name: one past the end of the longest line, counting bytes
     * (at least as many as characters, however the reader counts them).
     */
    private static int maxColumn(byte[] content) {
        int longest = 0;
        int current = 0;
        for (byte b : content) {
            if (b == '\n' || b == '\r') {
                current = 0;
            } else {
                current++;
                longest = Math.max(longest, current);
            }
        }
        return longest + 1;
    }
}
