package dev.mamori.report.sarif;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.Reference;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.risk.TreatmentState;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The assessment as a SARIF 2.1.0 log, for code scanning: every rule with its metadata, every
 * finding located on the line of the model file that declares its element, so a pull request that
 * changes the model is annotated where the weakness is written. Findings closed by a treatment are
 * kept, with the treatment as a suppression, so that code scanning shows them as dismissed rather
 * than fixed.
 */
public final class SarifReport {

    /** Where the schema this log follows is published (the URI SARIF consumers recognise). */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The key of the fingerprint that stays the same while the element and rule do. */
    public static final String FINGERPRINT = "mamoriFinding/v1";

    private SarifReport() {}

    /** The log as one string; {@link #write} streams the same bytes. */
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
     * The log written to {@code out} as it goes, result by result: at 100,000 components it holds
     * hundreds of thousands of results, and is never held whole.
     */
    public static void write(Assessment assessment, String mamoriVersion, Writer out) throws IOException {
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<Object> rules = new ArrayList<>();
        for (RuleMetadata rule : assessment.rules()) {
            ruleIndex.put(rule.id(), rules.size());
            rules.add(rule(rule));
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "Mamori");
        driver.put("fullName", "Mamori — Security by Design for IoT systems of systems");
        driver.put("version", mamoriVersion);
        driver.put("rules", rules);
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.field("$schema", SCHEMA_URI);
            json.field("version", "2.1.0");
            json.name("runs").startArray();
            json.startObject();
            json.field("tool", Map.of("driver", driver));
            json.field("invocations", List.of(invocation(assessment)));
            json.name("results").startArray();
            for (Finding finding : assessment.risk().findings()) {
                json.value(result(finding, ruleIndex));
            }
            json.endArray();
            json.field("columnKind", "unicodeCodePoints");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("landscape", assessment.landscape().name());
            properties.put("date", assessment.today().toString());
            json.field("properties", properties);
            json.endObject();
            json.endArray();
            json.endObject();
        }
    }

    /** The SARIF level of a severity: critical and high fail a check, medium warns, the rest informs. */
    public static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    /**
     * GitHub's security severity (0.0–10.0) of a Mamori severity, in the bands code scanning uses:
     * critical above 9, high 7–8.9, medium 4–6.9, low below 4.
     */
    public static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "1.0";
        };
    }

    private static Map<String, Object> rule(RuleMetadata rule) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rule.id());
        out.put("name", pascalCase(rule.id()));
        out.put("shortDescription", Map.of("text", rule.title()));
        out.put("fullDescription", Map.of("text", rule.rationale()));
        StringBuilder text = new StringBuilder(rule.rationale()).append("\n\nMitigations:\n");
        StringBuilder markdown =
                new StringBuilder("**").append(rule.title()).append("**\n\n").append(rule.rationale());
        markdown.append("\n\n**Mitigations**\n\n");
        for (String m : rule.mitigations()) {
            text.append("- ").append(m).append('\n');
            markdown.append("- ").append(m).append('\n');
        }
        text.append("\nReferences: ");
        markdown.append("\n**References:** ");
        List<String> refs = rule.references().stream().map(Reference::toString).toList();
        text.append(String.join(", ", refs)).append('\n');
        markdown.append(String.join(", ", refs)).append('\n');
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("text", text.toString());
        help.put("markdown", markdown.toString());
        out.put("help", help);
        // A rule's severity depends on the element it fires on; the default level is a warning and
        // each result carries its own level.
        out.put("defaultConfiguration", Map.of("level", "warning"));
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> tags = new ArrayList<>();
        tags.add("security");
        rule.properties().stream().sorted().forEach(p -> tags.add(propertyWord(p)));
        rule.layers().stream().sorted().forEach(l -> tags.add(l.word() + "-layer"));
        rule.references().stream()
                .filter(r -> r.scheme().equals("CWE"))
                .forEach(r -> tags.add("external/cwe/" + r.id().toLowerCase(Locale.ROOT)));
        properties.put("tags", tags);
        properties.put(
                "mamoriProperties",
                rule.properties().stream().sorted().map(Property::letter).toList());
        properties.put(
                "layers", rule.layers().stream().sorted().map(Layer::word).toList());
        properties.put(
                "references",
                rule.references().stream()
                        .map(r -> Map.of("scheme", r.scheme(), "id", r.id()))
                        .toList());
        out.put("properties", properties);
        return out;
    }

    private static Map<String, Object> result(Finding f, Map<String, Integer> ruleIndex) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleId", f.rule());
        Integer index = ruleIndex.get(f.rule());
        if (index != null) {
            out.put("ruleIndex", index);
        }
        out.put("level", level(f.severity()));
        out.put(
                "message",
                Map.of(
                        "text",
                        f.severity().word() + ": " + f.explanation() + ". " + f.scoring() + ". Fix: "
                                + f.mitigations().get(0)));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physicalLocation(f.location()));
        // SARIF's kinds of logical location are about code; an element of the model is written as
        // a YAML or JSON mapping, which SARIF calls an object.
        location.put(
                "logicalLocations",
                List.of(Map.of("fullyQualifiedName", f.element().id(), "kind", "object")));
        out.put("locations", List.of(location));
        out.put(
                "partialFingerprints",
                Map.of(FINGERPRINT, fingerprint(f.rule(), f.element().id())));
        f.treatment().filter(t -> !t.keepsOpen()).ifPresent(t -> out.put("suppressions", List.of(suppression(t))));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("severity", f.severity().word());
        properties.put("security-severity", securitySeverity(f.severity()));
        properties.put(
                "likelihood",
                Map.of("level", f.likelihood().level(), "reason", f.likelihood().reason()));
        properties.put(
                "impact",
                Map.of("level", f.impact().level(), "reason", f.impact().reason()));
        properties.put(
                "mamoriProperties",
                f.properties().stream().sorted().map(Property::letter).toList());
        properties.put("element", f.element().id());
        properties.put("elementKind", f.element().kindWord());
        properties.put("mitigations", f.mitigations());
        out.put("properties", properties);
        return out;
    }

    private static Map<String, Object> suppression(TreatmentState t) {
        Map<String, Object> out = new LinkedHashMap<>();
        // The treatment is written in the model, which is the source being analysed.
        out.put("kind", "inSource");
        out.put("status", "accepted");
        out.put("justification", t.describe());
        out.put("location", Map.of("physicalLocation", physicalLocation(t.at())));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("treatment", Words.of(t.status()));
        if (t.status() == TreatmentStatus.FALSE_POSITIVE) {
            properties.put("falsePositive", true);
        }
        out.put("properties", properties);
        return out;
    }

    private static Map<String, Object> invocation(Assessment assessment) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionSuccessful", true);
        List<Object> notifications = new ArrayList<>();
        for (Diagnostic d : assessment.diagnostics()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("descriptor", Map.of("id", d.code()));
            n.put("level", d.severity().word().equals("error") ? "error" : "warning");
            n.put("message", Map.of("text", d.message()));
            n.put("locations", List.of(Map.of("physicalLocation", physicalLocation(d.at()))));
            notifications.add(n);
        }
        out.put("toolExecutionNotifications", notifications);
        return out;
    }

    private static Map<String, Object> physicalLocation(SourceLocation at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("artifactLocation", Map.of("uri", uri(at.file())));
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", at.line());
        region.put("startColumn", at.column());
        out.put("region", region);
        return out;
    }

    /**
     * A file as a URI reference: relative paths stay relative (code scanning resolves them against
     * the repository root), with forward slashes and percent-encoding; absolute paths become file URIs.
     */
    static String uri(String file) {
        String slashed = file.replace('\\', '/');
        boolean absolute = slashed.startsWith("/") || slashed.matches("[A-Za-z]:/.*");
        try {
            if (absolute) {
                String path = slashed.startsWith("/") ? slashed : "/" + slashed;
                return new URI("file", "", path, null).toASCIIString();
            }
            return new URI(null, null, slashed, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a file name: " + file, e);
        }
    }

    /** A stable id of one finding across runs and edits that move lines: the rule and the element. */
    public static String fingerprint(String rule, String element) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "\u0000" + element).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String propertyWord(Property property) {
        return property.name().toLowerCase(Locale.ROOT);
    }

    private static String pascalCase(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
