package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.syntax.PlainValues;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The writer's YAML reads back as the values it was given, whatever text they hold. */
class YamlWriterTest {

    private static final SourceLocation AT = SourceLocation.startOf("t.yaml");

    private static Object readBack(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        var tree = new TreeReader(ReadLimits.DEFAULT)
                .read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, diagnostics);
        assertThat(diagnostics.sorted()).as(yaml).isEmpty();
        return PlainValues.of(tree.orElseThrow());
    }

    @Property(tries = 500)
    void anyTextReadsBackAsWritten(@ForAll String text, @ForAll String key) {
        OutMap root = new OutMap(AT);
        root.put("value", AT, text);
        root.put("list", AT, List.of(text, "plain"));
        if (!key.isEmpty()) {
            root.map("nested", AT).put(key, AT, text);
        }
        Object back = readBack(YamlWriter.write(List.of("a comment\nover two lines"), root, List.of(text)));
        assertThat(back).isEqualTo(PlainValues.of(root.toNode()));
    }

    @Test
    void wordsYamlWouldReadAsSomethingElseAreQuoted() {
        for (String word : List.of(
                "yes",
                "No",
                "on",
                "off",
                "true",
                "null",
                "~",
                "1.0",
                "0x1F",
                "2024-01-01",
                "-",
                "a: b",
                "a #b",
                "[x]",
                "{y}",
                "*alias",
                "&anchor",
                "!tag",
                "%d",
                "@at",
                "`t`",
                "'q'",
                "\"q\"",
                " lead",
                "trail ",
                "multi\nline",
                "tab\there")) {
            OutMap root = new OutMap(AT);
            root.put("v", AT, word);
            assertThat(readBack(YamlWriter.write(List.of(), root, List.of()))).isEqualTo(Map.of("v", word));
        }
    }

    @Test
    void layout() {
        OutMap root = new OutMap(AT);
        root.put("mamori", AT, 1);
        OutList flows = root.list("flows", AT);
        OutMap flow = new OutMap(AT);
        flow.put("from", AT, "a");
        flow.put("commands", AT, true);
        flow.put("data", AT, List.of("x", "y z"));
        flows.add(AT, flow).comments.add("first flow");
        root.map("empty", AT);
        root.comment("empty", List.of("nothing here"));
        assertThat(YamlWriter.write(List.of("head"), root, List.of("tail"))).isEqualTo("""
                        # head
                        mamori: 1
                        flows:
                          # first flow
                          - from: a
                            commands: true
                            data: [x, y z]
                        # nothing here
                        empty: {}

                        # tail
                        """);
    }
}
