package dev.mamori.model;

import dev.mamori.model.Scales.Phase;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who is responsible, accountable, consulted and informed for an element, per lifecycle phase (RACI). */
public record Responsibility(
        Ref element,
        Set<Phase> phases,
        Optional<Ref> responsible,
        Optional<Ref> accountable,
        List<Ref> consulted,
        List<Ref> informed,
        SourceLocation at) {

    public Responsibility {
        phases = Set.copyOf(phases);
        consulted = List.copyOf(consulted);
        informed = List.copyOf(informed);
    }
}
