package dev.mamori.engine.graph;

import dev.mamori.model.Component;
import dev.mamori.model.Needs;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A needs expression compiled into a threshold circuit over component numbers: {@code all} is "n
 * of n", {@code any} "1 of n", {@code at-least k} "k of n". Gates are stored children first, so one
 * pass in order evaluates the whole expression.
 */
public final class NeedsCircuit {

    private static final int LEAF = -1;

    private final int[] threshold; // LEAF for a component
    private final int[] component;
    private final int[] childStart;
    private final int[] children;
    private final int[] leaves;

    private NeedsCircuit(List<int[]> gates, List<Integer> childList) {
        int n = gates.size();
        threshold = new int[n];
        component = new int[n];
        childStart = new int[n + 1];
        for (int g = 0; g < n; g++) {
            threshold[g] = gates.get(g)[0];
            component[g] = gates.get(g)[1];
            childStart[g + 1] = gates.get(g)[2];
        }
        children = childList.stream().mapToInt(Integer::intValue).toArray();
        leaves = Arrays.stream(component).filter(c -> c >= 0).distinct().toArray();
    }

    /** Compiles a needs expression; references that do not resolve to a component are left out. */
    public static NeedsCircuit of(FrozenGraph graph, Needs needs) {
        List<int[]> gates = new ArrayList<>();
        List<Integer> childList = new ArrayList<>();
        compile(graph, needs, gates, childList);
        return new NeedsCircuit(gates, childList);
    }

    /**
     * The expression as written, for a reader: "all of: a, b, at least 2 of (c, d, e)". Printing
     * only its components ("needs a, b, c, d, e") would hide {@code any} and {@code at-least} and
     * make a reader think every one is required.
     */
    public static String describe(FrozenGraph graph, Needs needs) {
        if (needs instanceof Needs.One) {
            return describePart(graph, needs);
        }
        return label(needs) + ": "
                + String.join(
                        ", ",
                        needs.parts().stream().map(p -> describePart(graph, p)).toList());
    }

    private static String describePart(FrozenGraph graph, Needs needs) {
        if (needs instanceof Needs.One one) {
            return graph.elements()
                    .find(one.component(), Kind.COMPONENT, Component.class)
                    .map(Component::id)
                    .or(() -> graph.elements()
                            .find(one.component(), Kind.FLOW, dev.mamori.model.Flow.class)
                            .map(f -> "flow " + f.id()))
                    .orElse(one.component().text());
        }
        return label(needs) + " ("
                + String.join(
                        ", ",
                        needs.parts().stream().map(p -> describePart(graph, p)).toList()) + ")";
    }

    private static String label(Needs needs) {
        if (needs instanceof Needs.AtLeast atLeast) {
            return "at least " + atLeast.k() + " of";
        }
        return needs instanceof Needs.Any ? "any of" : "all of";
    }

    /** Appends the gates of {@code needs} after its parts' and returns its number, or -1 when it names nothing. */
    private static int compile(FrozenGraph graph, Needs needs, List<int[]> gates, List<Integer> childList) {
        if (needs instanceof Needs.One one) {
            int[] components = graph.needed(one.component());
            if (components.length == 0) {
                return -1;
            }
            for (int c : components) {
                gates.add(new int[] {LEAF, c, childList.size()});
            }
            if (components.length == 1) {
                return gates.size() - 1;
            }
            // a flow: all of its sender, receiver and networks
            for (int i = components.length; i > 0; i--) {
                childList.add(gates.size() - i);
            }
            gates.add(new int[] {components.length, -1, childList.size()});
            return gates.size() - 1;
        }
        List<Integer> mine = new ArrayList<>();
        for (Needs part : needs.parts()) {
            int g = compile(graph, part, gates, childList);
            if (g >= 0) {
                mine.add(g);
            }
        }
        int k = needs instanceof Needs.All
                ? mine.size()
                : needs instanceof Needs.Any ? 1 : Math.min(((Needs.AtLeast) needs).k(), mine.size());
        childList.addAll(mine);
        gates.add(new int[] {k, -1, childList.size()});
        return gates.size() - 1;
    }

    /** The components the expression names, each once. */
    public int[] leaves() {
        return leaves.clone();
    }

    /** Whether the expression holds when the components {@code down} accepts are unavailable. */
    public boolean holds(IntPredicate down) {
        if (threshold.length == 0) {
            return true;
        }
        boolean[] value = new boolean[threshold.length];
        for (int g = 0; g < threshold.length; g++) {
            if (threshold[g] == LEAF) {
                value[g] = !down.test(component[g]);
            } else {
                int met = 0;
                for (int i = childStart[g]; i < childStart[g + 1]; i++) {
                    met += value[children[i]] ? 1 : 0;
                }
                value[g] = met >= threshold[g];
            }
        }
        return value[threshold.length - 1];
    }

    /**
     * When the expression holds again, given when each component is back ({@code Long.MAX_VALUE}
     * for never): "all" waits for the last part, "any" for the first, "at least k" for the k-th.
     */
    public long backAt(long[] componentBackAt) {
        if (threshold.length == 0) {
            return 0;
        }
        long[] value = new long[threshold.length];
        for (int g = 0; g < threshold.length; g++) {
            if (threshold[g] == LEAF) {
                value[g] = componentBackAt[component[g]];
            } else if (threshold[g] == 0) {
                value[g] = 0;
            } else {
                long[] parts = new long[childStart[g + 1] - childStart[g]];
                for (int i = childStart[g]; i < childStart[g + 1]; i++) {
                    parts[i - childStart[g]] = value[children[i]];
                }
                Arrays.sort(parts);
                value[g] = parts[threshold[g] - 1];
            }
        }
        return value[threshold.length - 1];
    }
}
