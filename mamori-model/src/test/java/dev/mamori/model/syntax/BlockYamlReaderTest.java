package dev.mamori.model.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.generate.LandscapeGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * What the block YAML reader reads, it reads as Jackson's parser does: the same tree, down to every
 * key's and value's location and kind, and only from a file in which Jackson's parser finds nothing
 * to say. Checked on generated landscapes, on every YAML file of the repository, on generated
 * documents that mix what it reads with what it leaves alone, and on landscapes edited line by line.
 */
class BlockYamlReaderTest {

    private static final TreeReader READER = new TreeReader(ReadLimits.DEFAULT);
    private static final InMemoryYamlFactory FACTORY =
            new InMemoryYamlFactory(new LoaderOptions(), StreamReadConstraints.defaults());

    private record Read(Optional<Node> tree, List<Diagnostic> said) {}

    /** Jackson's reading. */
    private static Read jackson(String text) {
        Diagnostics said = new Diagnostics();
        Optional<Node> tree = READER.parseWithJackson("m.yaml", text, TreeReader.Syntax.YAML, said);
        return new Read(tree, said.sorted());
    }

    /** The block reader's, or null when it leaves the text to Jackson. */
    private static Node block(String text) {
        return BlockYamlReader.read("m.yaml", text, ReadLimits.DEFAULT, FACTORY.plainKinds());
    }

    /** Asserts the block reader agrees with Jackson on {@code text}; returns whether it read it. */
    private static boolean agrees(String text, String what) {
        Node fast = block(text);
        if (fast == null) {
            return false;
        }
        Read full = jackson(text);
        assertThat(full.said())
                .as("Jackson found problems the block reader did not, in %s:%n%s", what, text)
                .isEmpty();
        assertThat(Optional.of(fast)).as("%s:%n%s", what, text).isEqualTo(full.tree());
        return true;
    }

    private static String generated(int systems, int components, long seed, boolean quoted) throws Exception {
        YAMLMapper mapper = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .configure(YAMLGenerator.Feature.MINIMIZE_QUOTES, !quoted)
                .configure(YAMLGenerator.Feature.INDENT_ARRAYS, seed % 3 == 0)
                .build();
        return mapper.writeValueAsString(new LandscapeGenerator(systems, components, seed).toPlainValues());
    }

    @Test
    void generatedLandscapesAreReadAsJacksonReadsThem() throws Exception {
        for (int seed = 1; seed <= 6; seed++) {
            String text = generated(2 + seed % 4, 20 * seed, seed, seed % 2 == 0);
            assertThat(agrees(text, "seed " + seed))
                    .as("seed %d read by the block reader", seed)
                    .isTrue();
            assertThat(agrees(text.replace("\n", "\r\n"), "seed " + seed + " with CR LF"))
                    .isTrue();
        }
    }

    @Test
    void everyYamlFileOfTheRepositoryIsReadAsJacksonReadsIt() throws Exception {
        int files = 0;
        int read = 0;
        List<Path> roots = List.of(Path.of(".."), Path.of("..", "..", "shared"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(f ->
                                f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .filter(f -> !f.toString().contains("/target/")
                                && !f.toString().contains("/node_modules/"))
                        .filter(f -> !f.toString().contains("/.git/")
                                && !f.toString().contains("/.mamori/"))
                        .sorted()
                        .toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    String text = new String(bytes, StandardCharsets.UTF_8);
                    if (text.isBlank() || bytes.length > 2_000_000 || text.indexOf('\0') >= 0) {
                        continue;
                    }
                    files++;
                    read += agrees(text, file.toString()) ? 1 : 0;
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        // Most files of the repository are in the subset (the rest: anchors, block texts, broken files).
        assertThat(read).as("of %d files", files).isGreaterThan(files / 2);
    }

    @Test
    void theBundledExamplesAreReadByTheBlockReader() throws Exception {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String text = Files.readString(file);

                assertThat(agrees(text, file.toString()))
                        .as(
                                "%s, left at line %d",
                                file, BlockYamlReader.lineLeftAt(text, ReadLimits.DEFAULT, FACTORY.plainKinds()))
                        .isTrue();
            }
        }
    }

    /** Scalars of every kind and shape, including those the block reader leaves alone. */
    private static final String[] SCALARS = {
        "plain",
        "two words",
        "a, b",
        "a:b",
        "http://x:80/p",
        "a #not",
        "-1",
        "+2",
        "0",
        "017",
        "0x1F",
        "1_000",
        "1.5",
        "-.5",
        ".inf",
        ".NaN",
        "6.02e23",
        "1:20",
        "true",
        "False",
        "yes",
        "No",
        "on",
        "OFF",
        "y",
        "n",
        "~",
        "null",
        "Null",
        "2026-01-01",
        "10.0.0.1",
        "1.2.3",
        "=",
        "<<",
        "a-b_c.d",
        "éclair",
        "日本語",
        "😀 smile",
        "'single'",
        "'it''s'",
        "''",
        "\"double\"",
        "\"esc \\\" \\\\ \\n \\t\"",
        "\"\\u00e9\"",
        "\"\\x41\"",
        "\"\\/\"",
        "\"\\0\"",
        "\"\"",
        "\"a: b\"",
        "'# no comment'",
        "[a, b]",
        "[]",
        "['x', \"y\", 3]",
        "[a, [b]]",
        "{}",
        "{a: 1}",
        "&anchor x",
        "*alias",
        "!!str 5",
        "|",
        ">",
        "- item",
        "-",
        "?",
        ": x",
        "a: b",
        "x # comment",
        "x#y",
        "%x",
        "@x",
        "`x",
        "[a, b",
        "\"open",
        "'open",
        "---",
        "...",
        "a ",
        "[ a , b ]",
        "[a,b]",
        "[a, ]",
        "-x",
        "-- x",
        "a\tb",
        "key:",
        "#c",
        "[http://x:80/p, a:b]",
        "{a: http://x, b: c:d}",
        "{a: b:}",
        "[a: b]",
        "{a:b}",
        "{a: 1, a: 2}",
        "{ a: [1, {b: c}], 'd': \"e\" }",
        "{a: }",
        "{a}",
        "[a, {b: 1}]",
        "[a:]",
        "[:a]",
        "{a: b, }",
        "[[], {}]",
        "{<<: {a: 1}}",
        "{\"k\": v}",
        "{'k' : v}",
        "[a b, c  ]",
        "[~, null, 1.5, true]",
        "[a:b:c, x:[y]]",
        "|\n  line one\n  line two",
        ">\n  folded one\n  folded two\n\n  after a blank",
        "|-\n  stripped\n\n\n  kept apart",
        ">-\n  one\n   more indented\n  back",
        "|\n    deep\n   shallower",
        "| # a comment\n  text # not a comment",
        "|2\n   indicated",
        "|+\n  kept\n\n",
        "|\n\n  after a blank",
        "|\n  text\n   \n  spaces line",
        ">\n  a\n  \n  b",
        "|\n  - looks: like a list\n  # and a comment"
    };

    private static final String[] KEYS = {
        "name",
        "two words",
        "'quoted'",
        "\"dq\"",
        "1",
        "true",
        "~",
        "null",
        "a-b",
        "<<",
        "k:k",
        "-k",
        "é",
        "😀",
        "? k",
        "k ",
        "[k]",
        "'k''s'"
    };

    /** A random document of mappings and lists in the shapes YAML allows, some beyond the subset. */
    private static void document(StringBuilder out, Random random, int indent, int depth) {
        int entries = 1 + random.nextInt(4);
        boolean list = random.nextInt(3) == 0;
        List<String> used = new ArrayList<>();
        for (int e = 0; e < entries; e++) {
            String pad = " ".repeat(indent);
            if (random.nextInt(12) == 0) {
                out.append(random.nextBoolean() ? "" : pad + "# a comment").append('\n');
            }
            if (list) {
                out.append(pad).append('-');
                value(out, random, indent, depth, true);
            } else {
                String key = KEYS[random.nextInt(KEYS.length)];
                if (used.contains(key) && random.nextInt(4) != 0) {
                    key = key + e;
                }
                used.add(key);
                out.append(pad).append(key).append(':');
                value(out, random, indent, depth, false);
            }
        }
    }

    private static void value(StringBuilder out, Random random, int indent, int depth, boolean item) {
        int choice = random.nextInt(depth > 4 ? 3 : 6);
        if (choice < 3) {
            String scalar = SCALARS[random.nextInt(SCALARS.length)];
            // the lines of a block text under the key or dash, now and then one column short
            scalar = scalar.replace("\n", "\n" + " ".repeat(Math.max(0, indent - (random.nextInt(10) == 0 ? 1 : 0))));
            out.append(" ".repeat(1 + random.nextInt(random.nextInt(6) == 0 ? 3 : 1)))
                    .append(scalar);
            if (random.nextInt(8) == 0) {
                out.append(" # trailing");
            }
            out.append('\n');
            if (random.nextInt(20) == 0) {
                out.append(" ".repeat(indent + 1 + random.nextInt(3))).append("continued\n");
            }
            return;
        }
        if (choice == 3 && item) {
            // a mapping on the item's line
            StringBuilder inner = new StringBuilder();
            document(inner, random, indent + 2, depth + 1);
            String text = inner.toString();
            int start = indent + 2;
            out.append(' ').append(text.length() > start ? text.substring(start) : text.strip() + "\n");
            return;
        }
        out.append(random.nextInt(10) == 0 ? "   # comment after the key\n" : "\n");
        if (random.nextInt(10) == 0) {
            out.append('\n');
        }
        int step = item ? 2 : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
        StringBuilder inner = new StringBuilder();
        document(inner, random, indent + step, depth + 1);
        if (step == 0 && !inner.toString().stripLeading().startsWith("-")) {
            out.append(" ".repeat(indent + 2));
            inner = new StringBuilder();
            document(inner, random, indent + 2, depth + 1);
            out.setLength(out.length() - indent - 2);
        }
        out.append(inner);
    }

    @Test
    void generatedDocumentsAreReadAsJacksonReadsThemOrLeftToIt() {
        Random random = new Random(7);
        int read = 0;
        int left = 0;
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(10) == 0) {
                text.append("---\n");
            }
            document(text, random, random.nextInt(8) == 0 ? 2 : 0, 1);
            String doc = random.nextInt(6) == 0 ? text.toString().replace("\n", "\r\n") : text.toString();
            if (agrees(doc, "round " + round)) {
                read++;
            } else {
                left++;
            }
        }
        assertThat(read).as("documents read").isGreaterThan(300);
        assertThat(left).as("documents left to Jackson").isGreaterThan(300);
    }

    /** Lines that change what the lines around them say, or break the file. */
    private static final String[] EDITS = {
        "  # a comment at the keys' indentation",
        "",
        "# a comment at the top",
        "    note: \"a quoted text that goes on",
        "      to the next line\"",
        "    note: 'it''s closed'",
        "    note: >-",
        "      a folded",
        "      text",
        "    note: |",
        "",
        "        deeper than the first",
        "    note: [a, \"b\", {c: d}]",
        "    note: [a, b,",
        "      c]",
        "  sys0:",
        "  sys1:",
        "  extra-key: 1",
        "  - an item",
        " one space",
        "\tTab: 1",
        "---",
        "...",
        "    anchored: &a {x: 1}",
        "    alias: *a",
        "    text: |",
        "      - looks like an item",
        "  keylike: inside a block text?",
        "    plain text that",
        "  continues: here",
        "top: 1",
        "systems:",
        "  \"quoted key\": 1",
        "  ? complex",
        "  : value",
        "    description: one: two",
        "      deeper: 1",
        "    - listed",
        "  empty:",
        "    null-ish: ~",
    };

    @Test
    void editedLandscapesAreReadAsJacksonReadsThemOrLeftToIt() throws Exception {
        String base = generated(3, 12, 5, false);
        List<String> lines = base.lines().toList();
        Random random = new Random(41);
        int read = 0;
        int broken = 0;
        for (int round = 0; round < 1_500; round++) {
            List<String> edited = new ArrayList<>(lines);
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int at = random.nextInt(edited.size() + 1);
                if (random.nextInt(4) == 0 && at < edited.size()) {
                    edited.remove(at);
                } else {
                    edited.add(at, EDITS[random.nextInt(EDITS.length)]);
                }
            }
            String text = String.join("\n", edited) + "\n";
            read += agrees(text, "round " + round) ? 1 : 0;
            broken += jackson(text).said().isEmpty() ? 0 : 1;
        }
        assertThat(read).as("edited landscapes read").isGreaterThan(150);
        assertThat(broken).as("edited landscapes with problems").isGreaterThan(150);
    }

    /** Characters that mean something in YAML, and a few that do not. */
    private static final String SIGNIFICANT = " \n\r\t-:#'\"[]{},|>&*!?%@`~\\a1.é😀";

    @Test
    void landscapesEditedCharacterByCharacterAreReadAsJacksonReadsThemOrLeftToIt() throws Exception {
        String base = Files.readString(Path.of("..", "examples", "plant", "plant.yaml"));
        Random random = new Random(23);
        int read = 0;
        for (int round = 0; round < 2_000; round++) {
            StringBuilder edited = new StringBuilder(base);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                int at = random.nextInt(edited.length() + 1);
                int kind = random.nextInt(3);
                if (kind == 0 && at < edited.length()) {
                    edited.deleteCharAt(at);
                    if (at < edited.length() && Character.isLowSurrogate(edited.charAt(at))) {
                        edited.deleteCharAt(at);
                    }
                } else {
                    int pick = random.nextInt(SIGNIFICANT.length());
                    int end = Character.isHighSurrogate(SIGNIFICANT.charAt(pick)) ? pick + 2 : pick + 1;
                    if (Character.isLowSurrogate(SIGNIFICANT.charAt(pick))) {
                        continue;
                    }
                    if (at > 0 && at < edited.length() && Character.isLowSurrogate(edited.charAt(at))) {
                        at--;
                    }
                    edited.insert(at, SIGNIFICANT, pick, end);
                }
            }
            // cut short now and then, anywhere
            String text =
                    random.nextInt(5) == 0 ? edited.substring(0, random.nextInt(edited.length())) : edited.toString();
            if (text.isBlank() || (text.length() > 0 && Character.isHighSurrogate(text.charAt(text.length() - 1)))) {
                continue;
            }
            read += agrees(text, "round " + round) ? 1 : 0;
        }
        assertThat(read).as("edited files read").isGreaterThan(200);
    }

    @Test
    void blockTextsAreReadAsJacksonReadsThem() {
        String[] texts = {
            "a: |\n  one\n  two\nb: 1\n",
            "a: >\n  one\n  two\n\n  three\n\n\nb: 1\n",
            "a: |-\n  one\n\n    indented\n  # not a comment\n# a comment\nb: 1\n",
            "a: >-\n  one\n  two",
            "- |\n  item\n- >-\n   deeper item\n   goes on\n",
            "a:\n- b: |\n    in a list\n  c: 1\n",
            "a: |\r\n  crlf\r\n  lines\r\nb: 1\r\n",
        };
        for (String text : texts) {
            assertThat(agrees(text, text)).as(text).isTrue();
        }
    }

    @Test
    void whatItLeavesToJacksonIsNamed() {
        assertThat(block("a: &x 1\nb: *x\n")).isNull();
        assertThat(block("a: |+\n  text\n")).isNull();
        assertThat(block("a: >2\n   text\n")).isNull();
        assertThat(block("a: >\n  text\n    more indented\n")).isNull();
        assertThat(block("a: b\na: c\n")).isNull();
        assertThat(block("a:\n\tb: 1\n")).isNull();
        assertThat(block("a: 1\n---\nb: 2\n")).isNull();
        assertThat(block("a: plain\n  continued\n")).isNull();
        assertThat(block("a: {b: 1,\n  c: 2}\n")).isNull();
        assertThat(block("a: 1\r b: 2\n")).isNull();
        assertThat(block("a: 1\n")).isNotNull();
    }
}
