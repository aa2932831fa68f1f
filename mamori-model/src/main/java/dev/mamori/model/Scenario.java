package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/**
 * A named disruption to rehearse: components or whole systems that fail, components or systems an
 * attacker takes over, and everything tagged with a word (a site, a region, a power feed) failing
 * together.
 *
 * @param fails components or systems that stop working
 * @param compromised components or systems an attacker holds; control spreads from them
 * @param failsTagged tags whose components all fail
 * @param shutDown components or systems people stop as a precaution: down, but not held by anyone
 * @param decidedBy the stakeholder who decides the shutdown, and when to restart
 */
public record Scenario(
        String id,
        String name,
        List<Ref> fails,
        List<Ref> compromised,
        List<String> failsTagged,
        List<Ref> shutDown,
        java.util.Optional<Ref> decidedBy,
        String description,
        SourceLocation at) {

    public Scenario {
        fails = List.copyOf(fails);
        compromised = List.copyOf(compromised);
        failsTagged = List.copyOf(failsTagged);
        shutDown = List.copyOf(shutDown);
    }
}
