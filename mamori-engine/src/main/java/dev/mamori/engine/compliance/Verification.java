package dev.mamori.engine.compliance;

import java.util.List;
import java.util.Set;

/** How a means is verified: from the model, from a declared control, or by a person. */
public sealed interface Verification {

    /** A word for the method: {@code model}, {@code control} or {@code review}. */
    String method();

    /**
     * Decided from the model: an open finding of one of {@code rules} on an element fails it; an
     * element whose {@code facts} are unstated needs review; otherwise it holds.
     */
    record FromModel(List<String> rules, Set<Fact> facts) implements Verification {
        public FromModel {
            rules = List.copyOf(rules);
            facts = Set.copyOf(facts);
        }

        @Override
        public String method() {
            return "model";
        }
    }

    /** Holds when the system declares the control as implemented and names {@code evidence}. */
    record FromControl(String evidence) implements Verification {
        @Override
        public String method() {
            return "control";
        }
    }

    /** A person has to look at {@code lookAt}; a declared control with evidence records that they did. */
    record ByPerson(String lookAt) implements Verification {
        @Override
        public String method() {
            return "review";
        }
    }
}
