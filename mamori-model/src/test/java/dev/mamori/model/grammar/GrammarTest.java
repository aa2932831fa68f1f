package dev.mamori.model.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.Models;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The grammar, the loader and the generated schema agree on one model that uses every key. */
class GrammarTest {

    private static String kitchenSink() throws IOException {
        try (InputStream in = GrammarTest.class.getResourceAsStream("kitchen-sink.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Schema schema() throws IOException {
        String json = new ObjectMapper().writeValueAsString(new JsonSchema(BuiltInVocabulary.get()).toMap());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json);
    }

    @Test
    void theKitchenSinkIsValidWithoutWarnings() throws IOException {
        LoadResult result = Models.load(kitchenSink());
        assertThat(result.diagnostics()).as(Models.render(result.diagnostics())).isEmpty();
    }

    @Test
    void theKitchenSinkUsesEveryKeyOfTheGrammar() throws IOException {
        Node tree = new TreeReader(ReadLimits.DEFAULT)
                .read(
                        "k.yaml",
                        kitchenSink().getBytes(StandardCharsets.UTF_8),
                        TreeReader.Syntax.YAML,
                        new Diagnostics())
                .orElseThrow();
        Set<String> used = new TreeSet<>();
        collect(tree, Grammar.FILE, used);
        Set<String> declared = new TreeSet<>();
        for (ObjectSpec spec : Grammar.objects()) {
            spec.fields().forEach(f -> declared.add(spec.name() + "." + f.key()));
        }
        assertThat(used).containsAll(declared);
    }

    /** Walks the tree along the grammar, recording object.key for every key met. */
    private static void collect(Node node, ObjectSpec spec, Set<String> used) {
        if (!(node instanceof MapNode map)) {
            return;
        }
        for (MapNode.Entry entry : map.entries()) {
            FieldSpec field =
                    spec.field(entry.key()).orElseThrow(() -> new AssertionError("unknown key " + entry.key()));
            used.add(spec.name() + "." + field.key());
            collectValue(entry.value(), field.type(), used);
        }
    }

    private static void collectValue(Node value, ValueType type, Set<String> used) {
        if (type instanceof ValueType.Obj obj) {
            collect(value, obj.spec(), used);
        } else if (type instanceof ValueType.MapOf mapOf && value instanceof MapNode map) {
            map.entries().forEach(e -> collect(e.value(), mapOf.value(), used));
        } else if (type instanceof ValueType.ListOf list && value instanceof ListNode items) {
            items.items().forEach(i -> collectValue(i, list.item(), used));
        }
    }

    @Test
    void theKitchenSinkValidatesAgainstTheSchema() throws IOException {
        JsonNode model = new YAMLMapper().readTree(kitchenSink());
        List<Error> errors = schema().validate(model);
        assertThat(errors).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonNode unknownKey =
                new YAMLMapper().readTree("mamori: 1\nsystems: { a: { owner: o, category: consumer, colour: red } }\n");
        assertThat(schema().validate(unknownKey)).isNotEmpty();
        JsonNode missingVersion = new YAMLMapper().readTree("landscape: X\n");
        assertThat(schema().validate(missingVersion)).isNotEmpty();
        JsonNode badNeeds = new YAMLMapper().readTree("mamori: 1\nmissions: { m: { needs: { al: [a.b] } } }\n");
        assertThat(schema().validate(badNeeds)).isNotEmpty();
        JsonNode badScale = new YAMLMapper()
                .readTree(
                        "mamori: 1\nsystems: { a: { owner: o, category: consumer, components: { x: { kind: sensor, update: sometimes } } } }\n");
        assertThat(schema().validate(badScale)).isNotEmpty();
    }

    @Test
    void theReferenceDocumentsEveryKey() {
        String markdown = new ReferenceDoc(BuiltInVocabulary.get()).markdown();
        for (ObjectSpec spec : Grammar.objects()) {
            assertThat(markdown).contains("### " + spec.name() + "\n");
            spec.fields().forEach(f -> assertThat(markdown).contains("| `" + f.key() + "` |"));
        }
        assertThat(markdown).contains("`modbus-tcp`").contains("**required**");
    }
}
