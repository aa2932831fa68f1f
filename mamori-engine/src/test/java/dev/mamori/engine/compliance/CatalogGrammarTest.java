package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.grammar.FieldSpec;
import dev.mamori.model.grammar.ObjectSpec;
import dev.mamori.model.grammar.ValueType;
import dev.mamori.model.syntax.ClasspathResource;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog grammar, the reader and the generated schema and reference agree: the built-in files
 * and a kitchen-sink catalog that together use every key read cleanly and validate against the
 * schema, the schema rejects what the reader rejects, and docs/compliance.md holds the generated
 * reference.
 */
class CatalogGrammarTest {

    private static final String KITCHEN_SINK = "kitchen-sink-catalog.yaml";

    private static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE: CatalogGrammar.reference() -->\n";
    private static final String END = "<!-- END GENERATED REFERENCE -->\n";

    private static String resource(String name) {
        return new String(ClasspathResource.bytes(CatalogGrammarTest.class, name), StandardCharsets.UTF_8);
    }

    private static Schema schema() throws IOException {
        String json = new ObjectMapper().writeValueAsString(CatalogGrammar.jsonSchema());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json);
    }

    private static List<String> schemaErrors(String yaml) throws IOException {
        JsonNode file = new YAMLMapper().readTree(yaml);
        return schema().validate(file).stream().map(Error::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"standards.yaml", "catalog.yaml", "profiles.yaml", KITCHEN_SINK})
    void theBuiltInFilesAndTheKitchenSinkValidateAgainstTheGeneratedSchema(String name) throws IOException {
        assertThat(schemaErrors(resource(name))).as(name).isEmpty();
    }

    @Test
    void theKitchenSinkReadsWithoutAProblem() {
        CatalogReader.Result result = CatalogReader.extend(
                CatalogReader.builtIn(),
                List.of(new CatalogReader.Source(
                        KITCHEN_SINK, resource(KITCHEN_SINK).getBytes(StandardCharsets.UTF_8))));
        assertThat(result.diagnostics()).isEmpty();
        Catalog catalog = result.catalog();
        assertThat(catalog.requirements().get("display-integrity").anyMeans()).isTrue();
        assertThat(catalog.means("signed-content").orElseThrow().securityLevel())
                .hasValue(2);
        assertThat(catalog.profiles().get("stadium").byJurisdiction().get("ch").regime())
                .contains("Swiss venue ordinance (example)");
    }

    @Test
    void theBuiltInFilesAndTheKitchenSinkUseEveryKeyOfTheGrammar() {
        Set<String> used = new TreeSet<>();
        for (String name : List.of("standards.yaml", "catalog.yaml", "profiles.yaml", KITCHEN_SINK)) {
            Node tree = new TreeReader(ReadLimits.DEFAULT)
                    .read(
                            name,
                            resource(name).getBytes(StandardCharsets.UTF_8),
                            TreeReader.Syntax.YAML,
                            new Diagnostics())
                    .orElseThrow();
            collect(tree, CatalogGrammar.FILE, used);
        }
        Set<String> declared = new TreeSet<>();
        for (ObjectSpec spec : CatalogGrammar.LANGUAGE.objects()) {
            spec.fields().forEach(f -> declared.add(spec.name() + "." + f.key()));
        }
        assertThat(used).isEqualTo(declared);
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
            if (field.type() instanceof ValueType.Obj obj) {
                collect(entry.value(), obj.spec(), used);
            } else if (field.type() instanceof ValueType.MapOf mapOf && entry.value() instanceof MapNode entries) {
                entries.entries().forEach(e -> collect(e.value(), mapOf.value(), used));
            }
        }
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() throws IOException {
        String requirement = """
                requirements:
                  own-req:
                    title: Own
                    statement: Something holds.
                    phase: PHASE
                    means:
                      MEANS_ID: { title: T, statement: S, applies-to: APPLIES, verify: { review: look } }
                """;
        String good = requirement
                .replace("PHASE", "design")
                .replace("MEANS_ID", "own-means")
                .replace("APPLIES", "devices");
        assertThat(schemaErrors(good)).isEmpty();
        assertThat(schemaErrors(good.replace("statement: Something", "statment: Something")))
                .isNotEmpty();
        assertThat(schemaErrors(good.replace("design", "designing"))).isNotEmpty();
        assertThat(schemaErrors(good.replace("own-means", "Own_Means"))).isNotEmpty();
        assertThat(schemaErrors(good.replace("applies-to: devices", "applies-to: device")))
                .isNotEmpty();
        assertThat(schemaErrors(good.replace("verify: { review: look }", "verify: look")))
                .isNotEmpty();
        assertThat(schemaErrors("profiles: { p: { title: P, security-levels: sometimes } }"))
                .isNotEmpty();
    }

    @Test
    void theReferenceInDocsIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "compliance.md"));
        assertThat(doc).contains(BEGIN).contains(END);
        String generated = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END, doc.indexOf(BEGIN)));
        // Written where a person can paste it from when the grammar changes on purpose.
        Files.writeString(Path.of("target", "catalog-reference.md"), CatalogGrammar.reference());
        assertThat(generated)
                .as("docs/compliance.md is out of date: replace its generated part with CatalogGrammar.reference()")
                .isEqualTo(CatalogGrammar.reference());
    }

    @Test
    void theReferenceDocumentsEveryObjectAndKey() {
        String markdown = CatalogGrammar.reference();
        for (ObjectSpec spec : CatalogGrammar.LANGUAGE.objects()) {
            assertThat(markdown).contains("### " + spec.name() + "\n");
            spec.fields().forEach(f -> assertThat(markdown).contains("| `" + f.key() + "` |"));
        }
        assertThat(markdown).contains("`uses-passwords`").contains("`secure-boot`");
    }
}
