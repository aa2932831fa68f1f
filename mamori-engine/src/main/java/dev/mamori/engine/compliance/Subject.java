package dev.mamori.engine.compliance;

import dev.mamori.model.Component;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An element a means is judged on: a component, flow, credential relation, zone, hazard, data
 * asset, mission, stakeholder or the system itself.
 *
 * @param id the qualified id, as findings name it
 * @param kind what it is ("component", "flow", …), as findings name it
 * @param securityLevel the IEC 62443 target security level of its zone, when it has one
 * @param component the component, for subjects that are one (to read its stated facts)
 */
public record Subject(
        String id, String kind, SourceLocation at, OptionalInt securityLevel, Optional<Component> component) {

    static Subject of(String id, String kind, SourceLocation at) {
        return new Subject(id, kind, at, OptionalInt.empty(), Optional.empty());
    }
}
