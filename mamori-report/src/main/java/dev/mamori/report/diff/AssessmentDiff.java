package dev.mamori.report.diff;

import dev.mamori.report.diff.Snapshot.FindingState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two assessments of a landscape (two versions of the model, or two saved
 * assessments): findings that appeared, that went away, and that changed severity or status; and
 * how the systemic picture moved. Findings are matched by rule and element, so moving an element
 * within its file is no change, while renaming it is one finding resolved and another new.
 *
 * @param added findings of the new assessment that the old one did not have
 * @param resolved findings of the old assessment that the new one no longer has
 * @param changed findings in both whose severity, likelihood, impact or status differ
 * @param systemic how the systemic analysis moved, one line per change
 * @param missions how the missions moved: what a single failure stops, and each scenario's outcome
 * @param compliance requirements whose verdict changed, and the coverage of each standard
 */
public record AssessmentDiff(
        Snapshot before,
        Snapshot after,
        List<FindingState> added,
        List<FindingState> resolved,
        List<Change> changed,
        List<AspectChange> systemic,
        List<AspectChange> missions,
        List<AspectChange> compliance) {

    public AssessmentDiff {
        added = List.copyOf(added);
        resolved = List.copyOf(resolved);
        changed = List.copyOf(changed);
        systemic = List.copyOf(systemic);
        missions = List.copyOf(missions);
        compliance = List.copyOf(compliance);
    }

    /** One finding in both assessments, and what about it changed ("severity: high → critical"). */
    public record Change(FindingState before, FindingState after, List<String> what) {}

    /**
     * One change of an analysis.
     *
     * @param aspect what moved: in the systemic analysis {@code controlled}, {@code influenced}, {@code path},
     *     {@code blast radius}, {@code hazard}, {@code mission}; in the missions {@code single failure} and
     *     {@code scenario}; in compliance {@code requirement} and {@code coverage}
     * @param subject the component, system, hazard, mission, {@code scenario → mission}, {@code system:
     *     requirement} or {@code system: standard} concerned (empty for the counts)
     * @param before the old value in words, {@code none} when it was absent
     * @param after the new value in words, {@code none} when it is gone
     */
    public record AspectChange(String aspect, String subject, String before, String after) {}

    public static AssessmentDiff between(Snapshot before, Snapshot after) {
        List<FindingState> added = new ArrayList<>();
        List<FindingState> resolved = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, FindingState> e : after.findings().entrySet()) {
            FindingState old = before.findings().get(e.getKey());
            if (old == null) {
                added.add(e.getValue());
            } else {
                List<String> what = differences(old, e.getValue());
                if (!what.isEmpty()) {
                    changed.add(new Change(old, e.getValue(), what));
                }
            }
        }
        for (Map.Entry<String, FindingState> e : before.findings().entrySet()) {
            if (!after.findings().containsKey(e.getKey())) {
                resolved.add(e.getValue());
            }
        }
        List<AspectChange> missions = new ArrayList<>();
        compare(
                missions,
                "single failure",
                before.singleFailureStops(),
                after.singleFailureStops(),
                stoppers -> stoppers.isEmpty()
                        ? "no single failure stops it"
                        : "stopped by the failure of any one of " + String.join(", ", stoppers));
        compare(missions, "scenario", before.outcomes(), after.outcomes(), Snapshot.Outcome::words);
        List<AspectChange> compliance = new ArrayList<>();
        compare(compliance, "requirement", before.requirements(), after.requirements(), v -> v);
        compare(compliance, "coverage", before.coverage(), after.coverage(), v -> v);
        return new AssessmentDiff(
                before, after, added, resolved, changed, systemic(before, after), missions, compliance);
    }

    /** New findings that are open: what a reviewer must look at first. */
    public List<FindingState> addedOpen() {
        return added.stream().filter(FindingState::open).toList();
    }

    public boolean isEmpty() {
        return added.isEmpty()
                && resolved.isEmpty()
                && changed.isEmpty()
                && systemic.isEmpty()
                && missions.isEmpty()
                && compliance.isEmpty();
    }

    /** Missions that a single failure of a component stops now and did not before: a redundancy was lost. */
    public List<AspectChange> newlyStoppedBySingleFailure() {
        return missions.stream()
                .filter(m -> m.aspect().equals("single failure")
                        && !before.singleFailureStops()
                                .getOrDefault(m.subject(), List.of())
                                .containsAll(after.singleFailureStops().getOrDefault(m.subject(), List.of())))
                .toList();
    }

    /** Scenario outcomes whose recovery objectives were met and are missed now. */
    public List<AspectChange> objectivesNowMissed() {
        return missions.stream()
                .filter(m -> m.aspect().equals("scenario")
                        && m.before().endsWith("objectives met")
                        && m.after().endsWith("objectives missed"))
                .toList();
    }

    /** Requirements that were satisfied (or not there) and are not satisfied now. */
    public List<AspectChange> requirementsNowUnmet() {
        return compliance.stream()
                .filter(c -> c.aspect().equals("requirement")
                        && c.after().startsWith("not-satisfied")
                        && !c.before().startsWith("not-satisfied"))
                .toList();
    }

    private static List<String> differences(FindingState a, FindingState b) {
        List<String> what = new ArrayList<>();
        if (!a.severity().equals(b.severity())) {
            what.add("severity: " + a.severity() + " → " + b.severity());
        }
        if (a.likelihood() != b.likelihood()) {
            what.add("likelihood: " + a.likelihood() + " → " + b.likelihood());
        }
        if (a.impact() != b.impact()) {
            what.add("impact: " + a.impact() + " → " + b.impact());
        }
        if (!a.status().equals(b.status()) || a.open() != b.open()) {
            what.add("status: " + a.status() + " → " + b.status());
        }
        return what;
    }

    private static List<AspectChange> systemic(Snapshot a, Snapshot b) {
        List<AspectChange> out = new ArrayList<>();
        if (a.controlledComponents() != b.controlledComponents()) {
            out.add(new AspectChange("controlled", "", a.controlledComponents() + "", b.controlledComponents() + ""));
        }
        if (a.influencedComponents() != b.influencedComponents()) {
            out.add(new AspectChange("influenced", "", a.influencedComponents() + "", b.influencedComponents() + ""));
        }
        compare(out, "path", a.paths(), b.paths(), AssessmentDiff::probability);
        compare(
                out,
                "blast radius",
                a.blastRadius(),
                b.blastRadius(),
                r -> "score " + r.score()
                        + (r.reached().isEmpty()
                                ? ", reaches nothing"
                                : ", reaches " + String.join(", ", r.reached())));
        compare(out, "hazard", a.hazards(), b.hazards(), AssessmentDiff::probability);
        compare(out, "mission", a.missions(), b.missions(), needs -> "stoppable through " + String.join(", ", needs));
        return out;
    }

    private static <V> void compare(
            List<AspectChange> out,
            String aspect,
            Map<String, V> a,
            Map<String, V> b,
            java.util.function.Function<V, String> words) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            V old = a.get(key);
            V now = b.get(key);
            String before = old == null ? "none" : words.apply(old);
            String after = now == null ? "none" : words.apply(now);
            if (!Objects.equals(before, after)) {
                out.add(new AspectChange(aspect, key, before, after));
            }
        }
    }

    private static String probability(double p) {
        return String.format(Locale.ROOT, "p = %.2f", p);
    }
}
