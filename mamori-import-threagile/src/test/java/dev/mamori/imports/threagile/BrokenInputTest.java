package dev.mamori.imports.threagile;

import static dev.mamori.imports.threagile.Fixtures.importFixture;
import static dev.mamori.imports.threagile.Fixtures.printed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A file that is not a Threagile model, or a malformed one, gives located errors and no model. */
class BrokenInputTest {

    private static ImportResult refused(String fixture) {
        ImportResult result = importFixture(fixture);
        assertThat(result.imported()).isFalse();
        assertThat(result.yaml()).isEmpty();
        assertThat(result.errors()).isNotEmpty();
        return result;
    }

    @Test
    void aMamoriModelIsNotImported() {
        assertThat(printed(refused("broken/mamori-model.yaml")))
                .containsExactly("broken/mamori-model.yaml:1:1: error: this is a Mamori model, not a Threagile one: it"
                        + " needs no import; 'mamori validate' reads it");
    }

    @Test
    void anotherDocumentIsNotAThreagileModel() {
        assertThat(printed(refused("broken/not-a-model.yaml")))
                .containsExactly("broken/not-a-model.yaml:1:1: error: this is not a Threagile model: none of its keys"
                        + " (name, items) is a Threagile section such as threagile_version, data_assets or"
                        + " technical_assets");
        assertThat(printed(refused("broken/list.yaml")))
                .containsExactly("broken/list.yaml:1:1: error: this is not a Threagile model: it holds a list, where a"
                        + " Threagile model is a mapping with keys such as threagile_version, data_assets and"
                        + " technical_assets");
    }

    @Test
    void everyProblemOfAMalformedModelIsReportedAtOnce() {
        assertThat(printed(refused("broken/malformed.yaml")))
                .containsExactly(
                        "broken/malformed.yaml:4:3: error: data asset 'No Id' has no 'id'; Threagile refers to elements"
                                + " by their id",
                        "broken/malformed.yaml:11:22: error: 'secret' is not a valid confidentiality of a Threagile"
                                + " data asset; expected one of: public, internal, restricted, confidential,"
                                + " strictly-confidential",
                        "broken/malformed.yaml:17:15: error: 'internet' of technical asset 'Web' is the text 'maybe',"
                                + " but Threagile expects true or false",
                        "broken/malformed.yaml:18:28: error: 'data_assets_processed' of technical asset 'Web' is the"
                                + " text 'bad-rating', but Threagile expects a list",
                        "broken/malformed.yaml:21:17: error: no technical asset with id 'nowhere'",
                        "broken/malformed.yaml:23:28: error: no data asset with id 'ghost'",
                        "broken/malformed.yaml:25:5: error: the technical asset id 'web' is already used; ids must be"
                                + " unique",
                        "broken/malformed.yaml:27:3: error: trust boundary 'zone' is nested in itself, through zone",
                        "broken/malformed.yaml:29:36: error: no technical asset with id 'phantom'");
    }

    @Test
    void yamlMergeKeysAreReadAsThreagileModelsUseThem() {
        ImportResult result = Fixtures.importFixture("broken/alias.yaml");
        assertThat(result.errors()).isEmpty();
        assertThat(result.imported()).isTrue();
    }

    @Test
    void includesThatAreMissingOrCircular() {
        assertThat(printed(refused("broken/include-missing.yaml")))
                .containsExactly("broken/include-missing.yaml:3:12: error: cannot include 'not-there.yaml': there is no"
                        + " file broken/not-there.yaml (includes are relative to the including file)");
        assertThat(printed(refused("broken/include-cycle.yaml")))
                .containsExactly(
                        "broken/include-cycle-part.yaml:1:12: error: 'include-cycle.yaml' includes, directly or"
                                + " not, the file that includes it: broken/include-cycle.yaml; an include cycle never ends");
    }

    @Test
    void syntaxErrorsAndEmptyFilesAreLocated() {
        assertThat(printed(Fixtures.importText("bad.yaml", "technical_assets:\n  web: [unclosed\n")))
                .singleElement()
                .asString()
                .startsWith("bad.yaml:")
                .contains(": error: the file is not valid YAML");
        assertThat(printed(Fixtures.importText("empty.yaml", "")))
                .containsExactly(
                        "empty.yaml:1:1: error: the file is empty; expected a model starting with 'mamori: 1'");
        assertThat(printed(Fixtures.importText("scalar.yaml", "just text\n")))
                .containsExactly("scalar.yaml:1:1: error: this is not a Threagile model: it holds the text 'just text',"
                        + " where a Threagile model is a mapping with keys such as threagile_version, data_assets and"
                        + " technical_assets");
    }

    @Test
    void detectionTellsThreagileFromMamori() {
        assertThat(ThreagileImporter.isThreagile(tree("threagile_version: 1.0.0\n")))
                .isTrue();
        assertThat(ThreagileImporter.isThreagile(tree("technical_assets:\n"))).isTrue();
        assertThat(ThreagileImporter.isThreagile(tree("mamori: 1\ntechnical_assets:\n")))
                .isFalse();
        assertThat(ThreagileImporter.isThreagile(tree("data_assets:\n"))).isFalse();
        assertThat(ThreagileImporter.isThreagile(tree("- technical_assets\n"))).isFalse();
    }

    private static dev.mamori.model.syntax.Node tree(String yaml) {
        return new dev.mamori.model.syntax.TreeReader(dev.mamori.model.syntax.ReadLimits.DEFAULT)
                .read(
                        "t.yaml",
                        yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        dev.mamori.model.syntax.TreeReader.Syntax.YAML,
                        new dev.mamori.model.diagnostics.Diagnostics())
                .orElseThrow();
    }
}
