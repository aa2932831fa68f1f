package dev.mamori.report.gate;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.compliance.Verdict;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deployment gate's decision on compliance: it fails when a requirement at least as binding as
 * the threshold is not satisfied for some system. A requirement that needs review does not fail it:
 * the gate judges what the model shows, and a person's review is recorded as a control.
 *
 * @param profile the profile every system was judged against, or empty when each took its own
 * @param failing the unmet requirements at or above the threshold, strongest obligation first
 */
public record RequirementGate(
        ComplianceResult compliance, Obligation threshold, Optional<String> profile, List<Unmet> failing) {

    /** How many unmet requirements the one-screen reason lists before summing up the rest. */
    public static final int LISTED = 12;

    public RequirementGate {
        failing = List.copyOf(failing);
    }

    /** One requirement not satisfied for one system, located where the model is to change. */
    public record Unmet(String system, RequirementResult requirement, SourceLocation at, Optional<String> gap) {}

    public static RequirementGate of(ComplianceResult compliance, Obligation threshold, Optional<String> profile) {
        GatePolicy policy = GatePolicy.requirementsAtOrAbove(threshold);
        List<Unmet> failing = new ArrayList<>();
        for (SystemCompliance s : compliance.systems()) {
            for (RequirementResult r : s.requirements()) {
                if (policy.fails(r)) {
                    Optional<MeansResult> means = r.means().stream()
                            .filter(m -> m.verdict() == Verdict.NOT_SATISFIED)
                            .findFirst();
                    // The first element that does not hold says where to change the model; else the system.
                    SourceLocation at = means.flatMap(m -> m.subjects().stream()
                                    .filter(x -> x.verdict() == Verdict.NOT_SATISFIED)
                                    .map(x -> x.subject().at())
                                    .findFirst())
                            .orElse(s.at());
                    failing.add(new Unmet(
                            s.system(),
                            r,
                            at,
                            means.flatMap(m -> m.gap().stream().findFirst())));
                }
            }
        }
        failing.sort(Comparator.comparing((Unmet u) -> u.requirement().obligation()));
        return new RequirementGate(compliance, threshold, profile, failing);
    }

    public boolean passed() {
        return failing.isEmpty();
    }

    /** The reason on one screen: the verdict, the counts per obligation, the unmet requirements, what to do. */
    public String text() {
        StringBuilder out = new StringBuilder();
        String judged = profile.map(p -> "judged against profile " + p).orElse("each judged against its own profile");
        String jurisdictions = compliance.jurisdictions().isEmpty()
                ? "no jurisdiction named"
                : "under " + String.join(", ", compliance.jurisdictions());
        int systems = compliance.systems().size();
        if (passed()) {
            out.append(String.format(
                    "PASS: every %s requirement or stronger is satisfied or needs review in %d systems (%s, %s)%n",
                    threshold.word(), systems, judged, jurisdictions));
        } else {
            out.append(String.format(
                    "FAIL: %d %s at or above %s not satisfied in %d systems (%s, %s)%n",
                    failing.size(),
                    failing.size() == 1 ? "requirement" : "requirements",
                    threshold.word(),
                    systems,
                    judged,
                    jurisdictions));
        }
        List<String> counts = new ArrayList<>();
        for (Obligation o : Obligation.values()) {
            long n = compliance.systems().stream()
                    .flatMap(s -> s.requirements().stream())
                    .filter(r -> r.verdict() == Verdict.NOT_SATISFIED && r.obligation() == o)
                    .count();
            counts.add(n + " " + o.word() + (o.compareTo(threshold) <= 0 ? "" : " (not gating)"));
        }
        out.append("  not satisfied: ").append(String.join(", ", counts)).append('\n');
        if (passed()) {
            return out.toString();
        }
        out.append('\n');
        int width = failing.stream()
                .limit(LISTED)
                .mapToInt(u -> u.system().length()
                        + 1
                        + u.requirement().requirement().id().length())
                .max()
                .orElse(0);
        for (Unmet u : failing.subList(0, Math.min(LISTED, failing.size()))) {
            out.append(String.format(
                    "  %-10s %-" + width + "s  %s:%d%n",
                    u.requirement().obligation().word().toUpperCase(java.util.Locale.ROOT),
                    u.system() + ":" + u.requirement().requirement().id(),
                    u.at().file(),
                    u.at().line()));
            u.gap()
                    .ifPresent(g ->
                            out.append("             fix: ").append(shorten(g)).append('\n'));
        }
        if (failing.size() > LISTED) {
            out.append(String.format(
                    "  ... and %d more (mamori comply lists every requirement with its evidence)%n",
                    failing.size() - LISTED));
        }
        out.append("\nTo pass: close the gaps in the system and its model ('mamori comply --all' shows the evidence),")
                .append("\nor declare the control that meets it with its evidence under 'controls:'.\n");
        return out.toString();
    }

    /** One line of a gap: the one-screen reason keeps each fix to a line. */
    private static String shorten(String gap) {
        String line = gap.lines().findFirst().orElse("");
        return line.length() <= 110 ? line : line.substring(0, 107) + "...";
    }
}
