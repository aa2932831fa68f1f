package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Flow;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Scales.Credentials;
import java.util.Arrays;

/**
 * The relations along which compromise travels (MODEL.md), compiled into int arrays: nodes are the
 * components, then one virtual node per zone, so that "anyone in the zone can reach a weak service
 * in it" costs one edge per member instead of one per pair. Each edge keeps its relation, the
 * flow, credential relation or zone it stands for, and the probability that an attacker holding
 * its source uses it; the words come later, from the frozen graph, only for the hops printed.
 */
public final class PropagationGraph {

    private static final Relation[] RELATIONS = Relation.values();
    private static final byte DATA_ORDINAL = (byte) Relation.DATA.ordinal();

    private final Words words;
    private final int components;
    private final int nodes;
    private final int systems;
    private final int[] systemOfNode;
    private final int edges;
    private final int[] from;
    private final int[] to;
    private final byte[] relation;
    private final int[] source;
    private final float[] probability;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;
    private final int[] outControlEnd;
    private final int[] inControlEnd;

    private PropagationGraph(Builder b) {
        this.words = b.words;
        this.components = b.components;
        this.nodes = b.components + b.zones;
        this.systems = b.systems;
        this.systemOfNode = Arrays.copyOf(b.systemOfComponent, nodes);
        Arrays.fill(systemOfNode, components, nodes, -1);
        this.edges = b.edges;
        // The builder's arrays are shared, not copied: the builder copies them before it changes them.
        this.from = b.from;
        this.to = b.to;
        this.relation = b.relation;
        this.source = b.source;
        this.probability = b.probability;
        this.outStart = new int[nodes + 1];
        this.inStart = new int[nodes + 1];
        this.outEdges = new int[edges];
        this.inEdges = new int[edges];
        this.outControlEnd = new int[nodes];
        this.inControlEnd = new int[nodes];
        index();
    }

    /** Compiles the relations of a frozen graph; linear in components, flows, credentials and zone members. */
    public static PropagationGraph of(FrozenGraph graph) {
        int[] systemOf = new int[graph.componentCount()];
        int members = 0;
        for (int c = 0; c < systemOf.length; c++) {
            systemOf[c] = graph.systemOf(c);
            members += graph.zoneOf(c) >= 0 ? 1 : 0;
        }
        Builder g = new Builder(systemOf, graph.systemCount(), graph.zoneCount(), new FrozenWords(graph));
        g.reserve(graph.flowCount() + graph.credentialCount() + 2 * members);
        for (int f = 0; f < graph.flowCount(); f++) {
            Flow flow = graph.flow(f);
            int a = graph.flowFrom(f);
            int b = graph.flowTo(f);
            // The receiver's authorization limits who may command it, and the sender is exactly who
            // may: an attacker holding the sender uses that legitimate channel, so every command flow
            // passes control, authorized or not.
            if (flow.commands()) {
                g.add(a, b, Relation.COMMAND, f, 0.9f);
            } else {
                g.add(a, b, Relation.DATA, f, 1f);
            }
        }
        for (int r = 0; r < graph.credentialCount(); r++) {
            CredentialRelation credential = graph.credential(r);
            for (int target : graph.credentialAccepters(r)) {
                g.add(graph.credentialHolder(r), target, Relation.CREDENTIAL, r, credential.mfa() ? 0.3f : 0.8f);
            }
        }
        for (int z = 0; z < graph.zoneCount(); z++) {
            int zoneNode = graph.componentCount() + z;
            for (int c : graph.zoneMembers(z)) {
                g.add(c, zoneNode, Relation.ZONE_MEMBER, z, 1f);
                // A known flaw is crossed whatever the login; else a weak login is.
                float weak = EntryPoints.controlExploit(graph.component(c)).isPresent()
                        ? 0.9f
                        : weakness(graph.component(c).credentials());
                if (weak > 0) {
                    g.add(zoneNode, c, Relation.LATERAL, z, weak);
                }
            }
        }
        return g.build();
    }

    /**
     * Relations added one by one, then frozen into arrays. The frozen graph fills one from a model;
     * benchmarks fill one directly, to measure a landscape too large to write as a model.
     */
    public static final class Builder {
        private final int components;
        private final int zones;
        private final int systems;
        private final int[] systemOfComponent;
        private final Words words;
        private int edges;
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private byte[] relation = new byte[1024];
        private int[] source = new int[1024];
        private float[] probability = new float[1024];
        private boolean shared;

        /**
         * @param systemOfComponent the system of each component (nodes 0..n-1); zone nodes follow them
         * @param words how nodes and edges read in paths
         */
        public Builder(int[] systemOfComponent, int systems, int zones, Words words) {
            this.components = systemOfComponent.length;
            this.zones = zones;
            this.systems = systems;
            this.systemOfComponent = systemOfComponent;
            this.words = words;
        }

        /** Makes room for {@code count} edges in all, so that a large graph is not copied while it grows. */
        public Builder reserve(int count) {
            if (count > from.length || shared) {
                resize(Math.max(count, from.length));
            }
            return this;
        }

        public Builder add(int a, int b, Relation kind, int src, float p) {
            if (shared) {
                resize(from.length);
            }
            if (edges == from.length) {
                resize(Math.max(1024, edges + (edges >> 1)));
            }
            from[edges] = a;
            to[edges] = b;
            relation[edges] = (byte) kind.ordinal();
            source[edges] = src;
            probability[edges] = p;
            edges++;
            return this;
        }

        private void resize(int n) {
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            relation = Arrays.copyOf(relation, n);
            source = Arrays.copyOf(source, n);
            probability = Arrays.copyOf(probability, n);
            shared = false;
        }

        public int edgeCount() {
            return edges;
        }

        /**
         * Freezes the relations added so far: indexes them by source and by target. The graph shares
         * the builder's arrays (trimmed first when much larger than needed); adding more afterwards
         * copies them, so the graph never changes.
         */
        public PropagationGraph build() {
            if (from.length - edges > edges / 4 + 1024) {
                resize(edges);
            }
            shared = true;
            return new PropagationGraph(this);
        }
    }

    /** How nodes and edges read in paths and plans. */
    public interface Words {
        String name(PropagationGraph graph, int node);

        String weakness(PropagationGraph graph, int edge);
    }

    /** Plain words for graphs built without a model: node numbers and relation names. */
    public static final Words NUMBERED = new Words() {
        @Override
        public String name(PropagationGraph graph, int node) {
            return graph.isZone(node) ? "zone " + (node - graph.componentCount()) : "component " + node;
        }

        @Override
        public String weakness(PropagationGraph graph, int edge) {
            return graph.relation(edge).name().toLowerCase(java.util.Locale.ROOT);
        }
    };

    /** How likely a neighbour in the zone gets in, by how the component's logins are set; 0 when it does not. */
    static float weakness(Credentials credentials) {
        return switch (credentials) {
            case NONE, DEFAULT_SHARED -> 0.9f;
            case FLEET_SHARED -> 0.6f;
            default -> 0f;
        };
    }

    /**
     * Indexes edges by source and by target with a counting sort. In each node's rows the control
     * edges come first, so that the analyses that follow control only (nearly all of them) never
     * look at a data edge.
     */
    private void index() {
        for (int e = 0; e < edges; e++) {
            outStart[from[e] + 1]++;
            inStart[to[e] + 1]++;
            if (passesControl(e)) {
                outControlEnd[from[e]]++;
                inControlEnd[to[e]]++;
            }
        }
        for (int n = 0; n < nodes; n++) {
            outStart[n + 1] += outStart[n];
            inStart[n + 1] += inStart[n];
            outControlEnd[n] += outStart[n];
            inControlEnd[n] += inStart[n];
        }
        int[] nextOut = Arrays.copyOf(outStart, nodes);
        int[] nextIn = Arrays.copyOf(inStart, nodes);
        int[] nextDataOut = Arrays.copyOf(outControlEnd, nodes);
        int[] nextDataIn = Arrays.copyOf(inControlEnd, nodes);
        for (int e = 0; e < edges; e++) {
            if (passesControl(e)) {
                outEdges[nextOut[from[e]]++] = e;
                inEdges[nextIn[to[e]]++] = e;
            } else {
                outEdges[nextDataOut[from[e]]++] = e;
                inEdges[nextDataIn[to[e]]++] = e;
            }
        }
    }

    public int systemCount() {
        return systems;
    }

    /** The system a component belongs to; -1 for a zone node, which may hold several systems' components. */
    public int systemOf(int node) {
        return systemOfNode[node];
    }

    /** Components and zone nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** Nodes below this are components; from it on, zones. */
    public int componentCount() {
        return components;
    }

    public boolean isZone(int node) {
        return node >= components;
    }

    public int edgeCount() {
        return edges;
    }

    public int from(int e) {
        return from[e];
    }

    public int to(int e) {
        return to[e];
    }

    public Relation relation(int e) {
        return RELATIONS[relation[e]];
    }

    /** Whether the edge passes control; the hot loops ask this without touching the enum. */
    public boolean passesControl(int e) {
        return relation[e] != DATA_ORDINAL;
    }

    /** The flow, credential relation or zone the edge stands for. */
    public int source(int e) {
        return source[e];
    }

    public float probability(int e) {
        return probability[e];
    }

    public int outStart(int node) {
        return outStart[node];
    }

    public int outEnd(int node) {
        return outStart[node + 1];
    }

    /** Where a node's outgoing control edges end and its data edges begin, in out-order. */
    public int outControlEnd(int node) {
        return outControlEnd[node];
    }

    /** The i-th edge in out-order (use with outStart/outEnd). */
    public int outEdge(int i) {
        return outEdges[i];
    }

    public int inStart(int node) {
        return inStart[node];
    }

    public int inEnd(int node) {
        return inStart[node + 1];
    }

    /** Where a node's incoming control edges end and its data edges begin, in in-order. */
    public int inControlEnd(int node) {
        return inControlEnd[node];
    }

    public int inEdge(int i) {
        return inEdges[i];
    }

    /** A node's name in paths: a component id, or "zone Z". */
    public String name(int node) {
        return words.name(this, node);
    }

    /** The weakness an edge stands for, in words. */
    public String weakness(int e) {
        return words.weakness(this, e);
    }

    /** Names and weaknesses read from the model the graph was compiled from. */
    private record FrozenWords(FrozenGraph graph) implements Words {
        @Override
        public String name(PropagationGraph g, int node) {
            return g.isZone(node)
                    ? "zone " + graph.zone(node - g.componentCount()).id()
                    : graph.component(node).id();
        }

        @Override
        public String weakness(PropagationGraph g, int e) {
            int target = g.to(e);
            return switch (g.relation(e)) {
                case COMMAND -> {
                    Flow flow = graph.flow(g.source(e));
                    yield "sends commands over " + flow.protocol() + " that " + name(g, target)
                            + (flow.authorization() == Authorization.NONE
                                    ? " does not authorize itself"
                                    : " accepts from it as an authorized sender");
                }
                case CREDENTIAL -> {
                    CredentialRelation c = graph.credential(g.source(e));
                    yield "holds a " + c.kind() + " that " + name(g, target) + " accepts"
                            + (c.mfa() ? ", behind MFA" : ", without MFA") + (c.shared() ? ", shared by many" : "");
                }
                case ZONE_MEMBER -> "sits in " + name(g, target) + " with nothing segmenting it from its neighbours";
                case LATERAL -> {
                    Component component = graph.component(target);
                    yield EntryPoints.controlExploit(component)
                            .map(x -> "reaches " + component.id() + ", whose service is exploitable (" + x.flaw()
                                    + "), from inside the zone")
                            .orElse("reaches " + component.id() + ", whose login is "
                                    + dev.mamori.model.Words.of(component.credentials()) + ", from inside the zone");
                }
                case DATA -> "feeds data over " + graph.flow(g.source(e)).protocol() + " into " + name(g, target);
            };
        }
    }

    /** Bytes held by the edge and index arrays, for the memory figure per relation. */
    public long footprintBytes() {
        long perEdge = 4L + 4 + 1 + 4 + 4 + 4 + 4;
        return perEdge * edges + 4L * 5 * (nodes + 1);
    }
}
