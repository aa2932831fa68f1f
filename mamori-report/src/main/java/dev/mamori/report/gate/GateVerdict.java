package dev.mamori.report.gate;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment gate's decision on one assessment: it fails when an open finding is at or above
 * the threshold. Closed findings (a treatment that holds) never fail it; a treatment that lapsed
 * re-opens its finding, so an acceptance cannot pass the gate forever.
 *
 * @param failing the open findings at or above the threshold, most severe first
 */
public record GateVerdict(Assessment assessment, Severity threshold, List<Finding> failing) {

    /** How many failing findings the one-screen reason lists before summing up the rest. */
    public static final int LISTED = 12;

    public GateVerdict {
        failing = List.copyOf(failing);
    }

    public static GateVerdict of(Assessment assessment, Severity threshold) {
        return new GateVerdict(
                assessment, threshold, GatePolicy.findingsAtOrAbove(threshold).failing(assessment.risk()));
    }

    public boolean passed() {
        return failing.isEmpty();
    }

    /** The reason on one screen: the verdict, the counts, the findings that fail it, and what to do. */
    public String text() {
        var landscape = assessment.landscape();
        List<Finding> open = assessment.risk().open();
        int closed = assessment.risk().findings().size() - open.size();
        StringBuilder out = new StringBuilder();
        String what = String.format(
                "%s (%d systems, %d components; judged on %s)",
                landscape.name(),
                landscape.systems().size(),
                landscape.components().size(),
                assessment.today());
        if (passed()) {
            out.append(String.format("PASS: no open finding at or above %s in %s%n", threshold.word(), what));
        } else {
            out.append(String.format(
                    "FAIL: %d open %s at or above %s in %s%n",
                    failing.size(), failing.size() == 1 ? "finding" : "findings", threshold.word(), what));
        }
        out.append("  at or above ")
                .append(threshold.word())
                .append(": ")
                .append(counts(failing))
                .append('\n');
        List<Finding> below =
                open.stream().filter(f -> f.severity().compareTo(threshold) < 0).toList();
        out.append("  below it (not gating): ").append(counts(below)).append('\n');
        out.append(String.format("  closed by a treatment that holds: %d%n", closed));
        if (!passed()) {
            out.append('\n');
            int width = failing.stream()
                    .limit(LISTED)
                    .mapToInt(f -> f.rule().length())
                    .max()
                    .orElse(0);
            int elementWidth = failing.stream()
                    .limit(LISTED)
                    .mapToInt(f -> f.element().length())
                    .max()
                    .orElse(0);
            for (Finding f : failing.subList(0, Math.min(LISTED, failing.size()))) {
                out.append(String.format(
                        "  %-8s %-" + width + "s  %-" + Math.min(elementWidth, 40) + "s  %s:%d%n",
                        f.severity().name(),
                        f.rule(),
                        f.element(),
                        f.location().file(),
                        f.location().line()));
            }
            if (failing.size() > LISTED) {
                out.append(String.format(
                        "  ... and %d more (mamori assess --all lists every open finding)%n", failing.size() - LISTED));
            }
            out.append("\nTo pass: fix these in the system and its model ('mamori rules RULE-ID' says how),")
                    .append("\nor record a decision under 'treatments:' (status, by, reason, until).\n");
        }
        return out.toString();
    }

    private static String counts(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "none";
        }
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        findings.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
            Integer n = bySeverity.get(s);
            if (n != null) {
                out.append(out.length() == 0 ? "" : ", ").append(n).append(' ').append(s.word());
            }
        }
        return out.toString();
    }
}
