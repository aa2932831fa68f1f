/**
 * Enforcement generated from the model: firewall rulesets that allow the flows the model lists
 * and drop the rest, each rule traceable to the line of the model that asked for it.
 */
package dev.mamori.enforce;
