package dev.mamori.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.report.Assessed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema(String resource, SpecificationVersion dialect) throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(dialect).getSchema(text);
        }
    }

    /** Errors against the official schema and against the one JSON Schema Store serves. */
    private static List<Error> schemaErrors(String sarif) throws IOException {
        List<Error> errors = new ArrayList<>();
        errors.addAll(schema("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_2020_12)
                .validate(JSON.readTree(sarif)));
        errors.addAll(
                schema("sarif-2.1.0-rtm.5.json", SpecificationVersion.DRAFT_4).validate(JSON.readTree(sarif)));
        return errors;
    }

    @ParameterizedTest
    @ValueSource(strings = {"venue/landscape.yaml", "smart-home/home.yaml", "plant/plant.yaml"})
    void theExamplesAreValidSarif(String example) throws IOException {
        Assessment assessment = Assessed.example(example);
        String sarif = SarifReport.render(assessment, "1.2.3");
        assertThat(schemaErrors(sarif)).isEmpty();
        JsonNode run = JSON.readTree(sarif).at("/runs/0");
        assertThat(run.at("/results").size())
                .isEqualTo(assessment.risk().findings().size());
        assertThat(run.at("/tool/driver/rules").size())
                .isEqualTo(RuleCatalog.all().size());
    }

    @Test
    void theSchemasCatchWhatIsWrong() throws IOException {
        // The validation above could pass on anything if the schemas were not applied: a broken log must fail.
        String sarif = SarifReport.render(Assessed.model("m.yaml", Assessed.SHOP), "1.2.3");
        assertThat(schemaErrors(broken(sarif, "\"version\" : \"2.1.0\"", "\"version\" : \"2.2\"")))
                .isNotEmpty();
        assertThat(schemaErrors(broken(sarif, "\"level\" : \"warning\"", "\"level\" : \"fatal\"")))
                .isNotEmpty();
        assertThat(schemaErrors(broken(sarif, "\"startLine\" : 10", "\"startLine\" : 0")))
                .isNotEmpty();
    }

    @Test
    void findingsAreLocatedOnTheLinesOfTheModelWithTheirRule() throws IOException {
        Assessment assessment = Assessed.model("site/m.yaml", Assessed.SHOP);
        JsonNode log = JSON.readTree(SarifReport.render(assessment, "1.2.3"));
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).isEqualTo(SarifReport.SCHEMA_URI);
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Mamori");
        assertThat(driver.get("version").asText()).isEqualTo("1.2.3");
        JsonNode results = log.at("/runs/0/results");
        JsonNode defaultCredentials = only(results, "default-credentials", "shop.cam");
        JsonNode rule =
                driver.get("rules").get(defaultCredentials.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("default-credentials");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("Universal default password");
        assertThat(rule.at("/help/markdown").asText())
                .contains("**Mitigations**")
                .contains("CWE-1392");
        assertThat(rule.at("/properties/tags").toString())
                .contains("security", "safety", "device-layer", "external/cwe/cwe-1392");

        JsonNode location = defaultCredentials.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("site/m.yaml");
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(10);
        assertThat(location.at("/region/startColumn").asInt()).isEqualTo(7);
        assertThat(defaultCredentials
                        .at("/locations/0/logicalLocations/0/fullyQualifiedName")
                        .asText())
                .isEqualTo("shop.cam");
        assertThat(defaultCredentials.at("/message/text").asText())
                .contains("shop.cam uses a default password")
                .contains("Fix: Give every unit its own password");
        assertThat(defaultCredentials
                        .at("/partialFingerprints/" + SarifReport.FINGERPRINT.replace("/", "~1"))
                        .asText())
                .isEqualTo(SarifReport.fingerprint("default-credentials", "shop.cam"))
                .hasSize(32);
    }

    @Test
    void aTreatmentThatHoldsIsASuppressionAndOneInProgressIsNot() throws IOException {
        Assessment assessment = Assessed.model("m.yaml", Assessed.SHOP);
        JsonNode results =
                JSON.readTree(SarifReport.render(assessment, "1.2.3")).at("/runs/0/results");
        JsonNode accepted = only(results, "default-credentials", "shop.cam");
        assertThat(accepted.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(accepted.at("/suppressions/0/status").asText()).isEqualTo("accepted");
        assertThat(accepted.at("/suppressions/0/justification").asText())
                .isEqualTo("accepted by ops until 2027-01-01: decoy camera");
        assertThat(accepted.at("/suppressions/0/location/physicalLocation/region/startLine")
                        .asInt())
                .isEqualTo(13);
        JsonNode mitigating = only(results, "device-exposed-to-internet", "shop.cam");
        assertThat(mitigating.has("suppressions")).isFalse();
    }

    @Test
    void levelsFollowSeverity() throws IOException {
        Assessment assessment = Assessed.example("venue/landscape.yaml");
        JsonNode results =
                JSON.readTree(SarifReport.render(assessment, "1.2.3")).at("/runs/0/results");
        List<Finding> findings = assessment.risk().findings();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            JsonNode r = results.get(i);
            assertThat(r.get("ruleId").asText()).isEqualTo(f.rule());
            assertThat(r.get("level").asText()).isEqualTo(SarifReport.level(f.severity()));
            assertThat(r.at("/properties/severity").asText())
                    .isEqualTo(f.severity().word());
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt())
                    .isEqualTo(f.location().line());
        }
        assertThat(results.findValuesAsText("level")).contains("error", "warning", "note");
    }

    @Test
    void fileNamesBecomeUriReferences() {
        assertThat(SarifReport.uri("examples/my venue/a.yaml")).isEqualTo("examples/my%20venue/a.yaml");
        assertThat(SarifReport.uri("models\\a.yaml")).isEqualTo("models/a.yaml");
        assertThat(SarifReport.uri("/srv/models/a.yaml")).isEqualTo("file:///srv/models/a.yaml");
        assertThat(SarifReport.uri("../examples/venue/cctv.yaml")).isEqualTo("../examples/venue/cctv.yaml");
    }

    private static String broken(String sarif, String from, String to) {
        assertThat(sarif).contains(from);
        return sarif.replace(from, to);
    }

    private static JsonNode only(JsonNode results, String rule, String element) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode r : results) {
            if (r.get("ruleId").asText().equals(rule)
                    && r.at("/locations/0/logicalLocations/0/fullyQualifiedName")
                            .asText()
                            .equals(element)) {
                matching.add(r);
            }
        }
        assertThat(matching).as(rule + " on " + element).hasSize(1);
        return matching.get(0);
    }
}
