package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code mamori validate} on every file of {@code src/test/resources/broken}: small models
 * with one realistic mistake each. Each must be rejected (exit 1) without a stack trace, with the
 * expected error at the expected place.
 *
 * <p>The expectation is the file's first line, {@code # expect: [FILE:]LINE:COL CODE}, or, for a
 * file that cannot hold a comment (binary, UTF-16, JSON, empty), the first line of a sidecar file
 * {@code NAME.expect} holding {@code [FILE:]LINE:COL CODE}. FILE, relative to the corpus, is given
 * when the error belongs in another file than the one validated (an import cycle is reported in
 * the file that closes it). Files in subfolders are helpers (the other half of a cycle) and are not
 * validated on their own.
 */
class BrokenCorpusTest {

    private static final Pattern EXPECTATION = Pattern.compile("(?:(\\S+):)?(\\d+):(\\d+)\\s+([a-z][a-z0-9-]*)");

    private static final Pattern STACK_TRACE_LINE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(");

    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    private static final Pattern SUMMARY = Pattern.compile("invalid: \\d+ errors?, \\d+ warnings?");

    record Expectation(String file, int line, int column, String code) {}

    record Run(int exitCode, String out, String err) {}

    static Path corpus() {
        try {
            return Path.of(BrokenCorpusTest.class.getResource("/broken").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files
                    .filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.endsWith(".expect"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void reportsTheExpectedErrorAsJson(String name) throws IOException {
        Expectation expected = expectation(name);
        Run run = validate("validate", "--format", "json", name);

        assertThat(run.exitCode())
                .as("exit code; output:%n%s%s", run.out(), run.err())
                .isEqualTo(1);
        assertNoStackTrace(run);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("valid").asBoolean(true)).isFalse();
        List<String> diagnostics = new ArrayList<>();
        boolean found = false;
        for (JsonNode d : report.path("diagnostics")) {
            diagnostics.add(d.path("file").asText() + ":" + d.path("line").asInt() + ":"
                    + d.path("column").asInt() + " " + d.path("severity").asText() + " "
                    + d.path("code").asText() + ": " + d.path("message").asText());
            found |= d.path("severity").asText().equals("error")
                    && d.path("file").asText().equals(expected.file())
                    && d.path("line").asInt() == expected.line()
                    && d.path("column").asInt() == expected.column()
                    && d.path("code").asText().equals(expected.code());
        }
        assertThat(found)
                .as(
                        "expected error %s:%d:%d %s among:%n%s",
                        expected.file(),
                        expected.line(),
                        expected.column(),
                        expected.code(),
                        String.join("\n", diagnostics))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void printsOneLocatedLinePerProblem(String name) throws IOException {
        Expectation expected = expectation(name);
        Run run = validate("validate", name);

        assertThat(run.exitCode())
                .as("exit code; output:%n%s%s", run.out(), run.err())
                .isEqualTo(1);
        assertNoStackTrace(run);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as("output").isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).as("summary line").matches(SUMMARY);
        Pattern located = Pattern.compile("^(" + Pattern.quote(name) + "|" + Pattern.quote(expected.file())
                + "):\\d+:\\d+: (error|warning): .+$");
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertThat(line)
                    .as("every line but the summary is FILE:LINE:COL: SEVERITY: MESSAGE")
                    .matches(located);
        }
        assertThat(lines)
                .as("the expected error is printed")
                .anyMatch(line -> line.startsWith(
                        expected.file() + ":" + expected.line() + ":" + expected.column() + ": error: "));
    }

    @Test
    void corpusIsLargeAndEveryExpectationHasItsFile() throws IOException {
        assertThat(brokenFiles().count()).isGreaterThanOrEqualTo(25);
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> orphans = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".expect"))
                    .filter(name -> !Files.isRegularFile(corpus().resolve(name.substring(0, name.length() - 7))))
                    .collect(Collectors.toList());
            assertThat(orphans).as("sidecar files without their model file").isEmpty();
        }
    }

    private static Expectation expectation(String name) throws IOException {
        Path sidecar = corpus().resolve(name + ".expect");
        String text;
        if (Files.isRegularFile(sidecar)) {
            text = Files.readString(sidecar, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
        } else {
            // The first line is ASCII even where the rest of the file is not valid UTF-8.
            String first = new String(Files.readAllBytes(corpus().resolve(name)), StandardCharsets.ISO_8859_1)
                    .lines()
                    .findFirst()
                    .orElse("");
            assertThat(first)
                    .as("%s starts with '# expect: [FILE:]LINE:COL CODE' or has a sidecar %s.expect", name, name)
                    .startsWith("# expect:");
            text = first.substring("# expect:".length());
        }
        Matcher m = EXPECTATION.matcher(text.strip());
        assertThat(m.matches())
                .as("expectation of %s is [FILE:]LINE:COL CODE: '%s'", name, text)
                .isTrue();
        return new Expectation(
                m.group(1) != null ? m.group(1) : name,
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4));
    }

    private static Run validate(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Mamori.run(args, new PrintWriter(out), new PrintWriter(err), corpus());
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertNoStackTrace(Run run) {
        for (String stream : List.of(run.out(), run.err())) {
            assertThat(stream).doesNotContainPattern(STACK_TRACE_LINE).doesNotContain("internal error");
            assertThat(EXCEPTION_NAME.matcher(stream).find())
                    .as("an exception class name in:%n%s", stream)
                    .isFalse();
        }
    }
}
