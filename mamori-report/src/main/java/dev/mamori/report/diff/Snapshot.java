package dev.mamori.report.diff;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.assessment.AssessmentJson;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
 * @param singleFailureStops per mission, the components whose failure alone stops it (N-1)
 * @param outcomes per scenario and mission ({@code scenario → mission}), how the mission fares
 * @param requirements per system and requirement ({@code system: requirement}), its obligation and verdict
 * @param coverage per system and standard ({@code system: standard title}), the items per verdict in words
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
        Map<String, List<String>> missions,
        Map<String, List<String>> singleFailureStops,
        Map<String, Outcome> outcomes,
        Map<String, String> requirements,
        Map<String, String> coverage) {

    /**
     * How a mission fares in a scenario.
     *
     * @param objectives {@code met}, {@code missed}, or {@code unknown} (no objectives, or no restore time)
     */
    public record Outcome(String status, String backAfter, String objectives) {
        String words() {
            return status + (backAfter.isEmpty() ? "" : ", back after " + backAfter) + ", objectives " + objectives;
        }
    }

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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The snapshot of an assessment, read from its JSON form as it is written: a second thread
     * writes the document into a pipe of a few chunks, so that neither the text nor a tree of the
     * whole is ever held (at 10,000 components they took 2.7 GB of heap; docs/performance.md).
     */
    public static Snapshot of(Assessment assessment, String mamoriVersion) {
        try {
            return JsonPipe.read(out -> AssessmentJson.write(assessment, mamoriVersion, out), Snapshot::read);
        } catch (IOException e) {
            throw new UncheckedIOException("an assessment written in memory could not be read back", e);
        }
    }

    /** Whether {@code json} is an assessment written by {@code mamori assess --format json}. */
    public static boolean isAssessment(JsonNode json) {
        return json.isObject() && json.at("/format/name").asText("").equals("mamori-assessment");
    }

    /**
     * Whether the document {@code in} is an assessment written by {@code mamori assess --format
     * json}: its top-level {@code format} is read, the rest skipped without being kept.
     */
    public static boolean isAssessment(Reader in) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("format")) {
                    return isAssessment(MAPPER.createObjectNode().set("format", p.readValueAsTree()));
                }
                p.skipChildren();
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public static Snapshot parse(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be read", e);
        }
    }

    /**
     * The snapshot of the assessment {@code in}, read as a stream: each finding and each system's
     * compliance is a small tree in turn, the smaller sections a tree each.
     *
     * @throws NotAnAssessment when it is not JSON, not an assessment, or of another format version
     */
    public static Snapshot read(Reader in) throws IOException {
        ObjectNode sections = MAPPER.createObjectNode();
        Map<String, FindingState> findings = new LinkedHashMap<>();
        Map<String, String> requirements = new LinkedHashMap<>();
        Map<String, String> coverage = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw notAnAssessment();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> {
                        // Checked at once: a document of another kind or version is not read further.
                        sections.set(field, p.readValueAsTree());
                        checkFormat(sections);
                    }
                    case "findings" -> forEachElement(p, value, f -> finding(f, findings));
                    case "compliance" -> compliance(p, value, requirements, coverage);
                    case "landscape", "date", "summary", "systemic", "missions" ->
                        sections.set(field, p.readValueAsTree());
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new NotAnAssessment("not JSON: " + e.getOriginalMessage());
        }
        checkFormat(sections);
        return snapshot(sections, findings, requirements, coverage);
    }

    private static NotAnAssessment notAnAssessment() {
        return new NotAnAssessment("not a Mamori assessment (format.name is not mamori-assessment)");
    }

    private static void checkFormat(JsonNode root) {
        if (!isAssessment(root)) {
            throw notAnAssessment();
        }
        int version = root.at("/format/version").asInt();
        if (version != Assessment.FORMAT_VERSION) {
            throw new NotAnAssessment("an assessment in format version " + version + "; this Mamori reads version "
                    + Assessment.FORMAT_VERSION);
        }
    }

    /** What is done with each element of an array. */
    private interface Each {
        void accept(JsonNode element) throws IOException;
    }

    /**
     * Each element of the array that starts at {@code first}, read as a tree when it is reached;
     * a value that is not an array is skipped.
     */
    private static void forEachElement(JsonParser p, JsonToken first, Each each) throws IOException {
        if (first != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            each.accept(p.readValueAsTree());
        }
    }

    private static void finding(JsonNode f, Map<String, FindingState> findings) {
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

    /** The compliance section: each system's requirements and coverage, one system at a time. */
    private static void compliance(
            JsonParser p, JsonToken first, Map<String, String> requirements, Map<String, String> coverage)
            throws IOException {
        if (first != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (!field.equals("systems")) {
                p.skipChildren();
                continue;
            }
            forEachElement(p, value, s -> {
                String system = s.path("system").asText();
                for (JsonNode r : s.path("requirements")) {
                    requirements.put(
                            system + ": " + r.path("requirement").asText(),
                            r.path("verdict").asText() + " ("
                                    + r.path("obligation").asText() + ")");
                }
                for (JsonNode c : s.path("coverage")) {
                    boolean mandatory = c.has("mandatory");
                    JsonNode n = mandatory ? c.path("mandatory") : c.path("items");
                    coverage.put(
                            system + ": "
                                    + c.path("title").asText(c.path("standard").asText()),
                            (mandatory ? "mandatory provisions " : "")
                                    + n.path("satisfied").asInt() + " met, "
                                    + n.path("not-satisfied").asInt()
                                    + " not met, " + n.path("needs-review").asInt() + " need review, "
                                    + n.path("not-applicable").asInt() + " not applicable");
                }
            });
        }
    }

    private static Snapshot snapshot(
            JsonNode root,
            Map<String, FindingState> findings,
            Map<String, String> requirements,
            Map<String, String> coverage) {
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        root.at("/summary/openBySeverity")
                .properties()
                .forEach(e -> bySeverity.put(e.getKey(), e.getValue().asInt()));
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
        Map<String, List<String>> singleFailureStops = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        JsonNode missionAnalysis = root.path("missions");
        for (JsonNode m : missionAnalysis.path("missions")) {
            List<String> stoppers = new ArrayList<>();
            for (JsonNode c : m.path("singlePoints")) {
                if (c.path("effect").asText().equals("stopped")) {
                    stoppers.add(c.path("component").asText());
                }
            }
            singleFailureStops.put(m.path("mission").asText(), stoppers);
        }
        for (JsonNode s : missionAnalysis.path("scenarios")) {
            for (JsonNode o : s.path("missions")) {
                JsonNode met = o.path("meetsObjectives");
                outcomes.put(
                        s.path("scenario").asText() + " → " + o.path("mission").asText(),
                        new Outcome(
                                o.path("status").asText(),
                                o.path("status").asText().equals("up")
                                        ? ""
                                        : o.path("backAfter").asText("never or unknown"),
                                met.isBoolean() ? (met.asBoolean() ? "met" : "missed") : "unknown"));
            }
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
                missions,
                singleFailureStops,
                outcomes,
                requirements,
                coverage);
    }
}
