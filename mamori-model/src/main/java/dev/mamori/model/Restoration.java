package dev.mamori.model;

import dev.mamori.model.Scales.Backup;
import dev.mamori.model.diagnostics.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a component is brought back after it fails or is taken over (NISC 3 e): swift restoration).
 *
 * @param time how long it takes to bring it back after it fails (repair, replace, restart)
 * @param spares how many replacements are kept on hand
 * @param swapTime how long swapping in a spare takes, when there is one
 * @param backup where its state and configuration are backed up
 * @param rebuildTime how long rebuilding it from scratch takes when no usable backup is left
 * @param after the components that must run again before it can be restored
 * @param by who restores it
 * @param fallback what people do by hand while it is down
 */
public record Restoration(
        Optional<Duration> time,
        int spares,
        Optional<Duration> swapTime,
        Backup backup,
        Optional<Duration> rebuildTime,
        List<Ref> after,
        Optional<Ref> by,
        Optional<String> fallback,
        SourceLocation at) {

    public Restoration {
        after = List.copyOf(after);
    }
}
