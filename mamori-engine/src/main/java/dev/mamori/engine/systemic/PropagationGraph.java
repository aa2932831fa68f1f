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

    private final FrozenGraph graph;
    private final int components;
    private final int nodes;
    private int edges;
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private byte[] relation = new byte[1024];
    private int[] source = new int[1024];
    private float[] probability = new float[1024];
    private int[] outStart;
    private int[] outEdges;
    private int[] inStart;
    private int[] inEdges;

    private PropagationGraph(FrozenGraph graph) {
        this.graph = graph;
        this.components = graph.componentCount();
        this.nodes = components + graph.zoneCount();
    }

    /** Compiles the relations of a frozen graph; linear in components, flows, credentials and zone members. */
    public static PropagationGraph of(FrozenGraph graph) {
        PropagationGraph g = new PropagationGraph(graph);
        for (int f = 0; f < graph.flowCount(); f++) {
            Flow flow = graph.flow(f);
            int a = graph.flowFrom(f);
            int b = graph.flowTo(f);
            if (flow.commands() && flow.authorization() == Authorization.NONE) {
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
            int zoneNode = g.components + z;
            for (int c : graph.zoneMembers(z)) {
                g.add(c, zoneNode, Relation.ZONE_MEMBER, z, 1f);
                float weak = weakness(graph.component(c).credentials());
                if (weak > 0) {
                    g.add(zoneNode, c, Relation.LATERAL, z, weak);
                }
            }
        }
        g.index();
        return g;
    }

    /** How likely a neighbour in the zone gets in, by how the component's logins are set; 0 when it does not. */
    static float weakness(Credentials credentials) {
        return switch (credentials) {
            case NONE, DEFAULT_SHARED -> 0.9f;
            case FLEET_SHARED -> 0.6f;
            default -> 0f;
        };
    }

    private void add(int a, int b, Relation kind, int src, float p) {
        if (edges == from.length) {
            int n = edges * 2;
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
            relation = Arrays.copyOf(relation, n);
            source = Arrays.copyOf(source, n);
            probability = Arrays.copyOf(probability, n);
        }
        from[edges] = a;
        to[edges] = b;
        relation[edges] = (byte) kind.ordinal();
        source[edges] = src;
        probability[edges] = p;
        edges++;
    }

    private void index() {
        outStart = new int[nodes + 1];
        inStart = new int[nodes + 1];
        for (int e = 0; e < edges; e++) {
            outStart[from[e] + 1]++;
            inStart[to[e] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            outStart[n + 1] += outStart[n];
            inStart[n + 1] += inStart[n];
        }
        outEdges = new int[edges];
        inEdges = new int[edges];
        int[] nextOut = Arrays.copyOf(outStart, nodes);
        int[] nextIn = Arrays.copyOf(inStart, nodes);
        for (int e = 0; e < edges; e++) {
            outEdges[nextOut[from[e]]++] = e;
            inEdges[nextIn[to[e]]++] = e;
        }
    }

    public FrozenGraph frozen() {
        return graph;
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
        return Relation.values()[relation[e]];
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

    public int inEdge(int i) {
        return inEdges[i];
    }

    /** A node's name in paths: a component id, or "zone Z". */
    public String name(int node) {
        return isZone(node)
                ? "zone " + graph.zone(node - components).id()
                : graph.component(node).id();
    }

    /** The weakness an edge stands for, in words. */
    public String weakness(int e) {
        FrozenGraph g = graph;
        return switch (relation(e)) {
            case COMMAND -> {
                Flow flow = g.flow(source[e]);
                yield "sends commands over " + flow.protocol() + " that " + name(to[e]) + " does not authorize itself";
            }
            case CREDENTIAL -> {
                CredentialRelation c = g.credential(source[e]);
                yield "holds a " + c.kind() + " that " + name(to[e]) + " accepts"
                        + (c.mfa() ? ", behind MFA" : ", without MFA") + (c.shared() ? ", shared by many" : "");
            }
            case ZONE_MEMBER -> "sits in " + name(to[e]) + " with nothing segmenting it from its neighbours";
            case LATERAL -> {
                Component target = g.component(to[e]);
                yield "reaches " + target.id() + ", whose login is " + dev.mamori.model.Words.of(target.credentials())
                        + ", from inside the zone";
            }
            case DATA -> "feeds data over " + g.flow(source[e]).protocol() + " into " + name(to[e]);
        };
    }

    /** Bytes held by the edge and index arrays, for the memory figure per relation. */
    public long footprintBytes() {
        long perEdge = 4L + 4 + 1 + 4 + 4 + 4 + 4;
        return perEdge * edges + 8L * (nodes + 1);
    }
}
