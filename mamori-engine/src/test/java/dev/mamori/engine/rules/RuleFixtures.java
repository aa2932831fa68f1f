package dev.mamori.engine.rules;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.risk.Rule;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rule fixtures in the style of Error Prone's: a small model per rule, {@code
 * src/test/resources/dev/mamori/engine/rules/fixtures/RULE-ID.yaml}, whose lines that must fire
 * carry {@code # expect: RULE-ID} (several ids separated by commas); every other line must not.
 */
public final class RuleFixtures {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*([a-z0-9, -]+)");

    private RuleFixtures() {}

    public static Optional<String> text(String ruleId) throws IOException {
        try (InputStream in = RuleFixtures.class.getResourceAsStream("fixtures/" + ruleId + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The lines of {@code text} marked to fire {@code ruleId}. */
    public static Set<Integer> expectedLines(String text, String ruleId) {
        Set<Integer> lines = new TreeSet<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = EXPECT.matcher(all[i]);
            if (m.find()) {
                for (String id : m.group(1).split(",")) {
                    if (id.strip().equals(ruleId)) {
                        lines.add(i + 1);
                    }
                }
            }
        }
        return lines;
    }

    /** Loads a fixture model (which must be free of errors) and runs the given rules over it. */
    public static RiskAssessment assess(String name, String text, List<Rule> rules) {
        return new RiskEngine(rules).assess(graph(name, text), TODAY);
    }

    /** Loads a model (which must be free of errors) and freezes it. */
    public static FrozenGraph graph(String name, String text) {
        ModelLoader loader = new ModelLoader(
                ModelSource.inMemory(Map.of(Path.of(name), text.getBytes(StandardCharsets.UTF_8))),
                new ModelLoader.Options(ReadLimits.DEFAULT, TODAY));
        LoadResult result = loader.load(List.of(Path.of(name)));
        if (!result.valid()) {
            throw new AssertionError(name + " is not a valid model:\n"
                    + result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return FrozenGraph.of(result.landscape().orElseThrow());
    }

    /** The lines where {@code ruleId} fired. */
    public static Set<Integer> firedLines(RiskAssessment assessment, String ruleId) {
        return assessment.findings().stream()
                .filter(f -> f.rule().equals(ruleId))
                .map(Finding::location)
                .map(l -> l.line())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
