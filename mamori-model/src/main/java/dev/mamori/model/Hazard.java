package dev.mamori.model;

import dev.mamori.model.Scales.HazardSeverity;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Optional;

/**
 * Physical harm that follows if a component acts wrongly.
 *
 * @param id the qualified id, {@code system.component.hazard}
 * @param interlock the independent safeguard (mechanical, hard-wired, a separate safety system)
 *     that prevents the harm whatever the component is told, if there is one
 */
public record Hazard(
        String id,
        String name,
        HazardSeverity severity,
        Optional<String> interlock,
        String description,
        SourceLocation at) {}
