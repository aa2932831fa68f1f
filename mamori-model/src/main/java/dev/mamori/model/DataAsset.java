package dev.mamori.model;

import dev.mamori.model.Scales.Classification;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Optional;

/**
 * Information the landscape processes or stores.
 *
 * @param id {@code system.asset}, or the bare id for a landscape-level asset
 * @param system the system that declares it, or null at landscape level
 * @param personal whether it is personal data (GDPR, APPI)
 */
public record DataAsset(
        String id,
        String system,
        String name,
        Optional<Ref> owner,
        Classification classification,
        boolean personal,
        Need confidentiality,
        Need integrity,
        Need availability,
        String description,
        SourceLocation at) {}
