package dev.mamori.report.assessment;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.risk.TreatmentState;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.compliance.ComplianceJson;
import dev.mamori.report.json.StableJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole assessment as versioned JSON; docs/assessment-json.md documents every field. */
public final class AssessmentJson {

    private AssessmentJson() {}

    public static String render(Assessment assessment, String mamoriVersion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", Map.of("name", "mamori-assessment", "version", Assessment.FORMAT_VERSION));
        out.put("generator", "mamori " + mamoriVersion);
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
        risk.openBySeverity().forEach((s, n) -> bySeverity.put(s.word(), n));
        summary.put("openBySeverity", bySeverity);
        Map<String, Object> byProperty = new LinkedHashMap<>();
        risk.openByProperty().forEach((p, n) -> byProperty.put(p.letter(), n));
        summary.put("openByProperty", byProperty);
        out.put("summary", summary);
        List<Object> findings = new ArrayList<>();
        for (Finding f : risk.findings()) {
            findings.add(finding(f, assessment));
        }
        out.put("findings", findings);
        out.put("systemic", SystemicJson.of(assessment.systemic()));
        out.put("missions", MissionsJson.of(assessment.missions()));
        out.put("compliance", ComplianceJson.of(assessment.compliance(), ComplianceJson.DEFAULT_STANDARDS));
        List<Object> diagnostics = new ArrayList<>();
        for (Diagnostic d : assessment.diagnostics()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", d.severity().word());
            item.put("code", d.code());
            item.put("message", d.message());
            item.put("location", location(d.at()));
            diagnostics.add(item);
        }
        out.put("diagnostics", diagnostics);
        return StableJson.write(out);
    }

    private static Map<String, Object> finding(Finding f, Assessment assessment) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("rule", f.rule());
        item.put("title", f.title());
        item.put("severity", f.severity().word());
        item.put(
                "properties",
                f.properties().stream().sorted().map(Property::letter).toList());
        item.put("element", f.element());
        item.put("elementKind", f.elementKind());
        item.put("location", location(f.location()));
        item.put("explanation", f.explanation());
        item.put("likelihood", factor(f.likelihood()));
        item.put("impact", factor(f.impact()));
        item.put("scoring", f.scoring());
        item.put("mitigations", f.mitigations());
        item.put(
                "references",
                assessment.rule(f.rule()).map(RuleMetadata::references).orElse(List.of()).stream()
                        .map(r -> Map.of("scheme", r.scheme(), "id", r.id()))
                        .toList());
        item.put(
                "status",
                f.treatment()
                        .map(t -> t.expired() ? "open" : Words.of(t.status()))
                        .orElse("open"));
        item.put("open", f.open());
        f.treatment().ifPresent(t -> item.put("treatment", treatment(t)));
        return item;
    }

    private static Map<String, Object> factor(Factor factor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", factor.level());
        out.put("reason", factor.reason());
        return out;
    }

    private static Map<String, Object> treatment(TreatmentState t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", Words.of(t.status()));
        t.decidedBy().ifPresent(by -> out.put("by", by));
        out.put("reason", t.reason());
        t.until().ifPresent(u -> out.put("until", u.toString()));
        out.put("expired", t.expired());
        out.put("location", location(t.at()));
        return out;
    }

    private static Map<String, Object> location(dev.mamori.model.diagnostics.SourceLocation at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", at.file());
        out.put("line", at.line());
        out.put("column", at.column());
        return out;
    }
}
