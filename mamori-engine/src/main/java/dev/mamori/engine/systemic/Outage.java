package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.Arrays;

/**
 * What is down after the given components fail, by the rules of {@link Cascade}, with the
 * component whose loss took each one down.
 */
public final class Outage {

    private final boolean[] down;
    private final int[] cause;

    private Outage(int components) {
        down = new boolean[components];
        cause = new int[components];
        Arrays.fill(cause, -1);
    }

    public static Outage of(FrozenGraph graph, int[] failed) {
        return of(Cascade.of(graph), failed);
    }

    public static Outage of(Cascade cascade, int[] failed) {
        Outage outage = new Outage(cascade.componentCount());
        for (int c : cascade.run(failed, outage.cause)) {
            outage.down[c] = true;
        }
        return outage;
    }

    public boolean down(int component) {
        return down[component];
    }

    /** The component whose loss took this one down, or -1 for a component that failed itself or is up. */
    public int downBecauseOf(int component) {
        return cause[component];
    }

    public int downCount() {
        int n = 0;
        for (boolean d : down) {
            n += d ? 1 : 0;
        }
        return n;
    }
}
