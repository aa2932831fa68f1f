package dev.mamori.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.Assessed;
import dev.mamori.report.compliance.ComplianceJson;
import dev.mamori.report.json.StableJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        assertThat(json).contains("\"scheme\":\"CWE\",\"id\":\"CWE-");
    }

    @Test
    void streamingWritesTheBytesOfTheWholeDocument() throws Exception {
        for (String example : List.of("venue/landscape.yaml", "smart-home/home.yaml", "plant/plant.yaml")) {
            Assessment assessment = Assessed.example(example);
            assertThat(AssessmentJson.render(assessment, "test")).as(example).isEqualTo(whole(assessment, "test"));
        }
    }

    /** The document as it was built before it streamed: whole, as plain values, then written at once. */
    private static String whole(Assessment assessment, String version) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", AssessmentJson.pair("name", "mamori-assessment", "version", Assessment.FORMAT_VERSION));
        out.put("generator", "mamori " + version);
        Map<String, Object> landscape = new LinkedHashMap<>();
        landscape.put("name", assessment.landscape().name());
        landscape.put("files", assessment.landscape().files());
        landscape.put("systems", assessment.landscape().systems().size());
        landscape.put("components", assessment.landscape().components().size());
        landscape.put("flows", assessment.landscape().allFlows().size());
        out.put("landscape", landscape);
        out.put("date", assessment.today().toString());
        RiskAssessment risk = assessment.risk();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rules", risk.rulesRun());
        summary.put("findings", risk.findings().size());
        summary.put("open", risk.open().size());
        Map<String, Object> bySeverity = new LinkedHashMap<>();
        risk.openBySeverity().forEach((sev, n) -> bySeverity.put(sev.word(), n));
        summary.put("openBySeverity", bySeverity);
        Map<String, Object> byProperty = new LinkedHashMap<>();
        risk.openByProperty().forEach((p, n) -> byProperty.put(p.letter(), n));
        summary.put("openByProperty", byProperty);
        out.put("summary", summary);
        List<Object> findings = new ArrayList<>();
        for (Finding f : risk.findings()) {
            findings.add(AssessmentJson.finding(f, assessment));
        }
        out.put("findings", StableJson.oneItemPerLine(findings));
        out.put("systemic", SystemicJson.of(assessment.systemic()));
        out.put("missions", MissionsJson.of(assessment.missions()));
        out.put("compliance", ComplianceJson.of(assessment.compliance(), ComplianceJson.DEFAULT_STANDARDS));
        List<Object> diagnostics = new ArrayList<>();
        for (Diagnostic d : assessment.diagnostics()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", d.severity().word());
            item.put("code", d.code());
            item.put("message", d.message());
            item.put("location", AssessmentJson.location(d.at()));
            diagnostics.add(item);
        }
        out.put("diagnostics", StableJson.oneItemPerLine(diagnostics));
        return StableJson.write(out);
    }
}
