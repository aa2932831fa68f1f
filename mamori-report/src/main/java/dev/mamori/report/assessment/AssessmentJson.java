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
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.report.compliance.ComplianceJson;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole assessment as versioned JSON; docs/assessment-json.md documents every field. */
public final class AssessmentJson {

    private AssessmentJson() {}

    /** The whole assessment as one string; {@link #write} streams it instead. */
    public static String render(Assessment assessment, String mamoriVersion) {
        StringWriter text = new StringWriter();
        try {
            write(assessment, mamoriVersion, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return text.toString();
    }

    /**
     * The whole assessment written to {@code out} as it goes: each finding is built and written in
     * turn, so the document is never held whole (100,000 components give a document of more than a
     * billion characters, beyond what one string can hold).
     */
    public static void write(Assessment assessment, String mamoriVersion, Writer out) throws IOException {
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.field("format", pair("name", "mamori-assessment", "version", Assessment.FORMAT_VERSION));
            json.field("generator", "mamori " + mamoriVersion);
            Map<String, Object> landscape = new LinkedHashMap<>();
            landscape.put("name", assessment.landscape().name());
            landscape.put("files", assessment.landscape().files());
            landscape.put("systems", assessment.landscape().systems().size());
            landscape.put("components", assessment.landscape().components().size());
            landscape.put("flows", assessment.landscape().allFlows().size());
            json.field("landscape", landscape);
            json.field("date", assessment.today().toString());
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
            json.field("summary", summary);
            json.name("findings").startArrayOfLines();
            Map<String, List<Object>> references = new HashMap<>();
            for (Finding f : risk.findings()) {
                writeFinding(json, f, references.computeIfAbsent(f.rule(), rule -> references(rule, assessment)));
            }
            json.endArray();
            json.field("systemic", SystemicJson.of(assessment.systemic()));
            json.field("missions", MissionsJson.of(assessment.missions()));
            json.name("compliance");
            ComplianceJson.write(json, assessment.compliance(), ComplianceJson.DEFAULT_STANDARDS);
            json.name("diagnostics").startArrayOfLines();
            for (Diagnostic d : assessment.diagnostics()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("severity", d.severity().word());
                item.put("code", d.code());
                item.put("message", d.message());
                item.put("location", location(d.at()));
                json.value(item);
            }
            json.endArray();
            json.endObject();
        }
    }

    /**
     * The finding {@link #finding} builds, written field by field without building it: at 100,000
     * components there are hundreds of thousands of findings, and the maps cost more than the writing.
     *
     * @param references the references of the finding's rule, as {@link #references} gives them
     */
    private static void writeFinding(StableJson.Document json, Finding f, List<Object> references) throws IOException {
        json.startObject();
        json.field("id", f.id());
        json.field("rule", f.rule());
        json.field("title", f.title());
        json.field("severity", f.severity().word());
        json.name("properties").startArray();
        for (Property p : f.properties().stream().sorted().toList()) {
            json.value(p.letter());
        }
        json.endArray();
        json.field("element", f.element().id());
        json.field("elementKind", f.element().kindWord());
        if (f.element().system().isPresent()) {
            json.field("system", f.element().system().get());
        }
        if (f.element().layer().isPresent()) {
            json.field("layer", f.element().layer().get().word());
        }
        json.name("location");
        writeLocation(json, f.location());
        json.field("explanation", f.explanation());
        json.name("likelihood");
        writeFactor(json, f.likelihood());
        json.name("impact");
        writeFactor(json, f.impact());
        json.field("scoring", f.scoring());
        json.name("mitigations").startArray();
        for (String m : f.mitigations()) {
            json.value(m);
        }
        json.endArray();
        json.field("edits", edits(f));
        json.field("rootCause", f.rootCause());
        if (f.wayIn().isPresent()) {
            json.field("wayIn", f.wayIn().get());
        }
        json.field("references", references);
        json.field(
                "status",
                f.treatment()
                        .map(t -> t.expired() ? "open" : Words.of(t.status()))
                        .orElse("open"));
        json.field("open", f.open());
        if (f.treatment().isPresent()) {
            json.field("treatment", treatment(f.treatment().get()));
        }
        json.endObject();
    }

    /** The edits of the model that fix the finding: where the element is written, the key, the value. */
    private static List<Object> edits(Finding f) {
        return f.edits().stream()
                .map(e -> {
                    Map<String, Object> edit = new LinkedHashMap<>();
                    edit.put("location", location(e.element()));
                    edit.put("key", e.key());
                    edit.put("value", e.value());
                    if (e.asks()) {
                        edit.put("choice", true); // one of several values a person chooses among
                    }
                    return (Object) edit;
                })
                .toList();
    }

    private static void writeFactor(StableJson.Document json, Factor factor) throws IOException {
        json.startObject();
        json.field("level", factor.level());
        json.field("reason", factor.reason());
        json.endObject();
    }

    /** What {@link #location} builds, written without building it. */
    public static void writeLocation(StableJson.Document json, SourceLocation at) throws IOException {
        json.startObject();
        json.field("file", at.file());
        json.field("line", at.line());
        json.field("column", at.column());
        json.endObject();
    }

    private static List<Object> references(String rule, Assessment assessment) {
        return assessment.rule(rule).map(RuleMetadata::references).orElse(List.of()).stream()
                .map(r -> (Object) pair("scheme", r.scheme(), "id", r.id()))
                .toList();
    }

    /** One finding as the JSON assessment writes it; the server stores and serves findings in this form. */
    public static Map<String, Object> finding(Finding f, Assessment assessment) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", f.id());
        item.put("rule", f.rule());
        item.put("title", f.title());
        item.put("severity", f.severity().word());
        item.put(
                "properties",
                f.properties().stream().sorted().map(Property::letter).toList());
        item.put("element", f.element().id());
        item.put("elementKind", f.element().kindWord());
        f.element().system().ifPresent(s -> item.put("system", s));
        f.element().layer().ifPresent(l -> item.put("layer", l.word()));
        item.put("location", location(f.location()));
        item.put("explanation", f.explanation());
        item.put("likelihood", factor(f.likelihood()));
        item.put("impact", factor(f.impact()));
        item.put("scoring", f.scoring());
        item.put("mitigations", f.mitigations());
        item.put("edits", edits(f));
        item.put("rootCause", f.rootCause());
        f.wayIn().ifPresent(w -> item.put("wayIn", w));
        item.put("references", references(f.rule(), assessment));
        item.put(
                "status",
                f.treatment()
                        .map(t -> t.expired() ? "open" : Words.of(t.status()))
                        .orElse("open"));
        item.put("open", f.open());
        f.treatment().ifPresent(t -> item.put("treatment", treatment(t)));
        return item;
    }

    /** Two keys in the order given: Map.of iterates in an order that changes from run to run. */
    static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
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

    static Map<String, Object> location(SourceLocation at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", at.file());
        out.put("line", at.line());
        out.put("column", at.column());
        return out;
    }
}
