package dev.mamori.engine.compliance;

import dev.mamori.engine.graph.FrozenGraph;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@link Subject} per element of a landscape, whichever condition selects it and whichever
 * system asks: about twenty means select every component, and a subject built for each condition
 * (each with its own list of where findings about it are written) made several per component, held
 * by the results for as long as the assessment.
 */
final class Subjects {

    private final FrozenGraph graph;
    private final Subject[] components;
    private final Subject[] flows;
    private final Subject[] credentials;
    /** A component's hazards, by the component's number, made when first asked for. */
    private final Subject[][] hazards;
    /**
     * Systems, zones, data assets, missions and stakeholders, keyed by the model's element: there are
     * few of them, and the same object is the same element (equal ones elsewhere are merely not shared).
     */
    private final Map<Object, Subject> others = new IdentityHashMap<>();

    Subjects(FrozenGraph graph) {
        this.graph = graph;
        this.components = new Subject[graph.componentCount()];
        this.flows = new Subject[graph.flowCount()];
        this.credentials = new Subject[graph.credentialCount()];
        this.hazards = new Subject[graph.componentCount()][];
    }

    // Each is made the first time it is asked for and kept in its slot.

    Subject component(int c) {
        Subject s = components[c];
        return s != null ? s : (components[c] = Condition.component(graph, c));
    }

    Subject flow(int f) {
        Subject s = flows[f];
        return s != null ? s : (flows[f] = Condition.flow(graph, f));
    }

    Subject credential(int r) {
        Subject s = credentials[r];
        return s != null
                ? s
                : (credentials[r] = Subject.of(
                        graph.credential(r).id(),
                        "credential relation",
                        graph.credential(r).at()));
    }

    /** Hazard {@code i} of component {@code c}: judged at the security level of the component's zone. */
    Subject hazard(int c, int i) {
        if (hazards[c] == null) {
            hazards[c] = new Subject[graph.component(c).hazards().size()];
        }
        Subject s = hazards[c][i];
        return s != null
                ? s
                : (hazards[c][i] = Condition.hazard(graph, c, i, component(c).securityLevel()));
    }

    /** The subject of {@code element}, made by {@code make} the first time it is asked for. */
    <T> Subject of(T element, Function<T, Subject> make) {
        Subject s = others.get(element);
        if (s == null) {
            s = make.apply(element);
            others.put(element, s);
        }
        return s;
    }
}
