package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Anchors, aliases and merge keys are read as YAML defines them, within a budget on what they expand to. */
class YamlAliasesTest {

    private static MapNode tree(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        Node root = new TreeReader(ReadLimits.DEFAULT)
                .read("m.yaml", yaml.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.sorted()));
        return (MapNode) root;
    }

    private static MapNode map(MapNode parent, String key) {
        return (MapNode) parent.get(key).orElseThrow();
    }

    @Test
    void anAliasReadsAsItsAnchorAndKeepsTheAnchorsLocation() {
        Landscape landscape = Models.valid(Models.BASE.replace(
                "ops: { roles: [operator, data-owner, manufacturer] }",
                "ops: &o { roles: [operator, data-owner, manufacturer] }\n  ops2: *o"));
        assertThat(landscape.stakeholders()).containsKeys("ops", "ops2");
        MapNode root = tree("a: &x { k: 1 }\nb: *x\n");
        assertThat(map(root, "b").at().toString()).isEqualTo("m.yaml:1:4");
        assertThat(map(root, "b").entry("k").orElseThrow().keyAt().toString()).isEqualTo("m.yaml:1:9");
    }

    @Test
    void mergeKeysAddTheKeysOfOneOrSeveralMappingsAndWrittenKeysWin() {
        MapNode root = tree("""
                base: &base { zone: lan, kind: sensor }
                extra: &extra { kind: camera, count: 3 }
                one:
                  <<: *base
                  kind: meter
                several:
                  <<: [*extra, *base]
                """);
        MapNode one = map(root, "one");
        assertThat(one.entries()).extracting(MapNode.Entry::key).containsExactly("kind", "zone");
        assertThat(((ScalarNode) one.get("kind").orElseThrow()).text()).isEqualTo("meter");
        assertThat(one.entry("zone").orElseThrow().keyAt().toString()).isEqualTo("m.yaml:1:15");
        MapNode several = map(root, "several");
        assertThat(((ScalarNode) several.get("kind").orElseThrow()).text()).isEqualTo("camera");
        assertThat(several.entries()).extracting(MapNode.Entry::key).containsExactlyInAnyOrder("kind", "count", "zone");
    }

    @Test
    void aMergeOfSomethingElseThanAMappingIsLocated() {
        LoadResult result = Models.load("mamori: 1\nx: &x [1]\ndescription:\n  <<: *x\n");
        // A list merges each of its items, and the items of this one are not mappings.
        error(result, "yaml-merge", 2, 8, "the merge key '<<' takes a mapping", "this is the value 1");
    }

    @Test
    void anAliasBeforeItsAnchorIsLocated() {
        LoadResult result = Models.load("mamori: 1\ndescription: *later\nlandscape: &later X\n");
        error(result, "yaml-alias", 2, 14, "the alias '*later' names no anchor '&later' defined before it");
    }

    @Test
    void anAliasBombIsRefusedAtTheAliasThatCrossesTheBudget() {
        StringBuilder yaml = new StringBuilder("mamori: 1\na: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'z'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        LoadResult result = Models.load(yaml.toString());
        // f's aliases have expanded to 672,588 values in all, and g's first alias of f adds 597,871.
        error(result, "yaml-alias", 8, 8, "aliases in this file expand to more than 1000000 values", "alias bomb");
    }

    @Test
    void aliasesCannotNestDeeperThanTheDepthLimit() {
        StringBuilder yaml = new StringBuilder("mamori: 1\na0: &a0 [x]\n");
        for (int i = 1; i <= 50; i++) {
            yaml.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [*a")
                    .append(i - 1)
                    .append("]\n");
        }
        LoadResult result = Models.load(yaml.toString());
        error(result, "too-deep", 41, 12, "nested deeper than 40 levels");
    }
}
