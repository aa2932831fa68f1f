package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.NeedsCircuit;
import dev.mamori.model.Account;
import dev.mamori.model.Assumptions;
import dev.mamori.model.Component;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Hazard;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Mission;
import dev.mamori.model.PlanChange;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.AccountState;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.validate.ElementIndex;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/** Runs the systemic analysis over a frozen graph, for the options a user asked for. */
public final class SystemicAnalyzer {

    /**
     * @param from a system or component assumed compromised, instead of the exposed components
     * @param protect a system, component, hazard or mission to isolate from the attacker
     * @param fail systems or components assumed failed
     */
    public record Options(Optional<String> from, Optional<String> protect, List<String> fail) {
        public static Options defaults() {
            return new Options(Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** A name on the command line that names nothing. */
    public static final class UnknownElement extends IllegalArgumentException {
        public UnknownElement(String message) {
            super(message);
        }
    }

    /** What cutting a hardwired signal costs: more than any plan of ordinary changes. */
    private static final long HARDWIRED = 1_000;

    private final FrozenGraph frozen;
    private final PropagationGraph graph;
    private final Cascade cascade;
    private final ElementIndex index;
    private final List<NeedsCircuit> missionNeeds;
    private Propagation fromExposed;

    public SystemicAnalyzer(FrozenGraph frozen) {
        this.frozen = frozen;
        this.graph = frozen.derived(PropagationGraph.class, PropagationGraph::of);
        this.cascade = Cascade.of(frozen);
        this.index = frozen.elements();
        this.missionNeeds = frozen.missions().stream()
                .map(m -> NeedsCircuit.of(frozen, m.needs()))
                .toList();
    }

    public PropagationGraph graph() {
        return graph;
    }

    /** How unavailability spreads in this landscape, compiled once for every analysis that fails things. */
    public Cascade cascade() {
        return cascade;
    }

    /** Compromise spreading from the exposed components, computed once and shared with the mission analysis. */
    public Propagation fromExposed() {
        if (fromExposed == null) {
            fromExposed = Propagation.from(graph, EntryPoints.exposed(frozen));
        }
        return fromExposed;
    }

    public SystemicAnalysis analyze(Options options) {
        Propagation propagation = options.from()
                .map(name -> Propagation.from(
                        graph, EntryPoints.assumed(components(name), name + " is assumed compromised")))
                .orElseGet(this::fromExposed);
        EntryPoints entries = propagation.entries();
        List<SystemicAnalysis.Entry> entryList = new ArrayList<>();
        for (int i = 0; i < entries.nodes().length; i++) {
            int node = entries.nodes()[i];
            if (node == graph.outsiders()) {
                // What outsiders reach and take: their relations, in the order of the model.
                for (int k = graph.outStart(node); k < graph.outControlEnd(node); k++) {
                    int to = graph.to(graph.outEdge(k));
                    if (graph.relation(graph.outEdge(k)) == Relation.INTERCEPT) {
                        entryList.add(new SystemicAnalysis.Entry(
                                graph.name(to),
                                "its commands are forged over the air: outsiders " + graph.weakness(graph.outEdge(k)),
                                PropagationGraph.NEARBY * 0.9));
                        continue;
                    }
                    // Read again in double precision: the graph keeps its chances as floats.
                    EntryPoints.Exposed x = graph.isAccount(to)
                            ? EntryPoints.leaked(frozen.account(graph.accountOf(to)))
                                    .orElseThrow()
                            : EntryPoints.of(frozen, to).orElseThrow();
                    entryList.add(new SystemicAnalysis.Entry(graph.name(to), x.reason(), x.probability()));
                }
            } else {
                entryList.add(
                        new SystemicAnalysis.Entry(graph.name(node), entries.reasons()[i], entries.probability()[i]));
            }
        }
        int controlled = 0;
        int influenced = 0;
        for (int c = 0; c < frozen.componentCount(); c++) {
            controlled += propagation.controlled(c) ? 1 : 0;
            influenced += propagation.influenced(c) ? 1 : 0;
        }
        Optional<SystemicAnalysis.Isolation> isolation = options.protect()
                .map(target -> isolate(options.from().orElse("the exposed components"), entries, target));
        Optional<SystemicAnalysis.OutageEffect> outage =
                options.fail().isEmpty() ? Optional.empty() : Optional.of(outage(options.fail()));
        long[] units = HeldUnits.of(frozen, graph, propagation);
        List<FloodedComponent> floods = floods(propagation, units);
        return new SystemicAnalysis(
                entryList,
                controlled,
                influenced,
                paths(propagation, true),
                paths(propagation, false),
                blastRadius(),
                hazards(propagation, units),
                missions(underAttack(propagation, floods, Relief.none(frozen.componentCount()))::down).stream()
                        .map(m -> new SystemicAnalysis.MissionEffect(m.getKey(), m.getValue()))
                        .toList(),
                floods.stream()
                        .map(f -> new SystemicAnalysis.Flood(
                                frozen.component(f.target()).id(), f.devices(), f.capacity(), f.from()))
                        .toList(),
                dataRead(propagation),
                dataTampered(propagation),
                isolation,
                outage);
    }

    /**
     * The data the attacker reads, each asset once, by its likeliest way: on a component it holds
     * (stored there, or in a flow it sends or receives), or in a flow that crosses a network it holds
     * in clear. Most confidential first, then likeliest, then by id.
     */
    private List<SystemicAnalysis.DataRead> dataRead(Propagation propagation) {
        Likeliest read = new Likeliest(frozen.dataCount(), propagation);
        String[] wayOut = WaysOut.of(frozen, propagation);
        // Whether an asset leaves is not a matter of its likeliest holder alone: any held place it
        // is read with a way out, or a radio link it is heard on, lets it out.
        int[] outVia = new int[frozen.dataCount()];
        Arrays.fill(outVia, -1);
        boolean[] heardOutside = new boolean[frozen.dataCount()];
        WhereRead.walk(frozen, new boolean[frozen.flowCount()], new WhereRead.Places() {
            @Override
            public void at(int d, int c, java.util.function.Supplier<String> how) {
                read.keep(d, c, how);
                outVia[d] = leavesFrom(outVia[d], c, propagation, wayOut);
            }

            @Override
            public void overTheAir(int d, int f) {
                heardOutside[d] |= read.outsidersAttack;
                read.keepHeard(
                        d,
                        () -> "in " + frozen.flowName(f) + ", heard from within radio range ("
                                + PropagationGraph.onTheAir(frozen.flow(f)) + ")");
            }
        });
        List<SystemicAnalysis.DataRead> out = new ArrayList<>();
        for (int d : read.reached(d -> frozen.data(d).confidentiality())) {
            DataAsset asset = frozen.data(d);
            int holder = read.at[d];
            // Heard over the air, it is outside already: nothing held, no way out needed.
            String way = holder == Likeliest.HEARD
                    ? "can leave: it is heard outside, by whoever is within radio range"
                    : wayOut[holder] != null
                            ? wayOut[holder]
                            : heardOutside[d]
                                    ? "can leave: it is also heard outside, by whoever is within radio range"
                                    : outVia[d] >= 0
                                            ? "can leave: it is read also on "
                                                    + frozen.component(outVia[d])
                                                            .id() + ", and from there "
                                                    + wayOut[outVia[d]].substring("can leave: ".length())
                                            : null;
            out.add(new SystemicAnalysis.DataRead(
                    asset.id(),
                    Words.of(asset.confidentiality()),
                    asset.personal(),
                    read.chance[d],
                    read.how[d],
                    read.holder(d),
                    read.path(d),
                    way != null,
                    way != null
                            ? way
                            : "cannot leave: " + frozen.component(holder).id()
                                    + " lets only its modelled flows out, and none leads to a way out the"
                                    + " attacker holds"));
        }
        return out;
    }

    /** The first held place an asset is read on with a way out: {@code found} if there is one, else c if it is one. */
    private static int leavesFrom(int found, int c, Propagation propagation, String[] wayOut) {
        return found >= 0 || !propagation.controlled(c) || wayOut[c] == null ? found : c;
    }

    /**
     * The data the attacker can change, each asset once, by its likeliest way: where it is stored on
     * a component it holds, in a flow whose sender it holds (sent false), or in a flow that crosses
     * a network it holds and could be forged there (in clear and not strongly authenticated, the
     * same test as a man in the middle's commands). Most integrity-critical first, then likeliest.
     */
    private List<SystemicAnalysis.DataTampered> dataTampered(Propagation propagation) {
        Likeliest changed = new Likeliest(frozen.dataCount(), propagation);
        for (int i = 0; i < frozen.componentCount(); i++) {
            int c = i; // named by the words below, which are built only for a likelier way
            for (int d : frozen.storedData(c)) {
                changed.keep(
                        d,
                        c,
                        () -> "changed where it is stored, on "
                                + frozen.component(c).id());
            }
        }
        for (int i = 0; i < frozen.flowCount(); i++) {
            int f = i;
            int sender = frozen.flowFrom(f);
            boolean forgeable = PropagationGraph.forgeableOnItsPath(frozen, frozen.flow(f));
            boolean overTheAir = PropagationGraph.heardOverTheAir(frozen, frozen.flow(f));
            for (int d : frozen.dataOf(f)) {
                changed.keep(
                        d,
                        sender,
                        () -> "sent false in " + frozen.flowName(f) + " by "
                                + frozen.component(sender).id());
                for (int n : forgeable ? frozen.networksOf(f) : new int[0]) {
                    changed.keep(
                            d,
                            n,
                            () -> "changed in " + frozen.flowName(f) + " on its way over "
                                    + frozen.component(n).id() + " (in clear, not strongly authenticated)");
                }
                if (overTheAir && PropagationGraph.forgeable(frozen, frozen.flow(f))) {
                    changed.keepHeard(
                            d,
                            () -> "sent false in " + frozen.flowName(f) + " from within radio range ("
                                    + PropagationGraph.onTheAir(frozen.flow(f)) + ", not strongly authenticated)");
                }
            }
        }
        List<SystemicAnalysis.DataTampered> out = new ArrayList<>();
        for (int d : changed.reached(d -> frozen.data(d).integrity())) {
            out.add(new SystemicAnalysis.DataTampered(
                    frozen.data(d).id(),
                    Words.of(frozen.data(d).integrity()),
                    changed.chance[d],
                    changed.how[d],
                    changed.holder(d),
                    changed.path(d)));
        }
        return out;
    }

    /**
     * For each data asset, the likeliest way the attacker gets at it found so far: the chance, the
     * held component it happens on, and how; on a tie, the first found.
     */
    private final class Likeliest {
        /** Where an asset is got at when it is heard over the air: on nothing the attacker holds. */
        static final int HEARD = -2;

        private final Propagation propagation;
        private final boolean outsidersAttack;
        final double[] chance;
        final int[] at;
        final String[] how;

        Likeliest(int assets, Propagation propagation) {
            this.propagation = propagation;
            // Heard over the air only when outsiders are the attacker, not when --from starts from
            // what is assumed held.
            this.outsidersAttack =
                    graph.outsiders() >= 0 && propagation.entries().includes(graph.outsiders());
            chance = new double[assets];
            at = new int[assets];
            how = new String[assets];
            Arrays.fill(at, -1);
        }

        /**
         * Asset {@code d} got at on component {@code c}, if the attacker holds it; the words are
         * built only for a likelier way, not for every component and flow of the landscape.
         */
        void keep(int d, int c, java.util.function.Supplier<String> way) {
            double p = propagation.probability(c);
            if (propagation.controlled(c) && p > chance[d]) {
                chance[d] = p;
                at[d] = c;
                how[d] = way.get();
            }
        }

        /** Asset {@code d} got at from within radio range of a link, holding nothing. */
        void keepHeard(int d, java.util.function.Supplier<String> way) {
            if (outsidersAttack && PropagationGraph.NEARBY > chance[d]) {
                chance[d] = PropagationGraph.NEARBY;
                at[d] = HEARD;
                how[d] = way.get();
            }
        }

        /** What the attacker holds where asset {@code d} is got at, by name. */
        String holder(int d) {
            return at[d] == HEARD ? "outsiders" : frozen.component(at[d]).id();
        }

        /** The path to where asset {@code d} is got at; none when it is heard from outside. */
        List<Hop> path(int d) {
            return at[d] == HEARD ? List.of() : propagation.path(at[d]);
        }

        /** The assets got at, the greatest need first, then the likeliest, then by id. */
        List<Integer> reached(java.util.function.IntFunction<dev.mamori.model.Scales.Need> need) {
            List<Integer> out = new ArrayList<>();
            for (int d = 0; d < at.length; d++) {
                if (at[d] != -1) {
                    out.add(d);
                }
            }
            out.sort(Comparator.comparing((Integer d) -> need.apply(d))
                    .reversed()
                    .thenComparing(
                            Comparator.comparingDouble((Integer d) -> chance[d]).reversed())
                    .thenComparing(d -> frozen.data(d).id()));
            return out;
        }
    }

    // ---- names given by the user --------------------------------------------------------------

    /** The components a name stands for: a system's, a component itself, a hazard's, a mission's needs. */
    public int[] components(String name) {
        Optional<Map.Entry<Kind, Object>> found = target(name);
        if (found.isEmpty()) {
            throw new UnknownElement("no system, component, hazard or mission '" + name + "'"
                    + Suggestions.didYouMean(name, targetNames()));
        }
        Object element = found.get().getValue();
        Set<Integer> out = new LinkedHashSet<>();
        if (element instanceof IotSystem system) {
            system.components()
                    .values()
                    .forEach(c -> out.add(frozen.componentId(c.id()).orElseThrow()));
        } else if (element instanceof Component component) {
            out.add(frozen.componentId(component.id()).orElseThrow());
        } else if (element instanceof Hazard hazard) {
            String componentId = hazard.id().substring(0, hazard.id().lastIndexOf('.'));
            out.add(frozen.componentId(componentId).orElseThrow());
        } else if (element instanceof Mission mission) {
            for (int c : frozen.neededBy(mission)) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- paths, hazards, missions ---------------------------------------------------------------

    /**
     * What an attacker can take from a mission: the components they control, the ones they can only
     * crash (a known flaw whose effect is a crash, on a service they reach: exposed, or in a zone they
     * have a foothold in), and everything that goes down when those stop or are wiped (as Viasat's
     * modems were).
     */
    public Outage underAttack(Propagation propagation) {
        return underAttack(
                propagation,
                floods(propagation, HeldUnits.of(frozen, graph, propagation)),
                Relief.none(frozen.componentCount()));
    }

    private Outage underAttack(Propagation propagation, List<FloodedComponent> floods, Relief relief) {
        List<Integer> held = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (propagation.controlled(c) || crashable(propagation, c) && !relief.relieved()[c]) {
                held.add(c);
            }
        }
        for (FloodedComponent flood : floods) {
            if (!relief.absorbed()[flood.target()]) {
                held.add(flood.target());
            }
        }
        return Outage.of(cascade, held.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A component a flood takes down, and the flood. */
    private record FloodedComponent(int target, long devices, long capacity, List<String> from) {}

    /**
     * The components a flood takes down: every device the attacker holds that can send to the
     * internet (a fleet counts the units held, {@link HeldUnits}) floods together, and a component
     * reachable from the internet that declares what it absorbs falls when the flood is larger. A
     * flood is not a data flow: the target does not come to depend on its attackers.
     */
    private List<FloodedComponent> floods(Propagation propagation, long[] units) {
        long devices = 0;
        boolean[] floods = new boolean[frozen.componentCount()];
        List<Integer> flooders = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (propagation.controlled(c) && sendsToTheInternet(c)) {
                floods[c] = true;
                flooders.add(c);
                devices += units[c];
            }
        }
        List<FloodedComponent> out = new ArrayList<>();
        for (int t = 0; t < frozen.componentCount(); t++) {
            java.util.OptionalLong capacity = frozen.component(t).floodCapacity();
            // A held component does not flood itself: its own units are not counted against it.
            long against = devices - (floods[t] ? units[t] : 0);
            if (capacity.isPresent() && frozen.facts().internetFacing(t) && against > capacity.getAsLong()) {
                List<String> from = new ArrayList<>();
                for (int c : flooders) {
                    if (c != t) {
                        from.add(frozen.component(c).id() + " (" + unitsInWords(c, units[c]) + ")");
                    }
                }
                out.add(new FloodedComponent(t, against, capacity.getAsLong(), from));
            }
        }
        return out;
    }

    /** Whether a component can send to the internet: it faces it, or a flow of its goes to or over it. */
    private boolean sendsToTheInternet(int c) {
        if (frozen.facts().internetFacing(c)) {
            return true;
        }
        for (int f : frozen.flowsOut(c)) {
            if (frozen.facts().internet(frozen.flowTo(f))) {
                return true;
            }
            for (int n : frozen.networksOf(f)) {
                if (frozen.facts().internet(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an attacker can crash component c: a crash-only flaw on a service they reach. */
    private boolean crashable(Propagation propagation, int c) {
        Component component = frozen.component(c);
        if (EntryPoints.exploit(component, dev.mamori.model.Scales.ExploitEffect.CRASH)
                .isEmpty()) {
            return false;
        }
        int zone = frozen.zoneOf(c);
        return reachedFromOutside(propagation, c)
                || (zone >= 0 && propagation.controlled(frozen.componentCount() + zone));
    }

    /** Whether outsiders reach component c: it is exposed, and no plan took it out of their reach. */
    private boolean reachedFromOutside(Propagation propagation, int c) {
        return (frozen.facts().internetFacing(c)
                        || !frozen.component(c).exposure().isEmpty())
                && !exposureCut(propagation, c);
    }

    /** The known flaw that crashes component c; only for a component that has one. */
    private String crashFlaw(int c) {
        return EntryPoints.exploit(frozen.component(c), dev.mamori.model.Scales.ExploitEffect.CRASH)
                .orElseThrow()
                .flaw();
    }

    /** Whether a plan took component c out of outsiders' reach: its exposure relation is cut. */
    private boolean exposureCut(Propagation propagation, int c) {
        for (int i = graph.inStart(c); i < graph.inControlEnd(c); i++) {
            int e = graph.inEdge(i);
            if (graph.relation(e) == Relation.EXPOSURE && graph.from(e) == graph.outsiders()) {
                return propagation.removed(e);
            }
        }
        return false;
    }

    /**
     * The paths to every controlled component outside the system its attacker started in ({@code
     * across}), or inside it, one hop or more from the entry; most likely first, at most 100.
     */
    private List<SystemicAnalysis.Path> paths(Propagation propagation, boolean across) {
        List<Integer> reached = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (!propagation.controlled(c)) {
                continue;
            }
            boolean crosses = graph.systemOf(propagation.entryOf(c)) != frozen.systemOf(c);
            if (across ? crosses : !crosses && propagation.entryOf(c) != c) {
                reached.add(c);
            }
        }
        reached.sort(Comparator.comparingDouble((Integer c) -> -propagation.probability(c))
                .thenComparing(c -> frozen.component(c).id()));
        List<SystemicAnalysis.Path> paths = new ArrayList<>();
        for (int c : reached.subList(0, Math.min(100, reached.size()))) {
            paths.add(new SystemicAnalysis.Path(
                    frozen.component(c).id(),
                    frozen.component(c).system(),
                    graph.name(propagation.entryOf(c)) + " (" + propagation.entryReason(c) + ")",
                    propagation.probability(c),
                    propagation.path(c),
                    basis(propagation, c)));
        }
        return paths;
    }

    /**
     * What a path rests on: alleged when every one of its relations (the way in included) is a fact a
     * source alleges; assumed when any rests on an assumption or a marked fact; else stated.
     */
    private String basis(Propagation propagation, int node) {
        boolean allAlleged = true;
        boolean anyAssumed = false;
        for (int n = node; propagation.parentEdge(n) >= 0; n = graph.from(propagation.parentEdge(n))) {
            int e = propagation.parentEdge(n);
            allAlleged &= graph.alleged(e);
            anyAssumed |= graph.assumed(e);
        }
        return allAlleged && anyAssumed ? "alleged" : anyAssumed ? "assumed" : "stated";
    }

    /** "5000", or "1 of 5000" when only part of a fleet is held. */
    private String unitsInWords(int c, long held) {
        long count = frozen.component(c).count();
        return held == count ? Long.toString(count) : held + " of " + count;
    }

    private List<SystemicAnalysis.HazardReach> hazards(Propagation propagation, long[] units) {
        List<SystemicAnalysis.HazardReach> out = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (!propagation.controlled(c)) {
                continue;
            }
            for (Hazard hazard : frozen.component(c).hazards()) {
                out.add(new SystemicAnalysis.HazardReach(
                        hazard.id(),
                        Words.of(hazard.severity()),
                        hazard.interlock().isPresent(),
                        propagation.probability(c),
                        propagation.path(c),
                        units[c],
                        frozen.component(c).count()));
            }
        }
        out.sort(Comparator.comparing((SystemicAnalysis.HazardReach h) -> h.interlocked())
                .thenComparing(
                        SystemicAnalysis.HazardReach::severity,
                        Comparator.comparingInt(SystemicAnalyzer::severityRank).reversed())
                .thenComparing(Comparator.comparingDouble(SystemicAnalysis.HazardReach::probability)
                        .reversed()));
        return out;
    }

    private static int severityRank(String severity) {
        return List.of("negligible", "marginal", "critical", "catastrophic").indexOf(severity);
    }

    /** Missions whose needs cannot be met once the components {@code lost} accepts are taken away. */
    private List<Map.Entry<String, List<String>>> missions(IntPredicate lost) {
        List<Map.Entry<String, List<String>>> out = new ArrayList<>();
        for (int m = 0; m < missionNeeds.size(); m++) {
            Mission mission = frozen.missions().get(m);
            NeedsCircuit needs = missionNeeds.get(m);
            if (!needs.holds(lost)) {
                List<String> hit = new ArrayList<>();
                for (int c : needs.leaves()) {
                    if (lost.test(c)) {
                        hit.add(frozen.component(c).id());
                    }
                }
                out.add(Map.entry(mission.id(), hit));
            }
        }
        return out;
    }

    // ---- blast radius ----------------------------------------------------------------------------

    private List<SystemicAnalysis.SystemRadius> blastRadius() {
        BlastRadius radius = BlastRadius.of(graph);
        List<SystemicAnalysis.SystemRadius> out = new ArrayList<>();
        for (int s = 0; s < frozen.systemCount(); s++) {
            List<String> reached = new ArrayList<>();
            int score = 0;
            List<String> heavy = new ArrayList<>();
            for (int t = 0; t < frozen.systemCount(); t++) {
                if (t != s && radius.reaches(s, t)) {
                    IotSystem target = frozen.system(t);
                    reached.add(target.id());
                    int weight = frozen.facts().weight(t);
                    score += weight;
                    if (weight > 1) {
                        heavy.add(target.id() + " (" + target.category() + ")");
                    }
                }
            }
            String explanation = reached.isEmpty()
                    ? "a compromise of " + frozen.system(s).id() + " stays inside it"
                    : "a compromise of " + frozen.system(s).id() + " reaches " + reached.size() + " other system"
                            + (reached.size() == 1 ? "" : "s")
                            + (heavy.isEmpty() ? "" : ", among them " + String.join(", ", heavy));
            out.add(new SystemicAnalysis.SystemRadius(frozen.system(s).id(), reached, score, explanation));
        }
        out.sort(Comparator.comparingInt(SystemicAnalysis.SystemRadius::score)
                .reversed()
                .thenComparing(SystemicAnalysis.SystemRadius::system));
        return out;
    }

    // ---- isolation ----------------------------------------------------------------------------

    /** What cutting or hardening each relation of the propagation graph costs, and the remedy in words with its cost. */
    record EdgeCosts(long[] cost, String[] why) {}

    private EdgeCosts edgeCosts() {
        long[] cost = new long[graph.edgeCount()];
        String[] why = new String[graph.edgeCount()];
        Map<Integer, List<String>> missionsOf = missionsByComponent();
        Assumptions costs = frozen.landscape().assumptions();
        for (int e = 0; e < graph.edgeCount(); e++) {
            long base;
            String means;
            switch (graph.relation(e)) {
                case COMMAND -> {
                    if (frozen.facts().hardwired(graph.source(e))) {
                        // Not a change anyone should make: the wire is the function (a fail-safe
                        // release, a trip). It stays a cut of last resort, priced out of every plan
                        // that has another way.
                        base = HARDWIRED;
                        means = "a hardwired signal: keep it, and keep the attacker off " + graph.name(graph.from(e))
                                + " instead";
                    } else {
                        base = costs.cost(PlanChange.LIMIT_COMMANDS);
                        // Authorization does not help once the authorized sender is taken.
                        means = "limit what " + graph.name(graph.to(e))
                                + " accepts over this flow to a safe envelope it enforces itself"
                                + " (limits, an interlock), or cut the flow";
                    }
                }
                case INTERCEPT -> {
                    base = costs.cost(PlanChange.PROTECT_FLOW);
                    String encryption = DataPlan.protection(frozen, frozen.flow(graph.source(e)));
                    means = "protect " + frozen.flowName(graph.source(e)) + " end to end (" + encryption
                            + ", or a strong authentication of each command), so that "
                            + (graph.from(e) == graph.outsiders()
                                    ? "nobody within radio range can read or forge it"
                                    : graph.name(graph.from(e)) + " on its path can neither read nor forge it");
                }
                case UPDATE -> {
                    base = costs.cost(PlanChange.VERIFY_UPDATES);
                    // The update path is the function: it stays, and what it installs is checked
                    // against something the update source does not hold.
                    means = "have " + graph.name(graph.to(e)) + " install only what is verified against a key "
                            + graph.name(graph.from(e)) + " does not hold (signing kept offline at the vendor,"
                            + " reproducible builds), and stage its updates instead of taking them as they come";
                }
                case CREDENTIAL -> {
                    base = costs.cost(PlanChange.REVOKE_CREDENTIAL);
                    // Never ask for what is already in place: a credential behind MFA is still
                    // taken with its holder, so what is left is to revoke it or narrow who holds it.
                    means = frozen.credential(graph.source(e)).mfa()
                            ? "revoke the credential, or take it off " + graph.name(graph.from(e))
                                    + " (it is already behind MFA, which does not help once its holder is taken)"
                            : "revoke the credential, or put it behind MFA on a host the owner controls";
                }
                case ZONE_MEMBER -> {
                    base = costs.cost(PlanChange.SEGMENT);
                    means = "segment " + graph.name(graph.from(e)) + " from the rest of " + graph.name(graph.to(e));
                }
                case LATERAL -> {
                    base = costs.cost(PlanChange.HARDEN_LOGIN);
                    // The remedy is what let the neighbour in: a known flaw is patched (a login
                    // does not help against it), a weak or unknown login is made unique.
                    Component target = frozen.component(graph.to(e));
                    means = EntryPoints.controlExploit(target)
                            .map(x -> "patch " + x.flaw() + " on " + target.id()
                                    + (PropagationGraph.weakness(target.credentials()) > 0
                                            ? ", and give it unique credentials"
                                            : ""))
                            .orElse("give " + target.id() + " unique credentials");
                }
                case EXPOSURE -> {
                    int to = graph.to(e);
                    if (graph.isAccount(to)) {
                        base = costs.cost(PlanChange.RESET_ACCOUNT);
                        Account account = frozen.account(graph.accountOf(to));
                        means = account.state().contains(AccountState.DORMANT)
                                ? "disable " + account.id() + ", which nobody uses"
                                : "reset the secret of " + account.id() + " and require a second factor where it"
                                        + " logs in";
                    } else {
                        Component component = frozen.component(to);
                        EntryPoints.Exposed exposed = EntryPoints.of(frozen, to).orElseThrow();
                        String login = PropagationGraph.weakness(component.credentials()) > 0
                                ? "; give it a unique login"
                                : "";
                        String patch = EntryPoints.controlExploit(component)
                                .map(x -> "; patch " + x.flaw() + " first")
                                .orElse("");
                        // The remedy fits the way outsiders get at it: a service stays, behind a
                        // filter; a radio is paired or switched off; a device in public is locked.
                        switch (exposed.way()) {
                            case INTERNET, PARTNER -> {
                                base = costs.cost(PlanChange.FILTER_EXPOSURE);
                                means = "take " + component.id() + " out of outsiders' reach: allow only known peers,"
                                        + " or put it behind the VPN" + patch + login;
                            }
                            case RADIO -> {
                                base = costs.cost(PlanChange.CLOSE_RADIO);
                                means = "close " + component.id() + "'s radio to strangers: switch off what is not"
                                        + " used, allow only paired devices" + patch + login;
                            }
                            case PHYSICAL -> {
                                base = costs.cost(PlanChange.LOCK_AWAY);
                                means = "lock " + component.id() + "'s enclosure and service ports away from the"
                                        + " public" + patch + login;
                            }
                            default -> {
                                base = costs.cost(PlanChange.RESTRICT_USERS);
                                means = "restrict what people can open, run or plug in on " + component.id()
                                        + " (application allow-listing, no removable media)";
                            }
                        }
                    }
                }
                case HARVEST -> {
                    Account account = frozen.account(graph.source(e));
                    if (account.state().contains(AccountState.EMBEDDED)) {
                        // A secret in the software is changed by a software release, not by a setting.
                        base = costs.cost(PlanChange.RELEASE_WITHOUT_SECRET);
                        means = "take the secret of " + account.id() + " out of " + graph.name(graph.from(e))
                                + "'s software (a release), giving each host its own";
                    } else {
                        base = costs.cost(PlanChange.KEEP_SECRET_OFF);
                        means = "keep " + account.id() + "'s secret off " + graph.name(graph.from(e))
                                + ": log in there with an account of its own tier, store no secret there";
                    }
                }
                case LOGIN -> {
                    base = costs.cost(PlanChange.SECOND_FACTOR);
                    Account account = frozen.account(graph.source(e));
                    String target = graph.name(graph.to(e));
                    if (account.state().contains(AccountState.DORMANT)) {
                        means = "disable " + account.id() + ", which nobody uses";
                    } else if (account.mfa()) {
                        // Never ask for what is in place: a second factor already guards it.
                        means = "allow " + account.id() + " to log in to " + target
                                + " only from where it is needed (it already needs a second factor)";
                    } else {
                        means = "require a second factor for " + account.id() + " on " + target
                                + (account.state().contains(AccountState.LEAKED) ? ", and reset its secret" : "");
                    }
                }
                default -> {
                    base = 0;
                    means = "";
                }
            }
            List<String> missions = new ArrayList<>();
            if (graph.relation(e) == Relation.COMMAND || graph.relation(e) == Relation.CREDENTIAL) {
                List<String> fromMissions = missionsOf.getOrDefault(graph.from(e), List.of());
                for (String m : missionsOf.getOrDefault(graph.to(e), List.of())) {
                    if (fromMissions.contains(m)) {
                        missions.add(m);
                    }
                }
            }
            int perMission = costs.cost(PlanChange.PER_MISSION);
            cost[e] = base + (long) perMission * missions.size();
            why[e] = means + " (cost " + base
                    + (missions.isEmpty()
                            ? ""
                            : ", +" + perMission + " for each mission that needs both ends: "
                                    + String.join(", ", missions))
                    + ")";
        }
        return new EdgeCosts(cost, why);
    }

    /** The data asset a name stands for, when it names no system, component, hazard or mission. */
    private Optional<Integer> dataNamed(String name) {
        if (target(name).isPresent()) {
            return Optional.empty();
        }
        return frozen.dataId(name);
    }

    private SystemicAnalysis.Isolation isolate(String fromName, EntryPoints entries, String protectName) {
        Optional<Integer> data = dataNamed(protectName);
        if (data.isPresent()) {
            return new DataPlan(frozen, graph, this::element, edgeCosts()).isolate(fromName, entries, data.get());
        }
        int[] protectedComponents;
        try {
            protectedComponents = components(protectName);
        } catch (UnknownElement unknown) {
            List<String> names = targetNames();
            frozen.landscape().allData().forEach(d -> names.add(d.id()));
            throw new UnknownElement("no system, component, hazard, mission or data asset '" + protectName + "'"
                    + Suggestions.didYouMean(protectName, names));
        }
        Optional<NeedsCircuit> mission = missionNamed(protectName);
        EdgeCosts edgeCosts = edgeCosts();
        long[] cost = edgeCosts.cost();
        boolean[] isSource = new boolean[graph.nodeCount()];
        for (int s : entries.nodes()) {
            isSource[s] = true;
        }
        // Two plans, the cheaper checked one printed: cut first, then take away by capacity, a
        // patch or a spare the outages no cut reaches; or take away first the outages that stop
        // the mission as the model stands, then cut what is left (absorbing a flood can be cheaper
        // than cutting off every device that floods).
        Relief none = Relief.none(frozen.componentCount());
        Candidate chosen = candidate(entries, protectedComponents, mission, cost, isSource, none);
        // Whether anything was to be done at all is the plan without relief's first round.
        boolean alreadyIsolated = !chosen.reachedAtFirst();
        if (mission.isPresent()) {
            Relief first = relief(Propagation.from(graph, entries), mission.get(), none);
            if (!first.changes().isEmpty()) {
                Candidate reliefFirst = candidate(entries, protectedComponents, mission, cost, isSource, first);
                boolean verified = reliefFirst.reaching().isEmpty();
                if (verified && (!chosen.reaching().isEmpty() || reliefFirst.total() < chosen.total())) {
                    chosen = reliefFirst;
                }
            }
        }
        List<SystemicAnalysis.Cut> cuts = new ArrayList<>();
        for (int e : chosen.cutEdges()) {
            cuts.add(new SystemicAnalysis.Cut(
                    graph.name(graph.from(e)),
                    graph.name(graph.to(e)),
                    graph.relation(e),
                    element(e),
                    graph.weakness(e),
                    cost[e],
                    edgeCosts.why()[e]));
        }
        List<String> dominators = new ArrayList<>();
        for (int d : chosen.firstDominators()) {
            // "hardening one alone isolates" is a claim a person acts on: checked like the plan,
            // with every relation into the node cut.
            if (stillReaching(
                            Propagation.from(graph, entries, cutInto(d)), protectedComponents, mission, chosen.relief())
                    .isEmpty()) {
                dominators.add(graph.name(d));
            }
        }
        Propagation residual = chosen.after();
        List<String> still = chosen.reaching().stream()
                .map(c -> graph.name(c)
                        + (isSource[c]
                                ? " (held directly, " + entries.reasonOf(c) + ")"
                                : residual.controlled(c)
                                        ? ", reached from " + graph.name(residual.entryOf(c))
                                        : " (" + outageOf(residual, c) + ")"))
                .toList();
        return new SystemicAnalysis.Isolation(
                fromName,
                protectName,
                cuts,
                chosen.total(),
                dominators,
                alreadyIsolated,
                chosen.reaching().isEmpty(),
                still,
                chosen.rounds(),
                chosen.relief().changes(),
                kindOf(protectName));
    }

    /**
     * Outages a plan takes away rather than cuts: floods absorbed (capacity), crashes patched or
     * covered by a spare; with the changes that do it and what they cost.
     */
    private record Relief(boolean[] absorbed, boolean[] relieved, List<SystemicAnalysis.Change> changes) {
        static Relief none(int components) {
            return new Relief(new boolean[components], new boolean[components], List.of());
        }

        long cost() {
            return changes.stream().mapToLong(SystemicAnalysis.Change::cost).sum();
        }
    }

    /** One plan: its cuts, what they and its relief cost, and its check. */
    private record Candidate(
            List<Integer> cutEdges,
            long total,
            int[] firstDominators,
            boolean reachedAtFirst,
            List<Integer> reaching,
            Propagation after,
            int rounds,
            Relief relief) {}

    /**
     * A plan that cuts with {@code relief} in place from the start, then relieves what still stops
     * the mission when no cut reaches it, where that makes the check pass.
     */
    private Candidate candidate(
            EntryPoints entries,
            int[] protectedComponents,
            Optional<NeedsCircuit> mission,
            long[] cost,
            boolean[] isSource,
            Relief relief) {
        // A plan is printed only once it has been checked: its cuts are applied to the graph and
        // compromise spread again. A mission can be stopped without any of its needs being
        // controlled (an attacker who holds the network its flows travel over takes them down), so
        // what still takes it down becomes a target too and the residual graph is cut again, until
        // the check passes or what is left is held from the start (an entry point no relation of
        // the model leads to).
        boolean[] removed = new boolean[graph.edgeCount()];
        Set<Integer> targets = new LinkedHashSet<>();
        for (int c : protectedComponents) {
            targets.add(c);
        }
        List<Integer> cutEdges = new ArrayList<>();
        long total = relief.cost();
        int[] firstDominators = new int[0];
        boolean reachedAtFirst = false;
        List<Integer> reaching;
        Propagation after;
        int rounds = 0;
        while (true) {
            rounds++;
            // A target the attacker can take directly (a turnstile within reach of anyone at the
            // plaza) is still kept from every other entry point and kept from reaching the other
            // targets: two cuts on the residual graph, one from the other entry points to every
            // target, one from the targets held directly to the rest.
            List<Integer> others = new ArrayList<>();
            for (int s : entries.nodes()) {
                if (!targets.contains(s)) {
                    others.add(s);
                }
            }
            List<Integer> heldTargets = new ArrayList<>();
            List<Integer> restTargets = new ArrayList<>();
            for (int t : targets) {
                (isSource[t] ? heldTargets : restTargets).add(t);
            }
            IsolationPlan plan = IsolationPlan.between(graph, ints(others), ints(targets), cost, removed);
            total += apply(plan, removed, cutEdges, cost);
            boolean reachable = plan.reachable();
            if (rounds == 1) {
                firstDominators = plan.dominators();
            }
            if (!heldTargets.isEmpty() && !restTargets.isEmpty()) {
                IsolationPlan inner = IsolationPlan.between(graph, ints(heldTargets), ints(restTargets), cost, removed);
                total += apply(inner, removed, cutEdges, cost);
                reachable |= inner.reachable();
            }
            after = Propagation.from(graph, entries, removed);
            reaching = stillReaching(after, protectedComponents, mission, relief);
            if (rounds == 1) {
                reachedAtFirst = reachable || !heldTargets.isEmpty() || !reaching.isEmpty();
            }
            boolean extended = false;
            for (int c : reaching) {
                extended |= targets.add(c);
            }
            if (reaching.isEmpty() || !extended) {
                break;
            }
        }
        // What no cut keeps away — a flood from devices held from the start, a crash of a service
        // the attacker reaches by its own exposure — is taken away where that is what stops the
        // mission: capacity, a patch or a spare, checked like the cuts.
        if (!reaching.isEmpty() && mission.isPresent()) {
            Relief more = relief(after, mission.get(), relief);
            List<Integer> left = stillReaching(after, protectedComponents, mission, more);
            if (left.isEmpty()) {
                total += more.cost() - relief.cost();
                relief = more;
                reaching = left;
            }
        }
        return new Candidate(cutEdges, total, firstDominators, reachedAtFirst, reaching, after, rounds, relief);
    }

    /**
     * {@code base} and, besides it, each flood and crash under {@code propagation} whose target's
     * loss alone stops the mission: a flood absorbed by a second provider or a scrubbing service, a
     * crash patched or covered by a spare out of the attacker's reach, whichever costs less.
     */
    private Relief relief(Propagation propagation, NeedsCircuit mission, Relief base) {
        Assumptions costs = frozen.landscape().assumptions();
        boolean[] absorbed = base.absorbed().clone();
        boolean[] relieved = base.relieved().clone();
        List<SystemicAnalysis.Change> changes = new ArrayList<>(base.changes());
        long capacity = costs.cost(PlanChange.ADD_CAPACITY);
        for (FloodedComponent flood : floods(propagation, HeldUnits.of(frozen, graph, propagation))) {
            int t = flood.target();
            if (!absorbed[t] && !mission.holds(Outage.of(cascade, new int[] {t})::down)) {
                absorbed[t] = true;
                String id = frozen.component(t).id();
                changes.add(new SystemicAnalysis.Capacity(
                        id,
                        flood.devices(),
                        flood.capacity(),
                        capacity,
                        "give " + id + " a second provider or a scrubbing service that absorbs more than "
                                + flood.devices() + " devices (it absorbs " + flood.capacity() + "; cost " + capacity
                                + ")"));
            }
        }
        long patch = costs.cost(PlanChange.HARDEN_LOGIN);
        long spare = costs.cost(PlanChange.ADD_SPARE);
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (relieved[c] || !crashable(propagation, c) || mission.holds(Outage.of(cascade, new int[] {c})::down)) {
                continue;
            }
            relieved[c] = true;
            String id = frozen.component(c).id();
            String flaw = crashFlaw(c);
            if (patch <= spare) {
                changes.add(new SystemicAnalysis.Patch(
                        id, flaw, patch, "patch " + flaw + " on " + id + ", which crashes it (cost " + patch + ")"));
            } else {
                changes.add(new SystemicAnalysis.Spare(
                        id,
                        spare,
                        "keep a spare of " + id + " that takes over when it is lost, out of the attacker's reach"
                                + " (not exposed, its own zone and login), needing what it needs (cost " + spare
                                + ")"));
            }
        }
        return new Relief(absorbed, relieved, changes);
    }

    /** Why a component the attacker does not hold is down: the crash or the flood it suffers. */
    private String outageOf(Propagation propagation, int c) {
        return crashable(propagation, c) ? "crashed by " + crashFlaw(c) : "flooded";
    }

    /** What a name of a plan's target stands for, in words: system, component, hazard or mission. */
    private String kindOf(String name) {
        return target(name).map(found -> found.getKey().noun()).orElseThrow();
    }

    /** The names of systems, components and missions, for "did you mean". */
    private List<String> targetNames() {
        List<String> names = new ArrayList<>(frozen.landscape().systems().keySet());
        frozen.landscape().components().forEach(c -> names.add(c.id()));
        names.addAll(frozen.landscape().missions().keySet());
        return names;
    }

    /** The system, component, hazard or mission a name given on the command line stands for. */
    private Optional<Map.Entry<Kind, Object>> target(String name) {
        Ref ref = new Ref(name, null, dev.mamori.model.diagnostics.SourceLocation.startOf("command line"));
        return index.findAny(ref, List.of(Kind.SYSTEM, Kind.COMPONENT, Kind.HAZARD, Kind.MISSION));
    }

    private static int[] ints(java.util.Collection<Integer> nodes) {
        return nodes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Marks the plan's cuts as removed and lists the new ones; returns what they add to the cost. */
    private static long apply(IsolationPlan plan, boolean[] removed, List<Integer> cutEdges, long[] cost) {
        long added = 0;
        for (int e : plan.cut()) {
            if (!removed[e]) {
                removed[e] = true;
                cutEdges.add(e);
                added += cost[e];
            }
        }
        return added;
    }

    /** Every control relation into the node removed: the node hardened so that no one takes it over. */
    private boolean[] cutInto(int node) {
        boolean[] removed = new boolean[graph.edgeCount()];
        for (int i = graph.inStart(node); i < graph.inControlEnd(node); i++) {
            removed[graph.inEdge(i)] = true;
        }
        return removed;
    }

    /**
     * What the attacker still holds that reaches the protected components: those of them it
     * controls; for a mission, when what it holds stops it, also each held component whose loss
     * alone takes one of the lost needs down (else every held component, which guarantees the next
     * round progresses).
     */
    private List<Integer> stillReaching(
            Propagation propagation, int[] protectedComponents, Optional<NeedsCircuit> mission, Relief relief) {
        Set<Integer> out = new LinkedHashSet<>();
        for (int c : protectedComponents) {
            if (propagation.controlled(c)) {
                out.add(c);
            }
        }
        if (mission.isEmpty()) {
            return List.copyOf(out);
        }
        List<FloodedComponent> floods = floods(propagation, HeldUnits.of(frozen, graph, propagation));
        Outage outage = underAttack(propagation, floods, relief);
        if (mission.get().holds(outage::down)) {
            return List.copyOf(out);
        }
        List<Integer> held = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (propagation.controlled(c)) {
                held.add(c);
            }
        }
        int[] leaves = mission.get().leaves();
        boolean any = false;
        for (int c : held) {
            Outage alone = Outage.of(cascade, new int[] {c});
            for (int leaf : leaves) {
                if (alone.down(leaf) && outage.down(leaf)) {
                    out.add(c);
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            // No held component's loss alone explains it: a crash or a flood no relief takes away
            // may, and is named, so that the plan is never called verified while the mission
            // stops (a crash reached from a foothold in the component's zone names the zone, which
            // a cut can take from the attacker); so is every held component, whose losses may
            // stop it together.
            for (int c = 0; c < frozen.componentCount(); c++) {
                if (crashable(propagation, c) && !relief.relieved()[c]) {
                    out.add(reachedFromOutside(propagation, c) ? c : frozen.componentCount() + frozen.zoneOf(c));
                }
            }
            for (FloodedComponent flood : floods) {
                if (!relief.absorbed()[flood.target()]) {
                    out.add(flood.target());
                }
            }
            out.addAll(held);
        }
        return List.copyOf(out);
    }

    /** The needs of the mission a name stands for, when it names a mission rather than a system or component. */
    private Optional<NeedsCircuit> missionNamed(String name) {
        Optional<Map.Entry<Kind, Object>> found = target(name);
        if (found.isPresent() && found.get().getValue() instanceof Mission mission) {
            int m = frozen.missions().indexOf(mission);
            return m < 0 ? Optional.empty() : Optional.of(missionNeeds.get(m));
        }
        return Optional.empty();
    }

    /** What an edge of the propagation graph is in the model: a flow, a credential relation or a zone. */
    String element(int e) {
        return switch (graph.relation(e)) {
            case COMMAND, INTERCEPT, DATA -> {
                var flow = frozen.flow(graph.source(e));
                int f = graph.source(e);
                yield flow.named()
                        ? flow.id()
                        : "flow " + frozen.component(frozen.flowFrom(f)).id() + " -> "
                                + frozen.component(frozen.flowTo(f)).id();
            }
            case CREDENTIAL ->
                "credential " + frozen.credential(graph.source(e)).id();
            case ZONE_MEMBER, LATERAL -> "zone " + frozen.zone(graph.source(e)).id();
            case HARVEST, LOGIN -> "account " + frozen.account(graph.source(e)).id();
            case UPDATE -> "updates of " + frozen.component(graph.source(e)).id();
            case EXPOSURE ->
                graph.isAccount(graph.to(e))
                        ? "account "
                                + frozen.account(graph.accountOf(graph.to(e))).id()
                        : "exposure of " + graph.name(graph.to(e));
        };
    }

    private Map<Integer, List<String>> missionsByComponent() {
        Map<Integer, List<String>> out = new HashMap<>();
        for (Mission mission : frozen.missions()) {
            for (int c : frozen.neededBy(mission)) {
                out.computeIfAbsent(c, k -> new ArrayList<>()).add(mission.id());
            }
        }
        return out;
    }

    // ---- outage -------------------------------------------------------------------------------

    private SystemicAnalysis.OutageEffect outage(List<String> names) {
        Set<Integer> failed = new LinkedHashSet<>();
        for (String name : names) {
            for (int c : components(name)) {
                failed.add(c);
            }
        }
        Outage outage =
                Outage.of(cascade, failed.stream().mapToInt(Integer::intValue).toArray());
        List<String> down = new ArrayList<>();
        for (int c = 0; c < frozen.componentCount(); c++) {
            if (outage.down(c) && !failed.contains(c)) {
                down.add(frozen.component(c).id());
            }
        }
        List<String> stopped =
                missions(outage::down).stream().map(Map.Entry::getKey).toList();
        return new SystemicAnalysis.OutageEffect(
                failed.stream().map(c -> frozen.component(c).id()).toList(), down, stopped);
    }
}
