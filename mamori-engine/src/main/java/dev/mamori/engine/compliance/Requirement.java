package dev.mamori.engine.compliance;

import dev.mamori.engine.risk.Property;
import dev.mamori.model.Scales.Phase;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A performance requirement: what must hold, in our words, for which properties and in which
 * lifecycle phase, met by its means (NISC 4.4) and related to external standards by its crosswalk.
 *
 * @param anyMeans whether one applicable means suffices; otherwise every applicable means must hold
 */
public record Requirement(
        String id,
        String title,
        String statement,
        Set<Property> properties,
        Phase phase,
        Optional<CatalogVersion> validFrom,
        Optional<String> supersededBy,
        boolean anyMeans,
        List<Means> means,
        List<Mapping> crosswalk,
        SourceLocation at) {

    public Requirement {
        properties = Set.copyOf(properties);
        means = List.copyOf(means);
        crosswalk = List.copyOf(crosswalk);
    }
}
