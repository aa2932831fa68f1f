package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Account;
import dev.mamori.model.Assumptions;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Flow;
import dev.mamori.model.Scales;
import dev.mamori.model.Scales.AccountState;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Scales.Credentials;
import java.util.Arrays;
import java.util.List;

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
    private final int zones;
    private final int nodes;
    private final int outsiders;
    private final int[] accountOfNode;
    private final int[] positionOfNode;
    private final int systems;
    private final int[] systemOfNode;
    private final int edges;
    private final int[] from;
    private final int[] to;
    private final byte[] relation;
    private final int[] source;
    private final float[] probability;
    private final java.util.BitSet assumed;
    private final java.util.BitSet alleged;
    private final int[] outStart;
    private final int[] outEdges;
    private final int[] inStart;
    private final int[] inEdges;
    private final int[] outControlEnd;
    private final int[] inControlEnd;

    private PropagationGraph(Builder b) {
        this.words = b.words;
        this.components = b.components;
        this.zones = b.zones;
        this.nodes = b.components + b.zones + b.accountNodes + (b.outsiders ? 1 : 0);
        this.outsiders = b.outsiders ? nodes - 1 : -1;
        this.accountOfNode = Arrays.copyOf(b.accountOfNode, b.accountNodes);
        this.positionOfNode = Arrays.copyOf(b.positionOfNode, b.accountNodes);
        this.systems = b.systems;
        this.systemOfNode = Arrays.copyOf(b.systemOfComponent, nodes);
        Arrays.fill(systemOfNode, components, components + zones, -1);
        System.arraycopy(b.systemOfAccountNode, 0, systemOfNode, components + zones, b.accountNodes);
        if (outsiders >= 0) {
            systemOfNode[outsiders] = -1;
        }
        this.edges = b.edges;
        // The builder's arrays are shared, not copied: the builder copies them before it changes them.
        this.from = b.from;
        this.to = b.to;
        this.relation = b.relation;
        this.source = b.source;
        this.probability = b.probability;
        this.assumed = (java.util.BitSet) b.assumed.clone();
        this.alleged = (java.util.BitSet) b.alleged.clone();
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
                if (forgeableOnItsPath(graph, flow)) {
                    for (int n : graph.networksOf(f)) {
                        if (n != a && n != b) {
                            g.add(n, b, Relation.INTERCEPT, f, 0.9f);
                        }
                    }
                }
            } else {
                g.add(a, b, Relation.DATA, f, 1f);
            }
        }
        // A vendor's update service taken over ships its code to every component that installs
        // from it: at once where updates install themselves, with a person's help where they are
        // installed by hand or nobody said how.
        for (int c = 0; c < graph.componentCount(); c++) {
            Component component = graph.component(c);
            if (component.updatesFrom().isEmpty() || component.update() == Scales.UpdatePath.NONE) {
                continue;
            }
            int source = graph.componentOf(component.updatesFrom().get()).orElseThrow();
            g.add(source, c, Relation.UPDATE, c, updateChance(component.update()));
        }
        Routes routes = new Routes(graph);
        for (int r = 0; r < graph.credentialCount(); r++) {
            CredentialRelation credential = graph.credential(r);
            int holder = graph.credentialHolder(r);
            for (int target : graph.credentialAccepters(r)) {
                // A secret is used from where it is held: without a network route from there to
                // the login it opens, holding it opens nothing.
                if (routes.reaches(routes.position(holder), target)) {
                    g.add(holder, target, Relation.CREDENTIAL, r, credential.mfa() ? 0.3f : 0.8f);
                }
            }
        }
        List<Integer> leakedAccounts = accounts(graph, g, routes);
        int outsiders = g.addOutsiders();
        for (int c = 0; c < graph.componentCount(); c++) {
            int component = c;
            EntryPoints.of(graph, c)
                    .ifPresent(x -> g.add(outsiders, component, Relation.EXPOSURE, component, (float) x.probability()));
        }
        for (int node : leakedAccounts) {
            EntryPoints.leaked(graph.account(g.accountOf(node)))
                    .ifPresent(x -> g.add(outsiders, node, Relation.EXPOSURE, -1, (float) x.probability()));
        }
        // A radio link is heard by anyone within range, who holds nothing of the landscape: a command
        // flow whose air is readable and whose commands are not bound to the sender's key is forged
        // from nearby (0.5 to be near, as for a radio exposure; 0.9 to forge, as on a held network).
        for (int f = 0; f < graph.flowCount(); f++) {
            Flow flow = graph.flow(f);
            if (flow.commands() && heardOverTheAir(graph, flow) && forgeable(graph, flow)) {
                g.add(outsiders, graph.flowTo(f), Relation.INTERCEPT, f, (float) (NEARBY * 0.9));
            }
        }
        for (int z = 0; z < graph.zoneCount(); z++) {
            int zoneNode = graph.componentCount() + z;
            for (int c : graph.zoneMembers(z)) {
                g.add(c, zoneNode, Relation.ZONE_MEMBER, z, 1f);
                Credentials login = graph.component(c).credentials();
                float weak = crossedFromItsZone(graph, graph.component(c));
                if (weak > 0) {
                    g.add(zoneNode, c, Relation.LATERAL, z, weak);
                    if (login == Credentials.UNKNOWN
                            && EntryPoints.controlExploit(graph.component(c)).isEmpty()) {
                        g.assumeLast();
                    }
                }
            }
        }
        // Relations that rest on a fact the model marks as assumed, alleged or unknown-method are
        // marked too: paths say so, and what is claimed as a consequence does not follow them.
        for (int e = 0; e < (graph.landscape().marks().isEmpty() ? 0 : g.edgeCount()); e++) {
            java.util.Optional<dev.mamori.model.Mark> mark =
                    markedElement(graph, g, e).flatMap(graph::markOn);
            if (mark.isPresent()) {
                g.assume(e);
                if (mark.get().certainty() == dev.mamori.model.Scales.Certainty.ALLEGED) {
                    g.alleged.set(e);
                }
            }
        }
        return g.build();
    }

    /**
     * Whether a command flow can be read and forged by whoever holds a network component it travels
     * over: it is not encrypted end to end (a carrier's or a radio's own encryption ends inside the
     * network) and its authentication is not strong (a password seen in clear is replayed; a message
     * code or a certificate binds each command to the sender's key, which the path does not hold).
     */
    static boolean forgeableOnItsPath(FrozenGraph graph, Flow flow) {
        return inClear(graph, flow) && forgeable(graph, flow);
    }

    /** Whether a flow travels unencrypted end to end, so that whatever carries it reads it. */
    static boolean inClear(FrozenGraph graph, Flow flow) {
        return graph.landscape().vocabulary().encryptionStrength(flow.encryption())
                == dev.mamori.model.vocabulary.Vocabulary.Strength.NONE;
    }

    /**
     * The chance that a foothold in a component's zone takes it: a known flaw is crossed whatever the
     * login; else a weak login is, and a login nobody has described is weak with the chance the
     * landscape assumes. 0 when the foothold does not take it.
     */
    static float crossedFromItsZone(FrozenGraph graph, Component component) {
        Credentials login = component.credentials();
        return EntryPoints.controlExploit(component).isPresent()
                ? 0.9f
                : login == Credentials.UNKNOWN
                        ? graph.landscape().assumptions().unknownLoginWeak() / 100f
                        : weakness(login);
    }

    /** Whether whoever reads a flow can also send its commands: its authentication is not strong. */
    static boolean forgeable(FrozenGraph graph, Flow flow) {
        return graph.landscape().vocabulary().authenticationStrength(flow.authentication())
                != dev.mamori.model.vocabulary.Vocabulary.Strength.STRONG;
    }

    /** How a flow heard over the air is protected there, in words. */
    static String onTheAir(Flow flow) {
        return flow.encryption().equals("none")
                ? "in clear"
                : "encrypted with " + flow.encryption() + ", whose key is known or sniffed";
    }

    /** The chance that an outsider is within radio range of a link: that of a radio exposure. */
    static final double NEARBY = 0.5;

    /**
     * Whether anyone within radio range reads a flow: it goes over the air (its protocol's transport
     * is radio) with no encryption there, or one whose key is well known or sniffed as it is agreed
     * (a weak one, such as Zigbee's default link key or BLE legacy pairing).
     */
    static boolean heardOverTheAir(FrozenGraph graph, Flow flow) {
        var vocabulary = graph.landscape().vocabulary();
        var protocol = vocabulary.protocols().get(flow.protocol());
        var strength = vocabulary.encryptionStrength(flow.encryption());
        return protocol != null
                && protocol.transport().equals("radio")
                && (strength == dev.mamori.model.vocabulary.Vocabulary.Strength.NONE
                        || strength == dev.mamori.model.vocabulary.Vocabulary.Strength.WEAK);
    }

    /** The chance that code shipped by a held update source runs on a component that installs from it. */
    static float updateChance(Scales.UpdatePath path) {
        return switch (path) {
            case AUTOMATIC, SIGNED_AUTOMATIC -> 0.9f;
            case MANUAL, SIGNED_MANUAL, UNKNOWN -> 0.6f;
            case NONE -> 0f;
        };
    }

    /** The element of the model an edge stands for, where it can carry a mark. */
    static java.util.Optional<Object> markedElement(FrozenGraph graph, Builder g, int e) {
        return markedElement(
                graph, g.relation[e], g.source[e], g.to[e], g.isAccountNode(g.to[e]) ? g.accountOf(g.to[e]) : -1);
    }

    private static java.util.Optional<Object> markedElement(
            FrozenGraph graph, byte relation, int source, int to, int accountAtTarget) {
        return java.util.Optional.ofNullable(
                switch (RELATIONS[relation]) {
                    case COMMAND, INTERCEPT, DATA -> graph.flow(source);
                    case CREDENTIAL -> graph.credential(source);
                    case HARVEST, LOGIN -> graph.account(source);
                    case LATERAL -> graph.component(to);
                    case UPDATE -> graph.component(source);
                    case EXPOSURE -> accountAtTarget >= 0 ? graph.account(accountAtTarget) : graph.component(to);
                    case ZONE_MEMBER -> null;
                });
    }

    /**
     * One node per account and place its secret can be used from: the zone (or the zoneless host)
     * of each host it is harvested on, and outside, for a secret that has leaked or is reused
     * elsewhere. A held host gives the secret to its place (HARVEST); from a place, the secret logs
     * in to every component of the account that the place has a network route to (LOGIN). Nodes
     * per place rather than per host keep a directory account that logs in to a thousand hosts at a
     * thousand harvest edges and one login edge per target and zone.
     */
    private static List<Integer> accounts(FrozenGraph graph, Builder g, Routes routes) {
        List<Integer> outside = new java.util.ArrayList<>();
        float harvest = graph.landscape().assumptions().harvest() / 100f;
        for (int a = 0; a < graph.accountCount(); a++) {
            Account account = graph.account(a);
            int system = account.system() == null
                    ? -1
                    : graph.systemId(account.system()).orElse(-1);
            int index = a;
            java.util.Map<Integer, Integer> nodeAt = new java.util.LinkedHashMap<>();
            boolean embedded = account.state().contains(AccountState.EMBEDDED);
            for (int[] hosts : new int[][] {graph.accountLogsInTo(a), graph.accountUsedFrom(a)}) {
                for (int host : hosts) {
                    int position = routes.position(host);
                    int node = nodeAt.computeIfAbsent(position, p -> g.addAccountNode(index, p, system));
                    g.add(host, node, Relation.HARVEST, a, embedded ? 1f : harvest);
                }
            }
            if (EntryPoints.leaked(account).isPresent()) {
                outside.add(nodeAt.computeIfAbsent(Routes.OUTSIDE, p -> g.addAccountNode(index, p, system)));
            }
            float login = account.mfa() ? 0.3f : 0.9f;
            for (var at : nodeAt.entrySet()) {
                for (int target : graph.accountLogsInTo(a)) {
                    if (at.getKey() != target && routes.reaches(at.getKey(), target)) {
                        g.add(at.getValue(), target, Relation.LOGIN, a, login);
                    }
                }
            }
        }
        return outside;
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
        private final java.util.BitSet assumed = new java.util.BitSet();
        private final java.util.BitSet alleged = new java.util.BitSet();
        private int accountNodes;
        private boolean outsiders;
        private int[] accountOfNode = new int[16];
        private int[] positionOfNode = new int[16];
        private int[] systemOfAccountNode = new int[16];

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

        /**
         * Marks the edge added last as resting on an assumption of the landscape, not on a stated
         * fact: paths through it say so, and consequences claimed for a finding do not follow it.
         */
        public Builder assumeLast() {
            return assume(edges - 1);
        }

        /** Marks edge {@code e} as resting on an assumption or a marked fact. */
        public Builder assume(int e) {
            assumed.set(e);
            return this;
        }

        boolean isAccountNode(int node) {
            return node >= components + zones && node < components + zones + accountNodes;
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
         * Adds a node for an account used from a place, after the components and zones; returns it.
         *
         * @param position a zone node, a component, or {@link Routes#OUTSIDE}
         * @param system the account's system, or -1 for one of the landscape's
         */
        public int addAccountNode(int account, int position, int system) {
            if (outsiders) {
                throw new IllegalStateException("the outsiders' node comes last");
            }
            if (accountNodes == accountOfNode.length) {
                accountOfNode = Arrays.copyOf(accountOfNode, accountNodes * 2);
                positionOfNode = Arrays.copyOf(positionOfNode, accountNodes * 2);
                systemOfAccountNode = Arrays.copyOf(systemOfAccountNode, accountNodes * 2);
            }
            accountOfNode[accountNodes] = account;
            positionOfNode[accountNodes] = position;
            systemOfAccountNode[accountNodes] = system;
            return components + zones + accountNodes++;
        }

        /** The account an account node added to this builder stands for. */
        int accountOf(int node) {
            return accountOfNode[node - components - zones];
        }

        /** Adds the outsiders' node, the last of all; returns it. */
        public int addOutsiders() {
            outsiders = true;
            return components + zones + accountNodes;
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

        /** What the edge rests on beyond the model's facts; none by default. */
        default List<String> assumptions(PropagationGraph graph, int edge) {
            return List.of();
        }
    }

    /** Plain words for graphs built without a model: node numbers and relation names. */
    public static final Words NUMBERED = new Words() {
        @Override
        public String name(PropagationGraph graph, int node) {
            if (node == graph.outsiders()) {
                return "outsiders";
            }
            return graph.isZone(node)
                    ? "zone " + (node - graph.componentCount())
                    : graph.isAccount(node) ? "account " + graph.accountOf(node) : "component " + node;
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

    /** Nodes below this are components; from it on, zones, then accounts. */
    public int componentCount() {
        return components;
    }

    public boolean isZone(int node) {
        return node >= components && node < components + zones;
    }

    /** Whether the node is an account used from a place (a zone, a host, or outside). */
    public boolean isAccount(int node) {
        return node >= components + zones && node != outsiders;
    }

    /** The outsiders' node (the internet, carriers' networks, attacker infrastructure), or -1 for none. */
    public int outsiders() {
        return outsiders;
    }

    /** The account an account node stands for. */
    public int accountOf(int node) {
        return accountOfNode[node - components - zones];
    }

    /** Where an account node's secret is used from: a zone node, a component, or {@link Routes#OUTSIDE}. */
    public int positionOf(int node) {
        return positionOfNode[node - components - zones];
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

    /** Whether the model marks the edge's fact as alleged by a source that does not prove it. */
    public boolean alleged(int e) {
        return alleged.get(e);
    }

    /** Whether the edge rests on an assumption of the landscape, or a fact the model marks, rather than on a stated fact. */
    public boolean assumed(int e) {
        return assumed.get(e);
    }

    /** The edges that rest on an assumption, marked: what an analysis of stated facts only leaves out. */
    public boolean[] assumedEdges() {
        boolean[] out = new boolean[edges];
        assumed.stream().forEach(e -> out[e] = true);
        return out;
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

    /** What an edge rests on beyond the model's facts. */
    public List<String> assumptions(int e) {
        return words.assumptions(this, e);
    }

    /** Names and weaknesses read from the model the graph was compiled from. */
    private record FrozenWords(FrozenGraph graph) implements Words {
        @Override
        public String name(PropagationGraph g, int node) {
            if (node == g.outsiders()) {
                return "outsiders";
            }
            if (g.isAccount(node)) {
                return "account " + graph.account(g.accountOf(node)).id()
                        + (g.positionOf(node) == Routes.OUTSIDE ? " (outside)" : "");
            }
            return g.isZone(node)
                    ? "zone " + graph.zone(node - g.componentCount()).id()
                    : graph.component(node).id();
        }

        @Override
        public List<String> assumptions(PropagationGraph g, int e) {
            java.util.Optional<dev.mamori.model.Mark> mark = markedElement(
                            graph,
                            g.relation[e],
                            g.source(e),
                            g.to(e),
                            g.isAccount(g.to(e)) ? g.accountOf(g.to(e)) : -1)
                    .flatMap(graph::markOn);
            if (mark.isPresent()) {
                return List.of(dev.mamori.model.Words.of(mark.get().certainty()) + " ("
                        + mark.get().on().text()
                        + (mark.get().source().isEmpty()
                                ? ""
                                : ": " + mark.get().source()) + ")");
            }
            Assumptions assumed = graph.landscape().assumptions();
            if (g.relation(e) == Relation.LATERAL
                    && graph.component(g.to(e)).credentials() == Credentials.UNKNOWN
                    && EntryPoints.controlExploit(graph.component(g.to(e))).isEmpty()) {
                return List.of("a login whose setting is unknown is weak (unknown-login-weak: "
                        + assumed.unknownLoginWeak() + " %)");
            }
            if (g.relation(e) == Relation.HARVEST
                    && !graph.account(g.source(e)).state().contains(AccountState.EMBEDDED)) {
                return List.of("a held host gives up the accounts used on it (harvest: " + assumed.harvest() + " %)");
            }
            return List.of();
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
                case INTERCEPT -> {
                    Flow flow = graph.flow(g.source(e));
                    if (g.from(e) == g.outsiders()) {
                        yield "hear " + graph.flowName(g.source(e)) + " from within radio range (commands over "
                                + flow.protocol() + ", " + onTheAir(flow)
                                + ", "
                                + (flow.authentication().equals("none")
                                        ? "no authentication"
                                        : "only " + flow.authentication() + " authentication")
                                + ") and forge them to " + name(g, target);
                    }
                    yield "carries " + graph.flowName(g.source(e)) + ", commands over " + flow.protocol()
                            + " in clear with "
                            + (flow.authentication().equals("none")
                                    ? "no authentication"
                                    : "only " + flow.authentication() + " authentication")
                            + ", and forges them to " + name(g, target);
                }
                case UPDATE -> {
                    Component component = graph.component(target);
                    yield "ships its code to " + name(g, target) + ", which installs updates from it "
                            + switch (component.update()) {
                                case AUTOMATIC -> "by itself, unsigned";
                                case SIGNED_AUTOMATIC -> "by itself, signed where the updates are made";
                                case MANUAL, SIGNED_MANUAL -> "by hand";
                                default -> "(how is not said)";
                            }
                            + (component.count() > 1 ? ", on all " + component.count() + " units" : "");
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
                case HARVEST -> {
                    Account account = graph.account(g.source(e));
                    int host = g.from(e);
                    boolean logsIn =
                            Arrays.stream(graph.accountLogsInTo(g.source(e))).anyMatch(h -> h == host);
                    yield "takes the secret of " + dev.mamori.model.Words.of(account.kind()) + " account "
                            + account.id() + ", "
                            + (account.state().contains(AccountState.EMBEDDED)
                                    ? "embedded in its software"
                                    : logsIn ? "which logs in to it" : "which is used from it");
                }
                case LOGIN -> {
                    Account account = graph.account(g.source(e));
                    int from = g.positionOf(g.from(e));
                    String where = from == Routes.OUTSIDE ? "from the internet" : "from " + name(g, from);
                    List<String> state = new java.util.ArrayList<>();
                    for (AccountState s : account.state()) {
                        state.add(dev.mamori.model.Words.of(s));
                    }
                    yield "logs in to " + name(g, target) + " " + where + " as " + account.id()
                            + (account.mfa() ? ", which needs a second factor" : ", with a single factor")
                            + (state.isEmpty() ? "" : " (" + String.join(", ", state) + ")");
                }
                case EXPOSURE ->
                    g.isAccount(target)
                            ? EntryPoints.leaked(graph.account(g.accountOf(target)))
                                    .orElseThrow()
                                    .reason()
                            : EntryPoints.of(graph, target).orElseThrow().reason();
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
