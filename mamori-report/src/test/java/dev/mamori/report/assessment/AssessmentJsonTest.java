package dev.mamori.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.Assessed;
import org.junit.jupiter.api.Test;

/** The JSON assessment names each finding's element as before, and now its system and layer too. */
class AssessmentJsonTest {

    private static JsonNode findings(Assessment assessment) throws Exception {
        return new ObjectMapper()
                .readTree(AssessmentJson.render(assessment, "test"))
                .path("findings");
    }

    @Test
    void aFindingNamesItsElementSystemAndLayer() throws Exception {
        JsonNode cam = null;
        for (JsonNode f : findings(Assessed.model("shop.yaml", Assessed.SHOP))) {
            if (f.path("rule").asText().equals("default-credentials")) {
                cam = f;
            }
        }
        assertThat(cam).isNotNull();
        assertThat(cam.path("element").asText()).isEqualTo("shop.cam");
        assertThat(cam.path("elementKind").asText()).isEqualTo("component");
        assertThat(cam.path("system").asText()).isEqualTo("shop");
        assertThat(cam.path("layer").asText()).isEqualTo("device");
    }

    @Test
    void elementsOutsideEverySystemHaveNeitherSystemNorLayer() throws Exception {
        int missions = 0;
        for (JsonNode f : findings(Assessed.example("plant/plant.yaml"))) {
            String kind = f.path("elementKind").asText();
            if (kind.equals("mission") || kind.equals("stakeholder")) {
                missions++;
                assertThat(f.has("system")).as(f.toString()).isFalse();
                assertThat(f.has("layer")).as(f.toString()).isFalse();
            } else if (kind.equals("flow")) {
                assertThat(f.path("layer").asText()).isEqualTo("network");
                assertThat(f.path("system").asText()).isNotEmpty();
            }
        }
        assertThat(missions).isPositive();
    }

    @Test
    void keysKeepTheirOrderFromRunToRun() throws Exception {
        String json = AssessmentJson.render(Assessed.model("shop.yaml", Assessed.SHOP), "test");
        assertThat(json).contains("\"name\" : \"mamori-assessment\",\n    \"version\"");
        assertThat(json).containsPattern("\"scheme\" : \"CWE\",\\s+\"id\" : \"CWE-");
    }
}
