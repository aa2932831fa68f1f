package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;

/**
 * What the landscape assumes where its facts are silent. Every path hop that rests on an assumption
 * says so, with the value used.
 *
 * @param unknownLoginWeak the chance, in percent, that a login whose setting is {@code unknown} is weak
 *     enough for a neighbour in its zone to get in
 * @param harvest the chance, in percent, that an account's secret is taken from a host the attacker
 *     holds and the account logs in to or is used from
 * @param planCosts what the landscape says each kind of isolation change costs it, where it differs
 *     from {@link PlanChange#defaultCost}
 */
public record Assumptions(
        int unknownLoginWeak, int harvest, java.util.Map<PlanChange, Integer> planCosts, SourceLocation at) {

    public Assumptions {
        planCosts = java.util.Map.copyOf(planCosts);
    }

    /** What a change of this kind costs in this landscape. */
    public int cost(PlanChange change) {
        return planCosts.getOrDefault(change, change.defaultCost());
    }

    public static final int DEFAULT_UNKNOWN_LOGIN_WEAK = 20;
    public static final int DEFAULT_HARVEST = 50;

    public static Assumptions defaults(SourceLocation at) {
        return new Assumptions(DEFAULT_UNKNOWN_LOGIN_WEAK, DEFAULT_HARVEST, java.util.Map.of(), at);
    }
}
