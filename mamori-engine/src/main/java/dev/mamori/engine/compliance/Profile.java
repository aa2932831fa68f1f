package dev.mamori.engine.compliance;

import dev.mamori.model.diagnostics.SourceLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A requirement profile for a category or sector of systems (NISC 3 a), 4.1): which requirements
 * apply, and how strongly, in general and under each jurisdiction.
 *
 * @param base the obligation of each requirement wherever the system is
 * @param byJurisdiction what a jurisdiction adds: a requirement raised to statutory, say, under a
 *     regime that may differ from the jurisdiction's usual one
 * @param securityLevels whether means with a security level apply only to zones whose IEC 62443
 *     target security level reaches it
 */
public record Profile(
        String id,
        String title,
        String description,
        List<String> categories,
        List<String> sectors,
        boolean securityLevels,
        Map<String, Obligation> base,
        Map<String, JurisdictionRule> byJurisdiction,
        SourceLocation at) {

    public Profile {
        categories = List.copyOf(categories);
        sectors = List.copyOf(sectors);
        base = Map.copyOf(base);
        byJurisdiction = Map.copyOf(byJurisdiction);
    }

    /** What a profile asks for under one jurisdiction, and under which regime. */
    public record JurisdictionRule(
            String jurisdiction,
            Optional<String> regime,
            Optional<LocalDate> appliesFrom,
            Map<String, Obligation> obligations,
            SourceLocation at) {
        public JurisdictionRule {
            obligations = Map.copyOf(obligations);
        }
    }
}
