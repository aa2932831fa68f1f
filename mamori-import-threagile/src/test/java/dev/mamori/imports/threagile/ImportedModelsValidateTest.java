package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.syntax.PlainValues;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fixture that imports gives a Mamori model that validates without error, both as the YAML
 * 'mamori import threagile' writes and as the located tree 'mamori assess' loads, and the two are
 * the same model.
 */
class ImportedModelsValidateTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cold-chain.yaml",
                "technical-assets.yaml",
                "communication-links.yaml",
                "trust-boundaries.yaml",
                "data-assets.yaml",
                "risk-tracking.yaml",
                "sections.yaml",
                "includes/model.yaml",
                "includes/data.yaml"
            })
    void validates(String fixture) {
        ImportResult result = Fixtures.importFixture(fixture);
        assertThat(result.imported()).as("%s", result.diagnostics()).isTrue();
        assertThat(result.errors()).isEmpty();

        LoadResult fromYaml = Fixtures.loadYaml(result);
        assertThat(fromYaml.errors()).as("the written YAML of %s", fixture).isEmpty();
        assertThat(fromYaml.valid()).isTrue();

        LoadResult fromTree = Fixtures.loadTree(result, fixture);
        assertThat(fromTree.errors()).as("the tree of %s", fixture).isEmpty();
        // What the loader says of the tree is located in the Threagile file.
        assertThat(fromTree.diagnostics()).map(d -> d.at().file()).allMatch(f -> f.equals(fixture));

        // The YAML reads back as exactly the model that was built.
        assertThat(new dev.mamori.model.syntax.TreeReader(dev.mamori.model.syntax.ReadLimits.DEFAULT)
                        .read(
                                "x.yaml",
                                result.yaml().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                dev.mamori.model.syntax.TreeReader.Syntax.YAML,
                                new dev.mamori.model.diagnostics.Diagnostics())
                        .map(PlainValues::of))
                .contains(result.plainValues().orElseThrow());
        assertThat(fromYaml.landscape().orElseThrow().components())
                .hasSameSizeAs(fromTree.landscape().orElseThrow().components());
        List<String> loaderWarnings =
                fromTree.warnings().stream().map(Diagnostic::code).toList();
        assertThat(loaderWarnings).doesNotContain("unusual-layer", "flow-to-network", "role-mismatch");
    }
}
