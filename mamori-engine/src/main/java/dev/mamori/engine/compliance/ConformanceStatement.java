package dev.mamori.engine.compliance;

import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.model.syntax.ClasspathResource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The implementation conformance statement of ETSI EN 303 645 (its Annex B pro forma), filled from
 * the model for one system: per clause, every provision with its reference, its status (M, R, M C n,
 * R C n; F where V3 makes it depend on a feature), its support (Y, N or N/A) and the evidence.
 *
 * <p>A certifier reads each support as a claim, so each is made only where the model proves it:
 *
 * <ul>
 *   <li>N only when what covers the provision fails: an {@code equivalent} mapping, or a {@code
 *       subset} one (ours is part of the provision, so ours failing makes the provision fail). A
 *       failing {@code superset} or {@code intersects} requirement may fail on what lies outside the
 *       provision, so it proves nothing about it.
 *   <li>Y only when an {@code equivalent} or {@code superset} mapping holds and nothing covering fails.
 *   <li>N/A only for a conditional (or feature-dependent) provision whose condition the model shows
 *       not to hold: everything mapped to it selects nothing in the system. An unconditional provision
 *       is never N/A.
 *   <li>Anything else is not decided: the support is left for the manufacturer to fill in and the
 *       provision is listed among those to be confirmed, with what to look at.
 * </ul>
 *
 * <p>The reference lists give whether a provision is conditional, not the standard's numbering or
 * wording of its conditions; the conditions here are numbered within the statement, each the one
 * the model judges (the elements the mapped means apply to), in our words.
 *
 * @param sections the clauses in the standard's order, each with its provisions
 * @param conditions the conditions the statuses' numbers refer to, numbered from 1
 * @param toConfirm the provisions whose support the model cannot decide
 */
public record ConformanceStatement(
        String standard,
        String title,
        String system,
        List<Section> sections,
        List<String> conditions,
        List<Row> toConfirm) {

    public ConformanceStatement {
        sections = List.copyOf(sections);
        conditions = List.copyOf(conditions);
        toConfirm = List.copyOf(toConfirm);
    }

    /** The answers Annex B allows in the support column. */
    public enum Support {
        Y("Y"),
        N("N"),
        NOT_APPLICABLE("N/A");

        private final String word;

        Support(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A clause heading and its provisions. */
    public record Section(String clause, String heading, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /**
     * @param status the status as Annex B writes it, the condition numbered ("M C 2")
     * @param label our own short label of the provision, never the standard's text
     * @param condition the number of the provision's condition in {@link #conditions()}, if it has one
     * @param support empty when the model cannot decide it: the manufacturer fills it in
     * @param detail why, with the evidence: what maps to the provision and where it stands
     */
    public record Row(
            String provision,
            String status,
            String label,
            Optional<Integer> condition,
            Optional<Support> support,
            String detail) {}

    /** Every provision row, in order, without the headings. */
    public List<Row> rows() {
        return sections.stream().flatMap(s -> s.rows().stream()).toList();
    }

    public static List<String> etsiVersions() {
        return List.of("etsi-en-303-645-v2.1.1", "etsi-en-303-645-v3.1.3");
    }

    private static final String FEATURE = "F";

    public static ConformanceStatement of(Catalog catalog, SystemCompliance system, String standardId) {
        if (!etsiVersions().contains(standardId)) {
            throw new IllegalArgumentException("conformance statements are for ETSI EN 303 645 only: " + standardId);
        }
        Standard standard = Objects.requireNonNull(catalog.standards().get(standardId), standardId);
        Map<String, RequirementResult> results = ComplianceEvaluator.byRequirement(system);
        Map<String, List<Catalog.Mapped>> byItem = catalog.mappedByItem(standardId);
        Map<String, String> headings = headings();
        List<String> conditions = new ArrayList<>();
        Map<String, List<Row>> byClause = new LinkedHashMap<>();
        List<Row> toConfirm = new ArrayList<>();
        for (Standard.Item item : standard.items().values()) {
            Row row = row(item, byItem.getOrDefault(item.id(), List.of()), results, system, conditions);
            byClause.computeIfAbsent(clause(item.id()), k -> new ArrayList<>()).add(row);
            if (row.support().isEmpty()) {
                toConfirm.add(row);
            }
        }
        List<Section> sections = new ArrayList<>();
        byClause.forEach((clause, rows) ->
                sections.add(new Section(clause, headings.getOrDefault(clause, "Clause " + clause), rows)));
        return new ConformanceStatement(standardId, standard.title(), system.system(), sections, conditions, toConfirm);
    }

    /** "5.1-3" is in clause 5.1, "4-1" in clause 4. */
    static String clause(String provision) {
        int dash = provision.indexOf('-');
        return dash < 0 ? provision : provision.substring(0, dash);
    }

    /** What one crosswalk entry says for this system. */
    private record Judged(Catalog.Mapped mapped, Verdict verdict, String why, Set<Condition> conditions) {
        Relationship relationship() {
            return mapped.mapping().relationship();
        }

        String evidence() {
            return mapped.owner() + " (" + relationship().word() + "): " + verdict.word() + " - " + why;
        }
    }

    private static Row row(
            Standard.Item item,
            List<Catalog.Mapped> mapped,
            Map<String, RequirementResult> results,
            SystemCompliance system,
            List<String> conditions) {
        String letters = item.status().orElse("M");
        boolean conditional = item.conditional();
        List<Judged> judged = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (Catalog.Mapped m : mapped) {
            RequirementResult r = results.get(m.requirement().id());
            if (r == null) {
                outside.add(m.owner());
                continue;
            }
            Optional<MeansResult> means = m.means()
                    .flatMap(x -> r.means().stream()
                            .filter(y -> y.means().id().equals(x.id()))
                            .findFirst());
            Set<Condition> judgedBy = new LinkedHashSet<>();
            if (means.isPresent()) {
                judgedBy.add(means.get().means().appliesTo());
            } else {
                r.requirement().means().forEach(x -> judgedBy.add(x.appliesTo()));
            }
            judged.add(new Judged(
                    m,
                    means.map(MeansResult::verdict).orElse(r.verdict()),
                    means.map(MeansResult::why).orElse(r.why() + meansEvidence(r)),
                    judgedBy));
        }
        // The condition the model can judge: the elements what maps to the provision applies to. A
        // means for the whole system ('always') always applies, so it says nothing of a condition.
        Optional<Integer> number = Optional.empty();
        Set<Condition> selecting = new LinkedHashSet<>();
        judged.forEach(
                j -> j.conditions().stream().filter(c -> c != Condition.ALWAYS).forEach(selecting::add));
        boolean judgeable = conditional
                && !judged.isEmpty()
                && judged.stream().allMatch(j -> !j.conditions().contains(Condition.ALWAYS));
        if (conditional) {
            String text = judgeable
                    ? "the system has "
                            + String.join(
                                    " or ",
                                    selecting.stream().map(Condition::what).toList())
                    : "the provision's own condition"
                            + (letters.contains(FEATURE) ? " (the product has the feature it concerns)" : "")
                            + ", which the model does not state: the manufacturer says whether it holds";
            int at = conditions.indexOf(text);
            if (at < 0) {
                conditions.add(text);
                at = conditions.size() - 1;
            }
            number = Optional.of(at + 1);
        }
        String status = status(letters, number);
        String label =
                item.label() + (item.uncertain() ? " (? unverified: not checked against the primary document)" : "");
        List<Judged> applying = judged.stream()
                .filter(j -> j.verdict() != Verdict.NOT_APPLICABLE)
                .toList();
        String evidence =
                String.join("; ", judged.stream().map(Judged::evidence).toList());

        if (judged.isEmpty()) {
            String why = outside.isEmpty()
                    ? "no requirement of the catalog maps to it: the manufacturer states how it is met"
                    : "mapped to " + String.join(", ", outside) + ", outside profile "
                            + system.profile().id() + ": the manufacturer states how it is met";
            return new Row(item.id(), status, label, number, Optional.empty(), why);
        }
        if (applying.isEmpty()) {
            if (judgeable) {
                return new Row(
                        item.id(),
                        status,
                        label,
                        number,
                        Optional.of(Support.NOT_APPLICABLE),
                        "condition " + number.orElseThrow() + " does not hold: nothing in the system is among "
                                + String.join(
                                        " or ",
                                        selecting.stream().map(Condition::what).toList())
                                + "; " + evidence);
            }
            return new Row(
                    item.id(),
                    status,
                    label,
                    number,
                    Optional.empty(),
                    (conditional
                                    ? "what maps to it does not apply here, but that does not show its condition fails"
                                    : "unconditional, yet what maps to it does not apply to this model")
                            + ": the manufacturer states how it is met; " + evidence);
        }
        List<Judged> failing = applying.stream()
                .filter(j -> j.verdict() == Verdict.NOT_SATISFIED)
                .filter(j -> j.relationship() == Relationship.EQUIVALENT || j.relationship() == Relationship.SUBSET)
                .toList();
        boolean conditionOpen = conditional && !judgeable;
        if (!failing.isEmpty()) {
            if (conditionOpen) {
                return new Row(
                        item.id(),
                        status,
                        label,
                        number,
                        Optional.empty(),
                        "not met if condition " + number.orElseThrow() + " holds: " + evidence);
            }
            return new Row(item.id(), status, label, number, Optional.of(Support.N), "not met: " + evidence);
        }
        boolean covered = applying.stream()
                .anyMatch(j -> j.verdict() == Verdict.SATISFIED
                        && (j.relationship() == Relationship.EQUIVALENT || j.relationship() == Relationship.SUPERSET));
        if (covered) {
            return new Row(item.id(), status, label, number, Optional.of(Support.Y), "met: " + evidence);
        }
        String why;
        if (applying.stream().anyMatch(j -> j.verdict() == Verdict.NEEDS_REVIEW)) {
            why = "needs a person's review";
        } else if (applying.stream().anyMatch(j -> j.verdict() == Verdict.NOT_SATISFIED)) {
            why = "only a partly overlapping requirement fails, which does not show the provision fails";
        } else {
            why = "what maps to it holds but covers only part of it";
        }
        return new Row(
                item.id(), status, label, number, Optional.empty(), why + ": the manufacturer confirms; " + evidence);
    }

    /** A requirement's means with their verdicts, and the reason of each that does not hold. */
    private static String meansEvidence(RequirementResult r) {
        List<String> parts = new ArrayList<>();
        for (MeansResult m : r.means()) {
            parts.add(m.means().id() + " " + m.verdict().word()
                    + (m.verdict() == Verdict.SATISFIED || m.verdict() == Verdict.NOT_APPLICABLE
                            ? ""
                            : " (" + m.why() + ")"));
        }
        return parts.isEmpty() ? "" : " [" + String.join(", ", parts) + "]";
    }

    /** "MC" with condition 2 is "M C 2"; "MCF" is "M C F 2"; "RF" is "R F 3" (F depends on a feature). */
    static String status(String letters, Optional<Integer> condition) {
        StringBuilder out = new StringBuilder(letters.substring(0, 1));
        if (letters.contains("C")) {
            out.append(" C");
        }
        if (letters.contains(FEATURE)) {
            out.append(" F");
        }
        condition.ifPresent(n -> out.append(' ').append(n));
        return out.toString();
    }

    /** The clause headings: ETSI's category headings (facts), and clause 4 of V2.1.1. */
    private static Map<String, String> headings() {
        Map<String, String> headings = new LinkedHashMap<>();
        headings.put("4", "Reporting implementation");
        String tsv = new String(
                ClasspathResource.bytes(ConformanceStatement.class, "standards/etsi-en-303-645-categories.tsv"),
                StandardCharsets.UTF_8);
        tsv.lines()
                .skip(1)
                .map(l -> l.split("\t", -1))
                .filter(c -> c.length >= 3)
                .forEach(c -> headings.put(c[0], c[2]));
        return headings;
    }
}
