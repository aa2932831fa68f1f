package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.function.Supplier;

/**
 * Where each data asset is got at on a component: where it is stored, at either end of a flow
 * carrying it, and on a network a flow carrying it crosses in clear. The one place for the rule,
 * walked by the list of data read and by the plan that keeps an asset in.
 */
final class WhereRead {

    private WhereRead() {}

    /** What is told of each place, in the model's order: components' stores, then flows. */
    interface Places {
        /** Asset {@code d} is got at on component {@code c}; the words are built only when asked. */
        void at(int d, int c, Supplier<String> how);

        /** Asset {@code d} travels over the air in flow {@code f}, after its places on components. */
        default void overTheAir(int d, int f) {}
    }

    /**
     * @param protectedFlow flows taken as protected end to end (a plan's change): their networks
     *     no longer read them, nor does anyone nearby hear them
     */
    static void walk(FrozenGraph frozen, boolean[] protectedFlow, Places places) {
        for (int i = 0; i < frozen.componentCount(); i++) {
            int c = i; // named by the words, which are built only when asked
            for (int d : frozen.storedData(c)) {
                places.at(d, c, () -> "stored on " + frozen.component(c).id());
            }
        }
        for (int i = 0; i < frozen.flowCount(); i++) {
            int f = i;
            boolean inClear = PropagationGraph.inClear(frozen, frozen.flow(f)) && !protectedFlow[f];
            boolean overTheAir = PropagationGraph.heardOverTheAir(frozen, frozen.flow(f)) && !protectedFlow[f];
            for (int d : frozen.dataOf(f)) {
                for (int end : new int[] {frozen.flowFrom(f), frozen.flowTo(f)}) {
                    places.at(
                            d,
                            end,
                            () -> "in " + frozen.flowName(f) + ", at "
                                    + frozen.component(end).id());
                }
                for (int n : inClear ? frozen.networksOf(f) : new int[0]) {
                    places.at(
                            d,
                            n,
                            () -> "in " + frozen.flowName(f) + ", in clear over "
                                    + frozen.component(n).id());
                }
                if (overTheAir) {
                    places.overTheAir(d, f);
                }
            }
        }
    }
}
