package dev.mamori.model;

import dev.mamori.model.Scales.ControlStatus;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A specification requirement a system implements, with its evidence.
 *
 * @param appliesTo the elements it covers; empty means the whole system
 */
public record Control(
        String requirement,
        String system,
        List<Ref> appliesTo,
        ControlStatus status,
        Optional<String> evidence,
        String description,
        SourceLocation at) {

    public Control {
        appliesTo = List.copyOf(appliesTo);
    }
}
