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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rule fixtures in the style of Error Prone's: a small model per rule, {@code
 * src/test/resources/dev/mamori/engine/rules/fixtures/RULE-ID.yaml}, whose lines that must fire
 * carry {@code # expect: RULE-ID SEVERITY} (several separated by commas) and must fire with that
 * severity; every other line must not fire.
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

    /**
     * The lines of {@code text} marked to fire {@code ruleId}, each with the severity the mark states
     * ({@code # expect: RULE-ID high}), or the word "unstated" when the mark gives none.
     */
    public static Map<Integer, String> expected(String text, String ruleId) {
        Map<Integer, String> lines = new TreeMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = EXPECT.matcher(all[i]);
            if (m.find()) {
                for (String mark : m.group(1).split(",")) {
                    String[] words = mark.strip().split("\\s+");
                    if (words[0].equals(ruleId)) {
                        lines.put(i + 1, words.length > 1 ? words[1] : "unstated");
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

    /** The lines where {@code ruleId} fired, each with the severity of its finding there. */
    public static Map<Integer, String> fired(RiskAssessment assessment, String ruleId) {
        Map<Integer, String> lines = new TreeMap<>();
        for (Finding f : assessment.findings()) {
            if (f.rule().equals(ruleId)) {
                lines.merge(f.location().line(), f.severity().word(), (a, b) -> a.equals(b) ? a : a + "+" + b);
            }
        }
        return lines;
    }
}
