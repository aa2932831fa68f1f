package dev.mamori.engine.compliance;

import dev.mamori.engine.risk.Finding;
import dev.mamori.model.Control;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which requirements hold for each system of a landscape, against the profile each system selects
 * and the jurisdictions the landscape names, with the evidence and the gap for each (NISC 4.1, 4.7).
 *
 * @param jurisdictions the jurisdictions judged under, as the landscape names them
 */
public record ComplianceResult(Catalog catalog, List<String> jurisdictions, List<SystemCompliance> systems) {

    public ComplianceResult {
        jurisdictions = List.copyOf(jurisdictions);
        systems = List.copyOf(systems);
    }

    /** One system against its profile. */
    public record SystemCompliance(
            String system,
            String systemName,
            SourceLocation at,
            Profile profile,
            String profileWhy,
            List<RequirementResult> requirements,
            List<Upcoming> upcoming) {

        public SystemCompliance {
            requirements = List.copyOf(requirements);
            upcoming = List.copyOf(upcoming);
        }

        /** How many requirements stand at each verdict, every verdict present. */
        public Map<Verdict, Integer> counts() {
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
            }
            requirements.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
            return counts;
        }
    }

    /**
     * An obligation that binds the system within the next twelve months from the assessment date,
     * and does not yet: a regime that is not in force yet.
     */
    public record Upcoming(
            String requirement, Obligation obligation, String jurisdiction, String regime, LocalDate from) {}

    /**
     * One requirement for one system.
     *
     * @param obligationWhy where the obligation class comes from ("statutory in uk: UK PSTI …")
     */
    public record RequirementResult(
            Requirement requirement,
            Obligation obligation,
            String obligationWhy,
            Verdict verdict,
            String why,
            List<MeansResult> means) {

        public RequirementResult {
            means = List.copyOf(means);
        }
    }

    /**
     * One means for one system: its verdict over the elements it applies to, the evidence (findings
     * of its rules, controls declared for it) and what would close the gap.
     */
    public record MeansResult(
            Means means,
            Verdict verdict,
            String why,
            List<SubjectResult> subjects,
            List<Finding> findings,
            List<Control> controls,
            List<String> gap) {

        public MeansResult {
            // the evaluator's results are kept as it made them (unmodifiable, and compact: see
            // SubjectResults); any other list is copied
            subjects = subjects instanceof SubjectResults ? subjects : List.copyOf(subjects);
            findings = List.copyOf(findings);
            controls = List.copyOf(controls);
            gap = List.copyOf(gap);
        }
    }

    /**
     * One element a means applies to, and where it stands: the element and what was found on it,
     * put into words only when asked ({@link #why()}, {@link #gap()}): there is one per means and
     * element of each system, millions in a large landscape, and a sentence kept for each did not fit
     * in memory.
     */
    public record SubjectResult(Subject subject, Reason reason) {

        public Verdict verdict() {
            return reason.verdict();
        }

        /** Why the element stands where it does, in words. */
        public String why() {
            return reason.why(subject);
        }

        /**
         * What would close the gap on this element (empty when it holds); the means' gap is the
         * union over its elements, kept per element too so that a plan of action can name one fix
         * per element.
         */
        public List<String> gap() {
            return reason.gap(subject);
        }
    }
}
