package dev.mamori.engine.compliance;

import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.model.Control;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.ControlStatus;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges every system of a landscape against its profile: for each requirement the profile selects,
 * each means is applied to the elements its condition selects and verified the way the catalog
 * says: by the risk rules' findings and the facts the model states, by the controls the system
 * declares, or left to a person with what to look at.
 */
public final class ComplianceEvaluator {

    private final Catalog catalog;

    public ComplianceEvaluator(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param profileOverride a profile to judge every system against instead of its own, if any
     */
    public ComplianceResult evaluate(
            FrozenGraph graph, RiskAssessment risk, LocalDate today, Optional<String> profileOverride) {
        // Findings equal by value are made one object here, so that the sets below can compare
        // findings by identity: a finding's own hash visits every field and string it holds, and
        // hashing it once per subject it concerns was most of the evaluation's time at 100,000
        // components.
        Map<Finding, Finding> canonical = new HashMap<>();
        Map<SourceLocation, List<Finding>> findingsAt = new HashMap<>();
        for (Finding f : risk.findings()) {
            Finding one = canonical.computeIfAbsent(f, k -> k);
            findingsAt.computeIfAbsent(f.location(), k -> new ArrayList<>()).add(one);
        }
        List<String> jurisdictions = graph.landscape().jurisdictions().stream()
                .map(Ref::text)
                .filter(catalog.jurisdictions()::containsKey)
                .distinct()
                .toList();
        List<SystemCompliance> systems = new ArrayList<>();
        Shared shared = new Shared(graph);
        for (int s = 0; s < graph.systemCount(); s++) {
            IotSystem system = graph.system(s);
            Optional<Catalog.ProfileChoice> choice = profileOverride
                    .map(id -> Optional.ofNullable(catalog.profiles().get(id))
                            .map(p -> new Catalog.ProfileChoice(p, "chosen with --profile")))
                    .orElseGet(() -> catalog.profileFor(system));
            if (choice.isEmpty()) {
                continue; // an unknown profile is reported when the model is checked against the catalog
            }
            Profile profile = choice.get().profile();
            List<RequirementResult> results = new ArrayList<>();
            List<ComplianceResult.Upcoming> upcoming = new ArrayList<>();
            SystemShared selected = new SystemShared(shared);
            for (Requirement requirement : catalog.requirements().values()) {
                if (requirement.supersededBy().isPresent()) {
                    continue;
                }
                Optional<ObligationFound> obligation = obligation(
                        graph, s, profile, requirement.id(), jurisdictions, today, upcoming, shared.subjects);
                if (obligation.isPresent()) {
                    results.add(requirement(graph, s, profile, requirement, obligation.get(), findingsAt, selected));
                }
            }
            systems.add(new SystemCompliance(
                    system.id(),
                    system.name(),
                    system.at(),
                    profile,
                    choice.get().why(),
                    results,
                    upcoming));
        }
        return new ComplianceResult(catalog, jurisdictions, systems);
    }

    private record ObligationFound(Obligation obligation, String why) {}

    /**
     * The strongest class the profile gives the requirement, in general or under a regime of a
     * jurisdiction in force on {@code today}. A regime not yet in force gives nothing yet: a law
     * that does not bind cannot fail a gate. Those that start within twelve months go to {@code
     * upcoming}; every later one is named in the reason, so nobody reads its absence as none.
     */
    private Optional<ObligationFound> obligation(
            FrozenGraph graph,
            int s,
            Profile profile,
            String requirement,
            List<String> jurisdictions,
            LocalDate today,
            List<ComplianceResult.Upcoming> upcoming,
            Subjects subjects) {
        ObligationFound best = Optional.ofNullable(profile.base().get(requirement))
                .map(o -> new ObligationFound(o, o.word() + " in profile " + profile.id()))
                .orElse(null);
        List<Map.Entry<LocalDate, String>> later = new ArrayList<>();
        List<String> notHere = new ArrayList<>();
        for (String j : jurisdictions) {
            Profile.JurisdictionRule rule = profile.byJurisdiction().get(j);
            if (rule == null) {
                continue;
            }
            Jurisdiction jurisdiction = catalog.jurisdictions().get(j);
            List<Profile.RegimeRule> regimes = new ArrayList<>();
            regimes.add(new Profile.RegimeRule(
                    j,
                    rule.regime().orElse(jurisdiction.regime()),
                    rule.appliesFrom().or(jurisdiction::appliesFrom),
                    rule.appliesUntil(),
                    rule.obligations(),
                    Optional.empty(),
                    rule.at()));
            regimes.addAll(rule.regimes().values());
            for (Profile.RegimeRule regime : regimes) {
                Obligation o = regime.obligations().get(requirement);
                if (o == null || regime.appliesUntil().map(today::isAfter).orElse(false)) {
                    continue;
                }
                // A regime for some systems only (the RED: radio equipment) binds this one only when
                // the model shows what it is for; say so, so that its absence is not read as none.
                Optional<Condition> scope = regime.appliesTo();
                if (scope.isPresent() && scope.get().select(graph, s, subjects).isEmpty()) {
                    notHere.add(regime.regime() + " does not bind "
                            + graph.system(s).id() + ": it has no "
                            + scope.get().what());
                    continue;
                }
                if (!regime.inForce(today)) {
                    LocalDate from = regime.appliesFrom().orElseThrow();
                    later.add(Map.entry(from, o.word() + " in " + j + " from " + from + ": " + regime.regime()));
                    if (!from.isAfter(today.plusMonths(12))) {
                        upcoming.add(new ComplianceResult.Upcoming(requirement, o, j, regime.regime(), from));
                    }
                    continue;
                }
                if (best == null || o.compareTo(best.obligation()) < 0) {
                    String when = regime.appliesFrom()
                                    .map(d -> " (applies since " + d)
                                    .orElse("")
                            + regime.appliesUntil()
                                    .map(d -> (regime.appliesFrom().isPresent() ? ", until " : " (until ") + d)
                                    .orElse("")
                            + (regime.appliesFrom().isPresent()
                                            || regime.appliesUntil().isPresent()
                                    ? ")"
                                    : "");
                    best = new ObligationFound(o, o.word() + " in " + j + ": " + regime.regime() + when);
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        // A regime to come that asks no more than what binds already changes nothing on its day.
        Obligation now = best.obligation();
        upcoming.removeIf(
                u -> u.requirement().equals(requirement) && u.obligation().compareTo(now) >= 0);
        String why = best.why();
        if (!later.isEmpty()) {
            why += "; not yet in force: "
                    + String.join(
                            "; ",
                            later.stream()
                                    .sorted(Map.Entry.comparingByKey())
                                    .map(Map.Entry::getValue)
                                    .toList());
        }
        if (!notHere.isEmpty()) {
            why += "; " + String.join("; ", notHere);
        }
        return Optional.of(new ObligationFound(best.obligation(), why));
    }

    private RequirementResult requirement(
            FrozenGraph graph,
            int s,
            Profile profile,
            Requirement requirement,
            ObligationFound obligation,
            Map<SourceLocation, List<Finding>> findingsAt,
            SystemShared selected) {
        List<MeansResult> means = new ArrayList<>();
        for (Means m : requirement.means()) {
            if (m.supersededBy().isEmpty()) {
                means.add(means(graph, s, profile, requirement, m, findingsAt, selected));
            }
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        means.forEach(m -> counts.merge(m.verdict(), 1, Integer::sum));
        int applicable = means.size() - counts.getOrDefault(Verdict.NOT_APPLICABLE, 0);
        Verdict verdict;
        String why;
        if (applicable == 0) {
            verdict = Verdict.NOT_APPLICABLE;
            why = "none of its means applies to " + graph.system(s).id();
        } else if (requirement.anyMeans()) {
            verdict = counts.getOrDefault(Verdict.SATISFIED, 0) > 0
                    ? Verdict.SATISFIED
                    : counts.getOrDefault(Verdict.NEEDS_REVIEW, 0) > 0 ? Verdict.NEEDS_REVIEW : Verdict.NOT_SATISFIED;
            why = "one applicable means suffices; " + tally(counts, applicable);
        } else {
            verdict = Verdict.SATISFIED;
            for (MeansResult m : means) {
                if (m.verdict() != Verdict.NOT_APPLICABLE) {
                    verdict = Verdict.worse(verdict, m.verdict());
                }
            }
            why = "every applicable means must hold; " + tally(counts, applicable);
        }
        return new RequirementResult(requirement, obligation.obligation(), obligation.why(), verdict, why, means);
    }

    private static String tally(Map<Verdict, Integer> counts, int applicable) {
        List<String> parts = new ArrayList<>();
        for (Verdict v : List.of(Verdict.SATISFIED, Verdict.NOT_SATISFIED, Verdict.NEEDS_REVIEW)) {
            int n = counts.getOrDefault(v, 0);
            if (n > 0) {
                parts.add(n + " " + v.word());
            }
        }
        return "of " + applicable + " applicable " + (applicable == 1 ? "means" : "means") + ": "
                + String.join(", ", parts);
    }

    private MeansResult means(
            FrozenGraph graph,
            int s,
            Profile profile,
            Requirement requirement,
            Means means,
            Map<SourceLocation, List<Finding>> findingsAt,
            SystemShared selected) {
        IotSystem system = graph.system(s);
        List<Subject> subjects = new ArrayList<>(selected.subjects.computeIfAbsent(
                means.appliesTo(), condition -> condition.select(graph, s, selected.shared.subjects)));
        boolean graded = profile.securityLevels() && means.securityLevel().isPresent();
        if (graded) {
            int level = means.securityLevel().getAsInt();
            subjects.removeIf(sub ->
                    sub.securityLevel().isPresent() && sub.securityLevel().getAsInt() < level);
        }
        List<Control> controls = system.controls().stream()
                .filter(c ->
                        c.requirement().equals(means.id()) || c.requirement().equals(requirement.id()))
                .toList();
        if (subjects.isEmpty()) {
            String why = "no " + means.appliesTo().what() + " in " + system.id()
                    + (graded
                            ? " at IEC 62443 security level "
                                    + means.securityLevel().getAsInt() + " or above"
                            : "");
            return new MeansResult(means, Verdict.NOT_APPLICABLE, why, List.of(), List.of(), controls, List.of());
        }
        // a set in the order found: a credential or a zone concerns many subjects, and each finding
        // is evidence once (a list's contains here made a large system's compliance quadratic)
        FindingSet evidence = new FindingSet();
        Set<String> gap = new LinkedHashSet<>();
        Verification verify = means.verify();
        Unmet unmet = verify instanceof Verification.FromModel
                ? null
                : selected.shared.unmet.computeIfAbsent(means, Unmet::new);
        Subject[] on = subjects.toArray(new Subject[0]);
        Reason[] reasons = new Reason[on.length];
        for (int i = 0; i < on.length; i++) {
            reasons[i] = verify instanceof Verification.FromModel model
                    ? fromModel(model, on[i], findingsAt, evidence, gap, selected.shared)
                    : fromControls(unmet, on[i], controls, gap);
        }
        Verdict verdict = Verdict.SATISFIED;
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Reason r : reasons) {
            verdict = Verdict.worse(verdict, r.verdict());
            counts.merge(r.verdict(), 1, Integer::sum);
        }
        SubjectResults results = new SubjectResults(on, reasons);
        String what = means.appliesTo() == Condition.ALWAYS
                ? "the system"
                : means.appliesTo().what();
        String why = verdict == Verdict.SATISFIED
                ? "holds for all " + results.size() + " " + what + " (" + how(verify) + ")"
                : tallySubjects(counts, results.size(), what) + " (" + how(verify) + ")";
        return new MeansResult(means, verdict, why, results, evidence.inOrder(), controls, List.copyOf(gap));
    }

    private static String how(Verification verify) {
        if (verify instanceof Verification.FromModel model) {
            return "rules " + String.join(", ", model.rules())
                    + (model.facts().isEmpty()
                            ? ""
                            : "; facts "
                                    + String.join(
                                            ", ",
                                            model.facts().stream()
                                                    .map(Fact::word)
                                                    .sorted()
                                                    .toList()));
        }
        return verify instanceof Verification.FromControl ? "a declared control with evidence" : "a person's review";
    }

    private static String tallySubjects(Map<Verdict, Integer> counts, int total, String what) {
        List<String> parts = new ArrayList<>();
        for (Verdict v : List.of(Verdict.NOT_SATISFIED, Verdict.NEEDS_REVIEW, Verdict.SATISFIED)) {
            int n = counts.getOrDefault(v, 0);
            if (n > 0) {
                parts.add(n + " " + v.word());
            }
        }
        return "of " + total + " " + what + ": " + String.join(", ", parts);
    }

    private static Reason fromModel(
            Verification.FromModel model,
            Subject subject,
            Map<SourceLocation, List<Finding>> findingsAt,
            FindingSet evidence,
            Set<String> gap,
            Shared shared) {
        List<Finding> against = new ArrayList<>();
        List<Finding> dismissed = new ArrayList<>();
        FindingSet concerning = new FindingSet();
        concerning.addAll(findingsAt.getOrDefault(subject.at(), List.of()));
        for (SourceLocation at : subject.concerns()) {
            concerning.addAll(findingsAt.getOrDefault(at, List.of()));
        }
        for (Finding f : concerning.inOrder()) {
            if (!model.rules().contains(f.rule())) {
                continue;
            }
            evidence.add(f); // a credential accepted by several subjects is evidence once
            if (countsAgainst(f)) {
                against.add(f);
            } else {
                dismissed.add(f);
            }
        }
        if (!against.isEmpty()) {
            Reason.Against reason = new Reason.Against(against);
            gap.addAll(reason.gap(subject));
            return reason;
        }
        if (subject.component().isPresent()) {
            List<String> unstated = model.facts().stream()
                    .filter(fact -> fact.unstated(subject.component().get()))
                    .map(Fact::word)
                    .sorted()
                    .toList();
            if (!unstated.isEmpty()) {
                Reason.Unstated reason = shared.unstated.computeIfAbsent(unstated, Reason.Unstated::new);
                gap.add(reason.forTheMeans());
                return reason;
            }
        }
        return dismissed.isEmpty() ? Reason.NoFinding.ONE : new Reason.Treated(dismissed);
    }

    /**
     * Findings in the order first added, each once, compared by identity: {@link #evaluate} makes
     * findings equal by value one object, so this holds what an insertion-ordered set of them would.
     */
    @SuppressWarnings("ReferenceEquality") // identity is the point: equal findings are one object here
    private static final class FindingSet {
        /** Up to this many, a scan of the list is cheaper than a table (most subjects have a few findings). */
        private static final int SCANNED = 8;

        private final List<Finding> order = new ArrayList<>();
        private Set<Finding> seen;

        void add(Finding f) {
            if (seen == null) {
                for (Finding g : order) {
                    if (g == f) {
                        return;
                    }
                }
                order.add(f);
                if (order.size() > SCANNED) {
                    seen = Collections.newSetFromMap(new IdentityHashMap<>());
                    seen.addAll(order);
                }
            } else if (seen.add(f)) {
                order.add(f);
            }
        }

        void addAll(List<Finding> findings) {
            findings.forEach(this::add);
        }

        List<Finding> inOrder() {
            return order;
        }
    }

    /**
     * A finding the model decided is mitigated, a false positive or not applicable no longer counts
     * against a requirement; one that is open, accepted or transferred does: accepting a risk is a
     * decision about the risk, not evidence that the requirement holds.
     */
    private static boolean countsAgainst(Finding f) {
        if (f.open()) {
            return true;
        }
        TreatmentStatus status = f.treatment().orElseThrow().status();
        return status == TreatmentStatus.ACCEPTED || status == TreatmentStatus.TRANSFERRED;
    }

    /**
     * What the evaluation of a landscape shares across its systems: one subject per element, and the
     * reasons that are the same for many elements, made once.
     */
    private static final class Shared {
        final Subjects subjects;
        /** By means: what a means verified by a control or a person says where none is declared. */
        final Map<Means, Unmet> unmet = new IdentityHashMap<>();
        /** By the facts left unstated: the reason is the same for every element lacking them. */
        final Map<List<String>, Reason.Unstated> unstated = new HashMap<>();

        Shared(FrozenGraph graph) {
            subjects = new Subjects(graph);
        }
    }

    /**
     * What the means of one system share: many means have the same condition (about twenty select
     * every component), so each condition selects the system's elements once.
     */
    private static final class SystemShared {
        final Shared shared;
        final Map<Condition, List<Subject>> subjects = new EnumMap<>(Condition.class);

        SystemShared(Shared shared) {
            this.shared = shared;
        }
    }

    /**
     * What a means verified by a control or a person says of every subject that lacks one: the same
     * for all its subjects in every system, so built once per means and shared (at 100,000
     * components hundreds of thousands of subjects carry it); and what it says of the subjects a
     * declared control covers, once per control.
     */
    private static final class Unmet {
        final String expected;
        final List<String> fix;
        /** {@link Reason.ToReview} or {@link Reason.NoControl}, whichever the means' verification makes. */
        final Reason reason;

        final Map<Control, Reason> byControl = new IdentityHashMap<>();

        Unmet(Means means) {
            boolean review = means.verify() instanceof Verification.ByPerson;
            expected = means.verify() instanceof Verification.FromControl fc
                    ? fc.evidence()
                    : ((Verification.ByPerson) means.verify()).lookAt();
            String declare = "Declare it on the system: controls: [{ requirement: " + means.id() + ", on: [...],"
                    + " evidence: ... }]";
            fix = List.of(
                    review
                            ? "Review: " + expected + " Then record the result as a control with its evidence. "
                                    + declare
                            : "Keep the evidence (" + expected + ") and declare the control. " + declare);
            reason = review
                    ? new Reason.ToReview("a person has to check: " + expected, fix)
                    : new Reason.NoControl(means.id(), fix);
        }

        /** Where the best control covering a subject leaves it: the same for every subject it covers. */
        Reason of(Control best) {
            return byControl.computeIfAbsent(best, c -> {
                if (c.status() != ControlStatus.IMPLEMENTED) {
                    return new Reason.Unfinished(c);
                }
                return c.evidence().isEmpty() ? new Reason.NoEvidence(c, expected) : new Reason.Implemented(c);
            });
        }
    }

    private static Reason fromControls(Unmet unmet, Subject subject, List<Control> controls, Set<String> gap) {
        Control best = null;
        for (Control c : controls) {
            if (covers(c, subject) && (best == null || rank(c) > rank(best))) {
                best = c;
            }
        }
        if (best == null) {
            gap.add(unmet.fix.get(0));
            return unmet.reason;
        }
        Reason reason = unmet.of(best);
        gap.addAll(reason.gap(subject));
        return reason;
    }

    private static int rank(Control c) {
        return switch (c.status()) {
            case IMPLEMENTED -> c.evidence().isPresent() ? 3 : 2;
            case PARTIAL -> 1;
            case PLANNED -> 0;
        };
    }

    /** A control covers the whole system when it names no elements, else the elements it names. */
    private static boolean covers(Control control, Subject subject) {
        if (control.appliesTo().isEmpty() || subject.kind().equals("system")) {
            return true;
        }
        for (Ref ref : control.appliesTo()) {
            if (ref.candidates().contains(subject.id())) {
                return true;
            }
        }
        return false;
    }

    /** Results keyed by requirement id, for the coverage and the conformance statement. */
    static Map<String, RequirementResult> byRequirement(SystemCompliance system) {
        Map<String, RequirementResult> out = new LinkedHashMap<>();
        system.requirements().forEach(r -> out.put(r.requirement().id(), r));
        return out;
    }
}
