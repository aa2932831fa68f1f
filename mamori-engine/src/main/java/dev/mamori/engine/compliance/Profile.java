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

    /**
     * What a profile asks for under one jurisdiction, and under which regime.
     *
     * @param appliesUntil the last day the regime applies, where another replaces it
     * @param regimes the jurisdiction's further regimes, each with its own dates, by id
     */
    public record JurisdictionRule(
            String jurisdiction,
            Optional<String> regime,
            Optional<LocalDate> appliesFrom,
            Optional<LocalDate> appliesUntil,
            Map<String, Obligation> obligations,
            Map<String, RegimeRule> regimes,
            SourceLocation at) {
        public JurisdictionRule {
            obligations = Map.copyOf(obligations);
            regimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(regimes));
        }
    }

    /**
     * A further regime of a jurisdiction with its own dates: the EU's RED delegated regulation, the
     * CRA's reporting obligations and its Annex I bind from different days.
     *
     * @param appliesTo the systems it binds, as a condition that must select something in the system
     *     (the RED binds radio equipment only); empty for every system of the profile
     */
    public record RegimeRule(
            String id,
            String regime,
            Optional<LocalDate> appliesFrom,
            Optional<LocalDate> appliesUntil,
            Map<String, Obligation> obligations,
            Optional<Condition> appliesTo,
            SourceLocation at) {
        public RegimeRule {
            obligations = Map.copyOf(obligations);
        }

        /** Whether it binds on {@code day}: from its first day to its last, both included. */
        public boolean inForce(LocalDate day) {
            return appliesFrom.map(d -> !d.isAfter(day)).orElse(true)
                    && appliesUntil.map(d -> !day.isAfter(d)).orElse(true);
        }
    }
}
