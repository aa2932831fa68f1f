package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A service the landscape exists for.
 *
 * @param rto the recovery time objective: how soon the mission must run again after it stops
 * @param maxTolerableDowntime how long it may stop at all before harm is unacceptable
 * @param horizon until when the mission must be served (end-of-support dates are checked against it)
 */
public record Mission(
        String id,
        String name,
        Optional<Ref> owner,
        Needs needs,
        Optional<Duration> rto,
        Optional<Duration> maxTolerableDowntime,
        Optional<LocalDate> horizon,
        List<DegradedMode> degradedModes,
        String description,
        SourceLocation at) {

    public Mission {
        degradedModes = List.copyOf(degradedModes);
    }

    /**
     * A reduced way to keep the mission going.
     *
     * @param needs what the degraded mode still needs, when it needs anything modelled
     * @param tolerableFor how long the degraded mode is acceptable
     */
    public record DegradedMode(
            String id,
            String name,
            Optional<Needs> needs,
            Optional<Duration> tolerableFor,
            String description,
            SourceLocation at) {}
}
