package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files that cannot be read as a tree at all, or are hostile: one test per kind of problem. */
class SyntaxErrorsTest {

    private static LoadResult loadBytes(String name, byte[] bytes) {
        return Models.bytes(Map.of(Path.of(name), bytes), ReadLimits.DEFAULT, name);
    }

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        LoadResult result = Models.load("""
                mamori: 1
                landscape: One
                landscape: Two
                """);
        error(result, "duplicate-key", 3, 1, "duplicate key 'landscape'", "already set at line 2");
    }

    @Test
    void billionLaughsIsRejectedWithoutExpanding() {
        StringBuilder yaml = new StringBuilder(
                "mamori: 1\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        LoadResult result = Models.load(yaml.toString());
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).anySatisfy(d -> assertThat(d.code()).isEqualTo("yaml-alias"));
    }

    @Test
    void deepNestingIsRejectedWithItsLocation() {
        String deep = "mamori: 1\nx: " + "[".repeat(100) + "]".repeat(100) + "\n";
        LoadResult result = Models.load(deep);
        error(result, "too-deep", 2, 4 + ReadLimits.DEFAULT.maxDepth() - 1, "nested deeper than 40 levels");
    }

    @Test
    void binaryFilesAreNamedAsSuch() {
        byte[] bytes = {'m', 'a', 'm', 'o', 'r', 'i', ':', ' ', '1', '\n', 'x', 0, 1, 2};
        error(loadBytes("m.yaml", bytes), "binary-file", 2, 2, "NUL byte", "binary");
    }

    @Test
    void invalidUtf8IsLocatedAtTheBadByte() {
        byte[] bytes = "mamori: 1\nlandscape: caf\u00e9 X\n".getBytes(StandardCharsets.ISO_8859_1);
        error(loadBytes("m.yaml", bytes), "encoding", 2, 15, "byte 0xE9 is not valid UTF-8");
    }

    @Test
    void aStrayContinuationByteIsTheOneNamed() {
        byte[] bytes = {
            'm',
            'a',
            'm',
            'o',
            'r',
            'i',
            ':',
            ' ',
            '1',
            '\n',
            'x',
            ':',
            ' ',
            (byte) 0xC3,
            (byte) 0xA9,
            (byte) 0xC3,
            (byte) 0xA9,
            (byte) 0x80,
            '\n'
        };
        error(loadBytes("m.yaml", bytes), "encoding", 2, 6, "byte 0x80 is not valid UTF-8");
    }

    @Test
    void aLoneCarriageReturnEndsALine() {
        byte[] bytes = "mamori: 1\rlandscape: x\rbog\u00e4s: y\r".getBytes(StandardCharsets.ISO_8859_1);
        error(loadBytes("m.yaml", bytes), "encoding", 3, 4, "byte 0xE4");
    }

    @Test
    void messagesStayOnOneLineWhateverTheyQuote() {
        LoadResult result = Models.load("mamori: 1\n\"land\\nscape\": x\n");
        error(result, "unknown-key", 2, 1, "unknown key 'land\\nscape'");
    }

    @Test
    void utf16IsRejectedWithAHint() {
        byte[] bytes = "\uFEFFmamori: 1\n".getBytes(StandardCharsets.UTF_16BE);
        error(loadBytes("m.yaml", bytes), "encoding", 1, 1, "UTF-16", "save it as UTF-8");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = Models.BASE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text, 0, bytes, 3, text.length);
        assertThat(loadBytes("m.yaml", bytes).valid()).isTrue();
    }

    @Test
    void emptyFilesSayWhatIsExpected() {
        error(Models.load("\n  \n"), "empty-file", 1, 1, "expected a model starting with 'mamori: 1'");
        error(Models.load("# only a comment\n"), "empty-file", 1, 1, "holds no value");
    }

    @Test
    void aSecondDocumentIsRejected() {
        LoadResult result = Models.load(Models.BASE + "---\nmamori: 1\n");
        error(result, "several-documents", 22, 1, "a second document starts here");
    }

    @Test
    void yamlSyntaxErrorsAreLocatedAndReadable() {
        LoadResult result = Models.load("""
                mamori: 1
                stakeholders:
                  ops: { roles: [operator }
                """);
        error(result, "syntax", 3, 27, "not valid YAML", "expected ',' or ']'");
        assertThat(result.errors().get(0).message()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void tabsInIndentationAreSyntaxErrors() {
        LoadResult result = Models.load("mamori: 1\nstakeholders:\n\tops: {}\n");
        error(result, "syntax", 3, 1, "a tab is used for indentation here; YAML indents with spaces only");
    }

    @Test
    void jsonSyntaxErrorsAreLocated() {
        LoadResult result =
                Models.files(Map.of("m.json", "{\n  \"mamori\": 1,\n  \"landscape\": \"x\",\n}\n"), "m.json");
        error(result, "syntax", 4, 1, "not valid JSON");
    }

    @Test
    void jsonTrailingCommasAreNamed() {
        LoadResult result = Models.files(Map.of("m.json", "{\"mamori\": 1, \"imports\": [\"a.yaml\",]}\n"), "m.json");
        error(result, "syntax", 1, 36, "unexpected ']'", "no comma after the last entry");
    }

    @Test
    void jsonDuplicateKeysAreRejected() {
        LoadResult result = Models.files(Map.of("m.json", "{\n  \"mamori\": 1,\n  \"mamori\": 1\n}\n"), "m.json");
        error(result, "duplicate-key", 3, 3, "duplicate key 'mamori'");
    }

    @Test
    void oversizedFilesAreRejectedBeforeParsing() {
        ReadLimits small = new ReadLimits(100, 40, 10);
        LoadResult result =
                Models.bytes(Map.of(Path.of("m.yaml"), Models.BASE.getBytes(StandardCharsets.UTF_8)), small, "m.yaml");
        error(result, "file-too-large", 1, 1, "more than the limit of 100", "split the landscape");
    }

    @Test
    void customTagsAndBinaryScalarsHaveNoMeaning() {
        LoadResult result = Models.load("mamori: 1\nlandscape: !!binary aGVsbG8=\n");
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).allSatisfy(d -> assertThat(d.at().line()).isEqualTo(2));
    }
}
