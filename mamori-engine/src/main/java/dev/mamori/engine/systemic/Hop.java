package dev.mamori.engine.systemic;

/**
 * One step of a path: from a node to the next, over a relation, using a weakness.
 *
 * @param probability the chance an attacker holding {@code from} takes this step
 */
public record Hop(String from, String to, Relation relation, String weakness, double probability) {}
