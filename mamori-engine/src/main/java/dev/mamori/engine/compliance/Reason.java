package dev.mamori.engine.compliance;

import dev.mamori.engine.risk.Finding;
import dev.mamori.model.Control;
import dev.mamori.model.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a means stands where it does on one element, kept as what was found (the findings, the
 * control, the facts the model leaves out) and not as the sentence: there is one per requirement's
 * means and element, two million at 100,000 components, and their sentences, built for each, did not
 * fit 12 GB at a million components. The sentence is put into words when a report asks for it, the
 * same words every time; a reason that is the same for every element of a means (no control
 * declared, a person to review) is one object for all of them.
 */
public sealed interface Reason {

    /** Where the element stands for this reason. */
    Verdict verdict();

    /** The reason in words, for {@code subject}. */
    String why(Subject subject);

    /** What would close the gap on {@code subject}: empty when it holds. */
    List<String> gap(Subject subject);

    /** Open (or accepted, or transferred) findings of the means' rules concern the element. */
    record Against(List<Finding> findings) implements Reason {
        public Against {
            findings = List.copyOf(findings);
        }

        @Override
        public Verdict verdict() {
            return Verdict.NOT_SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            StringBuilder why = new StringBuilder();
            for (Finding f : findings) {
                if (why.length() > 0) {
                    why.append("; ");
                }
                why.append(f.rule()).append(": ").append(f.explanation());
                f.treatment()
                        .ifPresent(t -> why.append(" [").append(t.describe()).append("]"));
            }
            return why.toString();
        }

        /** The first mitigation of each finding, each once, in the findings' order. */
        @Override
        public List<String> gap(Subject subject) {
            Set<String> fixes = new LinkedHashSet<>();
            for (Finding f : findings) {
                if (!f.mitigations().isEmpty()) {
                    fixes.add(f.mitigations().get(0));
                }
            }
            return List.copyOf(fixes);
        }
    }

    /**
     * The model does not state facts the rules need on the element.
     *
     * @param facts the facts' words, sorted
     */
    record Unstated(List<String> facts) implements Reason {
        public Unstated {
            facts = List.copyOf(facts);
        }

        @Override
        public Verdict verdict() {
            return Verdict.NEEDS_REVIEW;
        }

        @Override
        public String why(Subject subject) {
            return "the model does not state " + String.join(", ", facts) + " for " + subject.id()
                    + ", which the rules need to decide";
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of("State " + String.join(" and ", facts) + " for " + subject.id()
                    + " in the model, so that the rules can judge it.");
        }

        /** The means' gap, for every element marked so: one sentence whatever the element. */
        String forTheMeans() {
            return "State " + String.join(" and ", facts) + " in the model for each component marked"
                    + " needs-review, so that the rules can judge it.";
        }
    }

    /** No finding of the means' rules concerns the element. One object: it holds nothing. */
    record NoFinding() implements Reason {
        static final NoFinding ONE = new NoFinding();

        @Override
        public Verdict verdict() {
            return Verdict.SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            return "no finding of its rules on " + subject.id();
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of();
        }
    }

    /** The findings of the means' rules on the element were treated (mitigated, false positive, not applicable). */
    record Treated(List<Finding> findings) implements Reason {
        public Treated {
            findings = List.copyOf(findings);
        }

        @Override
        public Verdict verdict() {
            return Verdict.SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            List<String> parts = new ArrayList<>(findings.size());
            for (Finding f : findings) {
                parts.add(f.rule() + " " + f.treatment().map(t -> t.describe()).orElse(""));
            }
            return "findings of its rules on " + subject.id() + " were treated: " + String.join("; ", parts);
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of();
        }
    }

    /**
     * No control for the means (verified by a declared control) covers the element. One object per
     * means, shared by all its elements.
     *
     * @param fix what to do, the same for every element: keep the evidence and declare the control
     */
    record NoControl(String means, List<String> fix) implements Reason {
        public NoControl {
            fix = List.copyOf(fix);
        }

        @Override
        public Verdict verdict() {
            return Verdict.NOT_SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            return "no control " + means + " is declared for " + subject.id();
        }

        @Override
        public List<String> gap(Subject subject) {
            return fix;
        }
    }

    /**
     * A person has to look (a means verified by review) and no control records that they did. One
     * object per means, its sentences too: they do not name the element.
     */
    record ToReview(String why, List<String> fix) implements Reason {
        public ToReview {
            fix = List.copyOf(fix);
        }

        @Override
        public Verdict verdict() {
            return Verdict.NEEDS_REVIEW;
        }

        @Override
        public String why(Subject subject) {
            return why;
        }

        @Override
        public List<String> gap(Subject subject) {
            return fix;
        }
    }

    /** The best control covering the element is only planned or partial. */
    record Unfinished(Control control) implements Reason {
        @Override
        public Verdict verdict() {
            return Verdict.NOT_SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            return where(control) + " is only " + Words.of(control.status());
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of("Finish the " + Words.of(control.status()) + " control at " + control.at() + ".");
        }
    }

    /**
     * The best control covering the element is implemented but names no evidence.
     *
     * @param expected the evidence the means asks for
     */
    record NoEvidence(Control control, String expected) implements Reason {
        @Override
        public Verdict verdict() {
            return Verdict.NEEDS_REVIEW;
        }

        @Override
        public String why(Subject subject) {
            return where(control) + " is declared without evidence";
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of("Name the evidence of the control at " + control.at() + ": " + expected + ".");
        }
    }

    /** A control covering the element is implemented and names its evidence. */
    record Implemented(Control control) implements Reason {
        @Override
        public Verdict verdict() {
            return Verdict.SATISFIED;
        }

        @Override
        public String why(Subject subject) {
            return where(control) + " is implemented; evidence: "
                    + control.evidence().orElseThrow();
        }

        @Override
        public List<String> gap(Subject subject) {
            return List.of();
        }
    }

    private static String where(Control control) {
        return "control " + control.requirement() + " at " + control.at();
    }
}
