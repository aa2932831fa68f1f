/**
 * The analyses over a validated landscape: the frozen graph, risk rules, systemic propagation,
 * missions and compliance. Analyses take the model and each other's results as arguments; they
 * never read files or print. The first analyses arrive with the risk-assessment work.
 */
package dev.mamori.engine;
