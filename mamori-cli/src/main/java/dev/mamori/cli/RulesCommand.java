package dev.mamori.cli;

import dev.mamori.app.Workspace;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.Reference;
import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Layer;
import dev.mamori.model.diagnostics.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        header = "List the risk rules, or explain one.",
        description = {
            "Without an argument: every rule, the layers it looks at (D device,",
            "N network, P platform, S service), the properties it threatens",
            "(S safety, C confidentiality, I integrity, A availability) and its title.",
            "With a rule id: why it matters, its references (CWE, CAPEC, OWASP IoT",
            "Top 10, MITRE EMB3D, ETSI EN 303 645) and what mitigates it."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed",
            "2:usage error (unknown rule id)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE-ID", arity = "0..1", description = "The rule to explain.")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // The built-in rules and those of known vulnerabilities, which report with vulnerability data.
        List<Rule> rules = Workspace.allRules();
        if (id == null) {
            int width = rules.stream()
                    .mapToInt(r -> r.metadata().id().length())
                    .max()
                    .orElse(10);
            out.printf("%-" + width + "s  layers  S C I A  title%n", "rule");
            for (Rule rule : rules) {
                RuleMetadata m = rule.metadata();
                out.printf("%-" + width + "s  %-6s  %s  %s%n", m.id(), layers(m), properties(m), m.title());
            }
            out.printf("%n%d rules. 'mamori rules RULE-ID' explains one.%n", rules.size());
            return ExitCode.OK;
        }
        RuleMetadata m = rules.stream()
                .filter(r -> r.metadata().id().equals(id))
                .findFirst()
                .map(Rule::metadata)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        "no rule '" + id + "'"
                                + Suggestions.didYouMean(
                                        id,
                                        rules.stream()
                                                .map(r -> r.metadata().id())
                                                .toList())
                                + "; 'mamori rules' lists them"));
        out.printf("%s — %s%n%n", m.id(), m.title());
        out.printf("%s%n%n", m.rationale());
        out.printf(
                "Layers: %s%n",
                String.join(", ", m.layers().stream().sorted().map(Layer::word).toList()));
        out.printf(
                "Threatens: %s%n",
                String.join(
                        ", ",
                        m.properties().stream()
                                .sorted()
                                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                                .toList()));
        out.printf(
                "References: %s%n",
                String.join(
                        ", ", m.references().stream().map(Reference::toString).toList()));
        out.printf("%nWhat mitigates it:%n");
        m.mitigations().forEach(fix -> out.printf("  - %s%n", fix));
        return ExitCode.OK;
    }

    private static String layers(RuleMetadata m) {
        StringBuilder out = new StringBuilder();
        for (Layer layer : Layer.values()) {
            out.append(
                    m.layers().contains(layer) ? layer.word().substring(0, 1).toUpperCase(java.util.Locale.ROOT) : "-");
        }
        return out.toString();
    }

    private static String properties(RuleMetadata m) {
        StringBuilder out = new StringBuilder();
        for (Property p : Property.values()) {
            out.append(m.properties().contains(p) ? p.letter() : "-").append(p == Property.AVAILABILITY ? "" : " ");
        }
        return out.toString();
    }
}
