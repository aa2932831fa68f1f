package dev.mamori.engine.compliance;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A specification requirement: one concrete way of the day to meet a performance requirement, with
 * when it applies and how it is verified (NISC 4.4).
 *
 * @param requirement the id of the performance requirement it serves
 * @param securityLevel the IEC 62443 target security level from which it applies, in profiles that
 *     grade zones by security level
 * @param crosswalk external items this means alone relates to, more precisely than its requirement
 */
public record Means(
        String id,
        String requirement,
        String title,
        String statement,
        Condition appliesTo,
        OptionalInt securityLevel,
        Verification verify,
        Optional<CatalogVersion> validFrom,
        Optional<String> supersededBy,
        List<Mapping> crosswalk,
        SourceLocation at) {

    public Means {
        crosswalk = List.copyOf(crosswalk);
    }
}
