package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Flow;
import dev.mamori.model.PlanChange;
import dev.mamori.model.Scales;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The isolation plan for a data asset's confidentiality: the attacker may read it only where it
 * cannot take it out. Reading it is harm only together with a way out, so the plan is one minimum
 * cut over both: the relations that give the attacker the places it is read (as for a component),
 * and the egress rules that close the zones it would leave from — whichever mix is cheapest. The
 * ways out are those of {@link WaysOut}: a held component facing the internet, or in a zone whose
 * egress is open or not stated (a component in no zone counts as its own place), directly or
 * relayed over flows between components the attacker holds before the plan. A radio link anyone
 * nearby hears it on is outside every relation, so its own protection is added. Checked before it
 * is printed: with the cuts applied and the egress rules in place, the analysis runs again and the
 * asset must be read nowhere it can leave from.
 */
final class DataPlan {

    private final FrozenGraph frozen;
    private final PropagationGraph graph;
    private final IntFunction<String> element;
    private final SystemicAnalyzer.EdgeCosts edgeCosts;

    DataPlan(
            FrozenGraph frozen,
            PropagationGraph graph,
            IntFunction<String> element,
            SystemicAnalyzer.EdgeCosts edgeCosts) {
        this.frozen = frozen;
        this.graph = graph;
        this.element = element;
        this.edgeCosts = edgeCosts;
    }

    SystemicAnalysis.Isolation isolate(String fromName, EntryPoints entries, int d) {
        int n = frozen.componentCount();
        int zones = frozen.zoneCount();
        String asset = frozen.data(d).id();
        long egressCost = frozen.landscape().assumptions().cost(PlanChange.EGRESS_RULE);
        // A radio link anyone nearby hears the asset on is protected end to end whatever else the
        // plan does; that also ends every forging of its commands (over the air or by a network on
        // its path) and its reading in clear on its path, so the rest of the plan starts from there.
        List<Integer> heard = heardOn(d, entries);
        boolean[] protectedFlow = new boolean[frozen.flowCount()];
        heard.forEach(f -> protectedFlow[f] = true);
        boolean[] removed = new boolean[graph.edgeCount()];
        for (int e = 0; e < graph.edgeCount(); e++) {
            removed[e] = graph.relation(e) == Relation.INTERCEPT && protectedFlow[graph.source(e)];
        }
        Propagation before = Propagation.from(graph, entries, removed);
        boolean[] readAt = readAt(d, protectedFlow);
        boolean[] isSource = new boolean[graph.nodeCount()];
        for (int s : entries.nodes()) {
            isSource[s] = true;
        }
        // Where the data would get out through a way no egress rule closes (the internet), relayed
        // or not: a place it is read that the attacker holds from the start and that leads there
        // cannot be helped by this plan, and would make the cut infinite.
        boolean[] open = openWayOut(before);
        List<Integer> targets = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (readAt[c] && before.controlled(c) && !(isSource[c] && open[c])) {
                targets.add(c);
            }
        }
        // The part beyond the graph: the data at each held component (extra node c), relayed over
        // its flows to held receivers, out through the internet (not cut) or a place an egress
        // rule closes: zone z is extra node n + z, component c in no zone extra node n + zones + c.
        Arcs arcs = new Arcs();
        boolean[] placed = new boolean[zones + n];
        for (int c : targets) {
            arcs.add(c, IsolationPlan.Beyond.extra(c), IsolationPlan.INFINITE, -1);
        }
        for (int c = 0; c < n; c++) {
            if (!before.controlled(c)) {
                continue;
            }
            for (int f : frozen.flowsOut(c)) {
                if (before.controlled(frozen.flowTo(f))) {
                    arcs.add(
                            IsolationPlan.Beyond.extra(c),
                            IsolationPlan.Beyond.extra(frozen.flowTo(f)),
                            IsolationPlan.INFINITE,
                            -1);
                }
            }
            int place = closablePlace(c);
            if (frozen.facts().internetFacing(c)) {
                arcs.add(IsolationPlan.Beyond.extra(c), IsolationPlan.Beyond.SINK, IsolationPlan.INFINITE, -1);
            } else if (place >= 0) {
                arcs.add(
                        IsolationPlan.Beyond.extra(c),
                        IsolationPlan.Beyond.extra(n + place),
                        IsolationPlan.INFINITE,
                        -1);
                if (!placed[place]) {
                    placed[place] = true;
                    arcs.add(IsolationPlan.Beyond.extra(n + place), IsolationPlan.Beyond.SINK, egressCost, place);
                }
            }
        }
        IsolationPlan.Beyond beyond = arcs.beyond(2 * n + zones);
        IsolationPlan plan = IsolationPlan.between(
                graph,
                entries.nodes(),
                targets.stream().mapToInt(Integer::intValue).toArray(),
                edgeCosts.cost(),
                removed,
                beyond);
        long total = 0;
        List<SystemicAnalysis.Cut> cuts = new ArrayList<>();
        for (int e : plan.cut()) {
            removed[e] = true;
            total += edgeCosts.cost()[e];
            cuts.add(new SystemicAnalysis.Cut(
                    graph.name(graph.from(e)),
                    graph.name(graph.to(e)),
                    graph.relation(e),
                    element.apply(e),
                    graph.weakness(e),
                    edgeCosts.cost()[e],
                    edgeCosts.why()[e]));
        }
        boolean[] deniedZone = new boolean[zones];
        boolean[] deniedAlone = new boolean[n];
        List<SystemicAnalysis.Change> changes = new ArrayList<>();
        for (int a : plan.extraCut()) {
            int place = arcs.place.get(a);
            boolean zone = place < zones;
            String where = zone
                    ? frozen.zone(place).id()
                    : frozen.component(place - zones).id();
            if (zone) {
                deniedZone[place] = true;
            } else {
                deniedAlone[place - zones] = true;
            }
            total += egressCost;
            changes.add(new SystemicAnalysis.EgressRule(
                    where,
                    zone,
                    egressCost,
                    (zone
                                    ? "let only the modelled flows of zone " + where + " leave it"
                                    : "put " + where + " in a zone that lets only its modelled flows leave")
                            + " (egress: deny), so that " + asset + " read there cannot be taken out (cost "
                            + egressCost + ")"));
        }
        long linkCost = frozen.landscape().assumptions().cost(PlanChange.PROTECT_FLOW);
        for (int f : heard) {
            total += linkCost;
            changes.add(new SystemicAnalysis.ProtectedLink(
                    frozen.flowName(f),
                    linkCost,
                    "protect " + frozen.flowName(f) + " end to end (" + protection(frozen, frozen.flow(f))
                            + "), so that nobody within radio range reads " + asset + " (cost " + linkCost + ")"));
        }
        // The check: the cuts applied and the egress rules in place, the asset must be read nowhere
        // it leaves from (a protected radio link is heard no more).
        Propagation after = Propagation.from(graph, entries, removed);
        String[] ways = WaysOut.of(frozen, after, deniedZone, deniedAlone);
        List<String> still = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (readAt[c] && after.controlled(c) && ways[c] != null) {
                still.add(graph.name(c)
                        + (isSource[c]
                                ? " (held directly, " + entries.reasonOf(c) + ")"
                                : ", reached from " + graph.name(after.entryOf(c)))
                        + ": " + ways[c]);
            }
        }
        // Before the plan: heard over the air, or (no link protected, so `before` is the model as it
        // stands) read somewhere it gets out from.
        boolean leftBefore = !heard.isEmpty() || readSomewhereItLeaves(readAt, before, WaysOut.of(frozen, before));
        return new SystemicAnalysis.Isolation(
                fromName,
                asset,
                leftBefore ? cuts : List.of(),
                leftBefore ? total : 0,
                List.of(),
                !leftBefore,
                still.isEmpty(),
                still,
                1,
                leftBefore ? changes : List.of(),
                "data asset");
    }

    /** The arcs of the part beyond the graph, each with the place an egress rule closes when it is cut (or -1). */
    private static final class Arcs {
        private final List<int[]> ends = new ArrayList<>();
        private final List<Long> capacity = new ArrayList<>();
        final List<Integer> place = new ArrayList<>();

        void add(int from, int to, long cap, int closes) {
            ends.add(new int[] {from, to});
            capacity.add(cap);
            place.add(closes);
        }

        IsolationPlan.Beyond beyond(int nodes) {
            return new IsolationPlan.Beyond(
                    nodes,
                    ends.stream().mapToInt(a -> a[0]).toArray(),
                    ends.stream().mapToInt(a -> a[1]).toArray(),
                    capacity.stream().mapToLong(Long::longValue).toArray());
        }
    }

    /** Whether the asset is read on a held component it gets out from. */
    private boolean readSomewhereItLeaves(boolean[] readAt, Propagation held, String[] ways) {
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (readAt[c] && held.controlled(c) && ways[c] != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The components where the asset is got at ({@link WhereRead}); the networks of a flow in
     * {@code protectedFlow}, protected end to end, read it no more.
     */
    private boolean[] readAt(int d, boolean[] protectedFlow) {
        boolean[] at = new boolean[frozen.componentCount()];
        WhereRead.walk(frozen, protectedFlow, (asset, c, how) -> at[c] |= asset == d);
        return at;
    }

    /** The radio links carrying the asset that anyone within range hears, when outsiders are the attacker. */
    private List<Integer> heardOn(int d, EntryPoints entries) {
        List<Integer> out = new ArrayList<>();
        if (graph.outsiders() >= 0 && entries.includes(graph.outsiders())) {
            WhereRead.walk(frozen, new boolean[frozen.flowCount()], new WhereRead.Places() {
                @Override
                public void at(int asset, int c, java.util.function.Supplier<String> how) {}

                @Override
                public void overTheAir(int asset, int f) {
                    if (asset == d) {
                        out.add(f);
                    }
                }
            });
        }
        return out;
    }

    /**
     * The place an egress rule closes for a component's own way out: its zone when that lets
     * anything out (egress open or not stated), the component itself (after the zones) when it sits
     * in no zone; -1 when it faces the internet or its zone already denies.
     */
    private int closablePlace(int c) {
        if (frozen.facts().internetFacing(c)) {
            return -1;
        }
        int zone = frozen.zoneOf(c);
        if (zone < 0) {
            return frozen.zoneCount() + c;
        }
        var egress = frozen.zone(zone).egress();
        return egress.isEmpty() || egress.get() == Scales.Egress.OPEN ? zone : -1;
    }

    /** The held components whose data gets out through the internet, relayed or not: no egress rule closes that. */
    private boolean[] openWayOut(Propagation held) {
        int n = frozen.componentCount();
        boolean[] open = new boolean[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < n; c++) {
            if (held.controlled(c) && frozen.facts().internetFacing(c)) {
                open[c] = true;
                queue.add(c);
            }
        }
        while (!queue.isEmpty()) {
            int to = queue.poll();
            for (int f : frozen.flowsIn(to)) {
                int from = frozen.flowFrom(f);
                if (!open[from] && held.controlled(from)) {
                    open[from] = true;
                    queue.add(from);
                }
            }
        }
        return open;
    }

    /** How a flow is protected end to end, in words: its protocol's encryption, or a tunnel its path does not end. */
    static String protection(FrozenGraph frozen, Flow flow) {
        return frozen.landscape()
                .vocabulary()
                .encryptionFor(flow.protocol(), "tls", "dtls", "ipsec")
                .map(x -> "encryption: " + x)
                .orElse("a tunnel the path does not end");
    }
}
