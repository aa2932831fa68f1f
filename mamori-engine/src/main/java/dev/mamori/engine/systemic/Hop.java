package dev.mamori.engine.systemic;

import java.util.List;

/**
 * One step of a path: from a node to the next, over a relation, using a weakness.
 *
 * @param probability the chance an attacker holding {@code from} takes this step
 * @param assumptions what the step rests on beyond the model's facts (an assumption of the landscape,
 *     with the value used); empty when it rests on stated facts only
 */
public record Hop(
        String from, String to, Relation relation, String weakness, double probability, List<String> assumptions) {

    public Hop {
        assumptions = List.copyOf(assumptions);
    }

    /** The weakness with what it rests on beyond the facts, as every report prints it. */
    public String described() {
        return assumptions.isEmpty() ? weakness : weakness + " [assumed: " + String.join("; ", assumptions) + "]";
    }
}
