package dev.mamori.engine.compliance;

import dev.mamori.model.Component;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
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
 * @param concerns where else findings about this element are written: the risk rules put a finding
 *     on the element that shows the weakness (a command flow into an actuator, a hazard of a
 *     component, a component in a zone), while a means judges the element it is about, so a finding
 *     of the means' rules written at one of these places counts against the subject too
 */
public record Subject(
        String id,
        String kind,
        SourceLocation at,
        OptionalInt securityLevel,
        Optional<Component> component,
        List<SourceLocation> concerns) {

    public Subject {
        concerns = List.copyOf(concerns);
    }

    static Subject of(String id, String kind, SourceLocation at) {
        return new Subject(id, kind, at, OptionalInt.empty(), Optional.empty(), List.of());
    }
}
