package dev.mamori.engine.rules;

import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Layer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * docs/rules.md, written from the rules' metadata so that the page and the rules cannot drift
 * apart: {@code RulesPageTest} (mamori-cli, which sees the built-in rules and those of other
 * modules, such as the known-vulnerability rules of mamori-vulns) fails when the file differs from
 * what this writes, and rewrites it when run with {@code -Dmamori.regenerate=true}.
 */
public final class RulesDoc {

    /** How to rewrite the page; it heads the file so that whoever edits it by hand learns how. */
    public static final String REGENERATE = "./mvnw -B -ntp -pl mamori-cli -am verify -Dtest=RulesPageTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dmamori.regenerate=true";

    private static final Map<String, String> AREAS = areas();

    private RulesDoc() {}

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("device", "Devices");
        areas.put("network", "Networks and protocols");
        areas.put("access", "Access and platforms");
        areas.put("safety", "Safety");
        areas.put("governance", "Governance");
        areas.put("vulns", "Known vulnerabilities");
        return areas;
    }

    /** The page for {@code rules}, grouped by area in catalog order. */
    public static String markdown(List<Rule> rules) {
        StringBuilder out = new StringBuilder();
        out.append(
                        "<!-- Generated from the rules' metadata by dev.mamori.engine.rules.RulesDoc; do not edit by hand.\n")
                .append("     To rewrite it after changing a rule: ")
                .append(REGENERATE)
                .append(" -->\n\n");
        out.append("# Risk rules\n\n");
        out.append("Mamori's ")
                .append(rules.size())
                .append(" risk rules, one class each under ")
                .append(rules.stream()
                        .map(RulesDoc::folder)
                        .distinct()
                        .map(f -> "`" + f + "`")
                        .collect(Collectors.joining(" and ")))
                .append(". Each finding is scored the same way ([scoring.md](scoring.md)); `mamori rules ID`"
                        + " prints one rule, and a treatment names a rule by its id.\n\n");
        out.append("| id | title | layers | threatens |\n| --- | --- | --- | --- |\n");
        for (Rule rule : rules) {
            RuleMetadata m = rule.metadata();
            out.append("| [`")
                    .append(m.id())
                    .append("`](#")
                    .append(m.id())
                    .append(") | ")
                    .append(cell(m.title()))
                    .append(" | ")
                    .append(layers(m))
                    .append(" | ")
                    .append(properties(m))
                    .append(" |\n");
        }
        Map<String, List<Rule>> byArea =
                rules.stream().collect(Collectors.groupingBy(RulesDoc::area, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Rule>> area : byArea.entrySet()) {
            out.append("\n## ")
                    .append(AREAS.getOrDefault(area.getKey(), area.getKey()))
                    .append("\n");
            for (Rule rule : area.getValue()) {
                RuleMetadata m = rule.metadata();
                out.append("\n### ").append(m.id()).append("\n\n");
                out.append("**").append(m.title()).append("**\n\n");
                out.append(m.rationale()).append("\n\n");
                out.append("- layers: ").append(layers(m)).append("\n");
                out.append("- threatens: ").append(properties(m)).append("\n");
                out.append("- references: ")
                        .append(m.references().stream()
                                .map(r -> r.scheme() + " " + r.id())
                                .collect(Collectors.joining(", ")))
                        .append("\n");
                out.append("- mitigations:\n");
                for (String mitigation : m.mitigations()) {
                    out.append("  - ").append(mitigation).append("\n");
                }
            }
        }
        return out.toString();
    }

    private static final String BUILT_IN = "dev.mamori.engine.rules.";

    /** A built-in rule's area is its package under the rules; another module's rules are its own area. */
    private static String area(Rule rule) {
        String name = rule.getClass().getPackageName();
        if (name.startsWith(BUILT_IN)) {
            return name.substring(BUILT_IN.length());
        }
        String[] parts = name.split("\\.");
        return parts.length > 2 ? parts[2] : name;
    }

    /** Where the rule's sources are: module mamori-X holds the packages dev.mamori.X. */
    private static String folder(Rule rule) {
        String name = rule.getClass().getPackageName();
        if (name.startsWith(BUILT_IN)) {
            return "mamori-engine/src/main/java/dev/mamori/engine/rules/";
        }
        String[] parts = name.split("\\.");
        return (parts.length > 2 ? "mamori-" + parts[2] + "/" : "") + "src/main/java/" + name.replace('.', '/') + "/";
    }

    /** Layers in the model's order, device first. */
    private static String layers(RuleMetadata m) {
        return Arrays.stream(Layer.values())
                .filter(m.layers()::contains)
                .map(Layer::word)
                .collect(Collectors.joining(", "));
    }

    /** Safety first, as NISC puts it. */
    private static String properties(RuleMetadata m) {
        return Arrays.stream(Property.values())
                .filter(m.properties()::contains)
                .map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
