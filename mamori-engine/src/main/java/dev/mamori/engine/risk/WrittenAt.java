package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each flow and each credential relation is written, so that a finding finds its element by
 * its location in constant time (flows without an id have no other name); built once per graph. A
 * scan of every flow for each flow finding was quadratic in the model and held a million-component
 * rule pass for most of an hour.
 */
record WrittenAt(Map<SourceLocation, Integer> flows, Map<SourceLocation, Integer> credentials) {

    static WrittenAt of(FrozenGraph graph) {
        Map<SourceLocation, Integer> flows = new HashMap<>(graph.flowCount() * 2);
        for (int f = 0; f < graph.flowCount(); f++) {
            flows.putIfAbsent(graph.flow(f).at(), f); // the first written there, as the scan found it
        }
        Map<SourceLocation, Integer> credentials = new HashMap<>(graph.credentialCount() * 2);
        for (int r = 0; r < graph.credentialCount(); r++) {
            credentials.putIfAbsent(graph.credential(r).at(), r);
        }
        return new WrittenAt(flows, credentials);
    }

    /** The flow written at {@code at}, or -1. */
    static int flow(FrozenGraph graph, SourceLocation at) {
        return graph.derived(WrittenAt.class, WrittenAt::of).flows().getOrDefault(at, -1);
    }

    /** The credential relation written at {@code at}, or -1. */
    static int credential(FrozenGraph graph, SourceLocation at) {
        return graph.derived(WrittenAt.class, WrittenAt::of).credentials().getOrDefault(at, -1);
    }
}
