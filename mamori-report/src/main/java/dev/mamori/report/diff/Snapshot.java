package dev.mamori.report.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.assessment.AssessmentJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a diff compares of one assessment, read from its JSON form (docs/assessment-json.md). A
 * model is assessed and rendered to that form first, so a model and a saved assessment are read
 * by the same code and can be compared with each other.
 *
 * @param findings every finding by its key ({@link FindingState#key()}), in the assessment's order
 * @param openBySeverity open findings per severity word
 * @param paths cross-system paths: the probability of the most likely path to each target
 * @param blastRadius per system: its score and the systems it reaches
 * @param hazards hazards an attacker can trigger, with the probability
 * @param missions missions an attacker can stop, with the needs compromised
 */
public record Snapshot(
        String landscape,
        String date,
        Map<String, FindingState> findings,
        Map<String, Integer> openBySeverity,
        int controlledComponents,
        int influencedComponents,
        Map<String, Double> paths,
        Map<String, Radius> blastRadius,
        Map<String, Double> hazards,
        Map<String, List<String>> missions) {

    /** One finding as compared: identified by its rule and element, judged by the rest. */
    public record FindingState(
            String rule,
            String title,
            String element,
            String severity,
            int likelihood,
            int impact,
            String status,
            boolean open,
            String file,
            int line,
            String explanation) {

        /** Rule and element: what stays the same when the model moves lines or a score changes. */
        public String key() {
            return rule + " on " + element;
        }
    }

    /** A system's blast radius. */
    public record Radius(int score, List<String> reached) {}

    /** Thrown when a document is not a Mamori assessment this version can read. */
    public static final class NotAnAssessment extends IllegalArgumentException {
        public NotAnAssessment(String message) {
            super(message);
        }
    }

    public static Snapshot of(Assessment assessment, String mamoriVersion) {
        return parse(AssessmentJson.render(assessment, mamoriVersion));
    }

    /** Whether {@code json} is an assessment written by {@code mamori assess --format json}. */
    public static boolean isAssessment(JsonNode json) {
        return json.isObject() && json.at("/format/name").asText("").equals("mamori-assessment");
    }

    public static Snapshot parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new NotAnAssessment("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !isAssessment(root)) {
            throw new NotAnAssessment("not a Mamori assessment (format.name is not mamori-assessment)");
        }
        int version = root.at("/format/version").asInt();
        if (version != Assessment.FORMAT_VERSION) {
            throw new NotAnAssessment("an assessment in format version " + version + "; this Mamori reads version "
                    + Assessment.FORMAT_VERSION);
        }
        Map<String, FindingState> findings = new LinkedHashMap<>();
        for (JsonNode f : root.path("findings")) {
            FindingState state = new FindingState(
                    f.path("rule").asText(),
                    f.path("title").asText(),
                    f.path("element").asText(),
                    f.path("severity").asText(),
                    f.at("/likelihood/level").asInt(),
                    f.at("/impact/level").asInt(),
                    f.path("status").asText(),
                    f.path("open").asBoolean(),
                    f.at("/location/file").asText(),
                    f.at("/location/line").asInt(),
                    f.path("explanation").asText());
            // One rule fires at most once per element; should that change, the location tells them apart.
            String key = findings.containsKey(state.key()) ? state.key() + " at line " + state.line() : state.key();
            findings.put(key, state);
        }
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        root.at("/summary/openBySeverity")
                .fields()
                .forEachRemaining(e -> bySeverity.put(e.getKey(), e.getValue().asInt()));
        JsonNode systemic = root.path("systemic");
        Map<String, Double> paths = new LinkedHashMap<>();
        for (JsonNode p : systemic.path("paths")) {
            paths.putIfAbsent(p.path("target").asText(), p.path("probability").asDouble());
        }
        Map<String, Radius> radius = new LinkedHashMap<>();
        for (JsonNode r : systemic.path("blastRadius")) {
            List<String> reached = new ArrayList<>();
            r.path("systemsReached").forEach(s -> reached.add(s.asText()));
            radius.put(r.path("system").asText(), new Radius(r.path("score").asInt(), reached));
        }
        Map<String, Double> hazards = new LinkedHashMap<>();
        for (JsonNode h : systemic.path("hazards")) {
            hazards.putIfAbsent(h.path("hazard").asText(), h.path("probability").asDouble());
        }
        Map<String, List<String>> missions = new LinkedHashMap<>();
        for (JsonNode m : systemic.path("missions")) {
            List<String> needs = new ArrayList<>();
            m.path("compromisedNeeds").forEach(n -> needs.add(n.asText()));
            missions.put(m.path("mission").asText(), needs);
        }
        return new Snapshot(
                root.at("/landscape/name").asText(),
                root.path("date").asText(),
                findings,
                bySeverity,
                systemic.path("controlledComponents").asInt(),
                systemic.path("influencedComponents").asInt(),
                paths,
                radius,
                hazards,
                missions);
    }
}
