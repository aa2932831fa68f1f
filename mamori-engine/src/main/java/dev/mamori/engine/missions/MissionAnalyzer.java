package dev.mamori.engine.missions;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.graph.NeedsCircuit;
import dev.mamori.engine.missions.MissionAnalysis.Status;
import dev.mamori.engine.systemic.Cascade;
import dev.mamori.engine.systemic.EntryPoints;
import dev.mamori.engine.systemic.Outage;
import dev.mamori.engine.systemic.Propagation;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Component;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Mission;
import dev.mamori.model.Ref;
import dev.mamori.model.Restoration;
import dev.mamori.model.Scales.Backup;
import dev.mamori.model.Scenario;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Runs the mission analyses over a frozen graph: criticality, attack, scenarios and robustness. */
public final class MissionAnalyzer {

    /**
     * @param scenarios the model's scenarios to run by id; empty runs them all
     * @param fail components or systems to fail in an extra scenario given on the command line
     * @param compromise components or systems an attacker holds in that scenario
     * @param samples random samples per point of the robustness curve; 0 leaves it out
     * @param pairLimit how many upstream components per mission the pairs (N-2) are drawn from
     */
    public record Options(
            List<String> scenarios, List<String> fail, List<String> compromise, int samples, long seed, int pairLimit) {
        public static Options defaults() {
            return new Options(List.of(), List.of(), List.of(), 50, 1, 40);
        }
    }

    /** Sorts steps whose start or end cannot be said after every other. */
    private static final Duration UNKNOWN_TIME = Duration.ofSeconds(Long.MAX_VALUE);

    private final FrozenGraph graph;
    private final SystemicAnalyzer systemic;
    private final Cascade cascade;
    private final CompiledMissions missions;

    public MissionAnalyzer(FrozenGraph graph, SystemicAnalyzer systemic) {
        this.graph = graph;
        this.systemic = systemic;
        this.cascade = systemic.cascade();
        this.missions = new CompiledMissions(graph);
    }

    public MissionAnalysis analyze(Options options) {
        Criticality criticality = new Criticality(graph, cascade, missions);
        List<Criticality.Effect> single = criticality.single();
        List<MissionAnalysis.MissionCriticality> perMission = new ArrayList<>();
        Attack attack = attack();
        List<List<Criticality.Effect>> byMission = new ArrayList<>();
        for (int m = 0; m < missions.count(); m++) {
            byMission.add(new ArrayList<>());
        }
        single.forEach(e -> byMission.get(e.mission()).add(e));
        boolean[] alone = new boolean[graph.componentCount()];
        for (int m = 0; m < missions.count(); m++) {
            List<MissionAnalysis.Critical> critical = new ArrayList<>();
            for (Criticality.Effect e : byMission.get(m)) {
                alone[e.component()] = true;
                critical.add(new MissionAnalysis.Critical(id(e.component()), e.status(), ids(e.needsLost())));
            }
            int[] upstream = criticality.upstream(m, alone, options.pairLimit());
            boolean complete = upstream.length <= options.pairLimit();
            int[] candidates = complete ? upstream : Arrays.copyOf(upstream, options.pairLimit());
            for (Criticality.Effect e : byMission.get(m)) {
                alone[e.component()] = false; // the marks are this mission's only
            }
            List<MissionAnalysis.CriticalPair> pairs = criticality.pairs(m, candidates).stream()
                    .map(p -> new MissionAnalysis.CriticalPair(
                            id(p.first()), id(p.second()), p.status(), ids(p.needsLost())))
                    .toList();
            Mission mission = missions.missions.get(m);
            perMission.add(new MissionAnalysis.MissionCriticality(
                    mission.id(),
                    mission.name(),
                    ids(missions.needs[m].leaves()),
                    NeedsCircuit.describe(graph, mission.needs()),
                    critical,
                    pairs,
                    candidates.length,
                    complete,
                    attack.routes(m),
                    missions.status(m, attack.down) == Status.STOPPED));
        }
        List<MissionAnalysis.ScenarioResult> scenarios = new ArrayList<>();
        for (Scenario scenario : chosen(options.scenarios())) {
            scenarios.add(scenario(scenario));
        }
        if (!options.fail().isEmpty() || !options.compromise().isEmpty()) {
            scenarios.add(run(
                    "command-line",
                    "Given on the command line",
                    describe(options),
                    named(options.fail()),
                    named(options.compromise()),
                    new int[0],
                    Optional.empty()));
        }
        return new MissionAnalysis(
                perMission,
                singlePoints(single),
                scenarios,
                Robustness.curve(cascade, missions, options.samples(), options.seed()));
    }

    /** N-1 alone: every component failed in turn, ranked by the missions it stops or degrades. */
    public List<MissionAnalysis.SinglePoint> singlePointsOfFailure() {
        return singlePoints(new Criticality(graph, cascade, missions).single());
    }

    /** One scenario of the model: what it stops, when each mission is back, the restoration order. */
    public MissionAnalysis.ScenarioResult scenario(Scenario scenario) {
        return run(
                scenario.id(),
                scenario.name(),
                scenario.description(),
                scenarioComponents(scenario.fails(), scenario.failsTagged()),
                scenarioComponents(scenario.compromised(), List.of()),
                scenarioComponents(scenario.shutDown(), List.of()),
                scenario.decidedBy().map(Ref::text));
    }

    // ---- scenarios -------------------------------------------------------------------------------

    /** A scenario name that names nothing. */
    public static final class UnknownScenario extends IllegalArgumentException {
        UnknownScenario(String message) {
            super(message);
        }
    }

    private List<Scenario> chosen(List<String> names) {
        Map<String, Scenario> all = graph.landscape().scenarios();
        if (names.isEmpty()) {
            return List.copyOf(all.values());
        }
        List<Scenario> out = new ArrayList<>();
        for (String name : names) {
            Scenario s = all.get(name);
            if (s == null) {
                throw new UnknownScenario("no scenario '" + name + "'"
                        + (all.isEmpty()
                                ? "; the model defines none (add them under 'scenarios')"
                                : Suggestions.didYouMean(name, all.keySet())));
            }
            out.add(s);
        }
        return out;
    }

    private static String describe(Options options) {
        List<String> parts = new ArrayList<>();
        if (!options.fail().isEmpty()) {
            parts.add(String.join(", ", options.fail()) + " fail");
        }
        if (!options.compromise().isEmpty()) {
            parts.add(String.join(", ", options.compromise()) + " compromised");
        }
        return String.join("; ", parts);
    }

    private int[] named(List<String> names) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String name : names) {
            for (int c : systemic.components(name)) {
                out.add(c);
            }
        }
        return Criticality.ints(List.copyOf(out));
    }

    private int[] scenarioComponents(List<Ref> refs, List<String> tags) {
        Set<Integer> out = new LinkedHashSet<>();
        for (Ref ref : refs) {
            graph.elements().findAny(ref, List.of(Kind.COMPONENT, Kind.SYSTEM)).ifPresent(found -> {
                if (found.getValue() instanceof Component c) {
                    graph.componentId(c.id()).ifPresent(out::add);
                } else if (found.getValue() instanceof IotSystem s) {
                    s.components()
                            .values()
                            .forEach(c -> graph.componentId(c.id()).ifPresent(out::add));
                }
            });
        }
        for (int c = 0; c < graph.componentCount() && !tags.isEmpty(); c++) {
            for (String tag : tags) {
                if (graph.component(c).tags().contains(tag)) {
                    out.add(c);
                }
            }
        }
        return Criticality.ints(List.copyOf(out));
    }

    /**
     * @param shutDown components people stop as a precaution: down like a failure, but nothing is
     *     broken; each restarts, by the decision of {@code decidedBy}, once everything the scenario's
     *     attacker held is back (the reason for stopping is gone), and takes no repair time of its own
     */
    private MissionAnalysis.ScenarioResult run(
            String id,
            String name,
            String description,
            int[] failed,
            int[] compromisedEntries,
            int[] shutDown,
            Optional<String> decidedBy) {
        int n = graph.componentCount();
        boolean[] compromised = new boolean[n];
        if (compromisedEntries.length > 0) {
            // A rehearsal states what follows from the model's facts: relations that rest on an
            // assumption of the landscape (an unknown login taken as weak) are not followed.
            Propagation p = Propagation.from(
                    systemic.graph(),
                    EntryPoints.assumed(compromisedEntries, "compromised in scenario " + id),
                    systemic.graph().assumedEdges());
            for (int c = 0; c < n; c++) {
                compromised[c] = p.controlled(c);
            }
        }
        boolean[] toRestore = compromised.clone();
        for (int c : failed) {
            toRestore[c] = true;
        }
        boolean[] stopped = new boolean[n];
        for (int c : shutDown) {
            stopped[c] = !toRestore[c]; // what is broken or held is restored as such, not restarted
            toRestore[c] = true;
        }
        List<Integer> restoreList = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (toRestore[c]) {
                restoreList.add(c);
            }
        }
        boolean[] down = new boolean[n];
        for (int c : cascade.run(Criticality.ints(restoreList), null)) {
            down[c] = true;
        }
        long[] duration = new long[n];
        Arrays.fill(duration, -2);
        String[] how = new String[n];
        int[][] after = new int[n][];
        int[] held = restoreList.stream()
                .filter(c -> compromised[c])
                .mapToInt(Integer::intValue)
                .toArray();
        for (int c = 0; c < n; c++) {
            after[c] = toRestore[c] ? after(c) : new int[0];
            if (stopped[c]) {
                after[c] = held;
                duration[c] = 0;
                how[c] = "restart once what was compromised is back"
                        + decidedBy.map(s -> ", as " + s + " decides").orElse("");
            } else if (toRestore[c]) {
                Optional<Restoration> r = graph.component(c).restore();
                Step step = step(r, compromised[c]);
                duration[c] = step.seconds;
                how[c] = step.how;
            }
        }
        RestorationSchedule schedule = new RestorationSchedule(cascade, Criticality.ints(restoreList), duration, after);
        List<MissionAnalysis.MissionOutcome> outcomes = new ArrayList<>();
        // the steps whose time the model does not give, once for every mission that waits on them
        List<Integer> unknown =
                restoreList.stream().filter(c -> duration[c] == -1).toList();
        for (int m = 0; m < missions.count(); m++) {
            outcomes.add(outcome(m, down, duration, unknown, schedule, compromised));
        }
        List<MissionAnalysis.Step> steps = new ArrayList<>();
        for (int c : restoreList) {
            steps.add(new MissionAnalysis.Step(
                    id(c),
                    compromised[c] ? "compromised" : stopped[c] ? "shut down" : "failed",
                    stopped[c] ? decidedBy.orElse(restorer(c)) : restorer(c),
                    how[c],
                    time(schedule.startAt(c)),
                    duration[c] >= 0 ? Optional.of(Duration.ofSeconds(duration[c])) : Optional.empty(),
                    time(schedule.backAt(c)),
                    ids(after[c]),
                    graph.component(c).restore().flatMap(Restoration::fallback)));
        }
        steps.sort(Comparator.comparing((MissionAnalysis.Step s) -> s.start().orElse(UNKNOWN_TIME))
                .thenComparing(s -> s.done().orElse(UNKNOWN_TIME))
                .thenComparing(MissionAnalysis.Step::component));
        List<String> downIds = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (down[c]) {
                downIds.add(id(c));
            }
        }
        return new MissionAnalysis.ScenarioResult(
                id,
                name,
                description,
                ids(failed),
                restoreList.stream().filter(c -> compromised[c]).map(this::id).toList(),
                downIds,
                outcomes,
                steps);
    }

    private record Step(long seconds, String how) {}

    /** How long restoring takes and how it is done, by what the model says about it. */
    private static Step step(Optional<Restoration> restoration, boolean compromised) {
        if (restoration.isEmpty()) {
            return new Step(-1, "no restoration described");
        }
        Restoration r = restoration.get();
        if (compromised) {
            if (r.backup() == Backup.OFFLINE) {
                return r.time()
                        .map(t -> new Step(t.getSeconds(), "restore from the offline backup"))
                        .orElse(new Step(-1, "restore from the offline backup (time not given)"));
            }
            String why = r.backup() == Backup.ONLINE
                    ? "rebuild: an online backup is assumed lost with it"
                    : "rebuild: no offline backup";
            return r.rebuildTime()
                    .map(t -> new Step(t.getSeconds(), why))
                    .orElse(new Step(-1, why + " (rebuild time not given)"));
        }
        if (r.spares() > 0) {
            Optional<Duration> swap = r.swapTime().or(r::time);
            return swap.map(t -> new Step(t.getSeconds(), "swap in a spare"))
                    .orElse(new Step(-1, "swap in a spare (time not given)"));
        }
        return r.time()
                .map(t -> new Step(t.getSeconds(), "repair or replace"))
                .orElse(new Step(-1, "repair or replace (time not given)"));
    }

    private int[] after(int c) {
        List<Integer> out = new ArrayList<>();
        for (Ref ref : graph.component(c).restore().map(Restoration::after).orElse(List.of())) {
            graph.elements()
                    .find(ref, Kind.COMPONENT, Component.class)
                    .flatMap(x -> graph.componentId(x.id()))
                    .ifPresent(out::add);
        }
        return Criticality.ints(out);
    }

    /** Who restores a component: the one named, else its maintainer, operator, system operator, owner. */
    private String restorer(int c) {
        Component component = graph.component(c);
        IotSystem system = graph.system(graph.systemOf(c));
        return component
                .restore()
                .flatMap(Restoration::by)
                .or(component::maintainer)
                .or(component::operator)
                .or(system::operator)
                .orElse(system.owner())
                .text();
    }

    private MissionAnalysis.MissionOutcome outcome(
            int m,
            boolean[] down,
            long[] duration,
            List<Integer> unknown,
            RestorationSchedule schedule,
            boolean[] compromised) {
        Mission mission = missions.missions.get(m);
        Status status = missions.status(m, down);
        List<Integer> lost = missions.needsLost(m, down);
        Optional<String> mode = missions.degradedMode(m, down)
                .map(d -> mission.degradedModes().get(d).id());
        if (status == Status.UP) {
            return new MissionAnalysis.MissionOutcome(
                    mission.id(),
                    status,
                    Optional.empty(),
                    List.of(),
                    Optional.of(Duration.ZERO),
                    mission.rto(),
                    mission.maxTolerableDowntime(),
                    objectivesGiven(mission) ? Optional.of(true) : Optional.empty(),
                    List.of(),
                    "keeps running: nothing it needs goes down",
                    List.of());
        }
        long back = missions.needs[m].backAt(schedule.backAt());
        List<Integer> chain = chain(m, back, schedule);
        String lostText = String.join(", ", ids(lost));
        if (back == RestorationSchedule.NEVER) {
            List<String> fixes = unknown.stream()
                    .limit(5)
                    .map(c -> "say how long restoring " + id(c) + " takes ('restore: time'"
                            + (compromised[c] ? ", and 'backup: offline' or 'rebuild-time'" : "")
                            + ")")
                    .toList();
            return new MissionAnalysis.MissionOutcome(
                    mission.id(),
                    status,
                    mode,
                    ids(lost),
                    Optional.empty(),
                    mission.rto(),
                    mission.maxTolerableDowntime(),
                    Optional.empty(),
                    List.of(),
                    (status == Status.DEGRADED ? "degraded" : "stopped") + ": loses " + lostText
                            + "; when it is back cannot be said, since the model gives no restore time for "
                            + String.join(", ", ids(unknown.subList(0, Math.min(5, unknown.size()))))
                            + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : ""),
                    fixes);
        }
        Duration backAfter = Duration.ofSeconds(back);
        long stoppedFor = back;
        String degradedText = "";
        if (status == Status.DEGRADED) {
            Optional<Duration> tolerable = mission.degradedModes().stream()
                    .filter(d -> d.id().equals(mode.orElseThrow()))
                    .findFirst()
                    .flatMap(Mission.DegradedMode::tolerableFor);
            stoppedFor = tolerable.map(t -> Math.max(0, back - t.getSeconds())).orElse(0L);
            degradedText = "runs degraded (" + mode.orElseThrow() + ")"
                    + tolerable.map(t -> ", tolerable for " + Words.of(t)).orElse("") + "; ";
        }
        long stop = stoppedFor;
        boolean meetsRto = mission.rto().map(r -> stop <= r.getSeconds()).orElse(true);
        boolean meetsDowntime =
                mission.maxTolerableDowntime().map(d -> stop <= d.getSeconds()).orElse(true);
        Optional<Boolean> meets = objectivesGiven(mission) ? Optional.of(meetsRto && meetsDowntime) : Optional.empty();
        StringBuilder why = new StringBuilder();
        why.append(status == Status.DEGRADED ? "degraded" : "stopped")
                .append(": loses ")
                .append(lostText)
                .append("; ")
                .append(degradedText)
                .append("runs fully again after ")
                .append(Words.of(backAfter));
        if (!chain.isEmpty()) {
            why.append(", waiting for ").append(describeChain(chain, schedule));
        }
        mission.rto().ifPresent(r -> why.append("; RTO ").append(Words.of(r)));
        mission.maxTolerableDowntime()
                .ifPresent(d -> why.append(", maximum tolerable downtime ").append(Words.of(d)));
        if (meets.isPresent()) {
            why.append(meets.get() ? ": met" : ": missed");
        }
        List<String> fixes = meets.orElse(true) ? List.of() : fixes(mission, chain, duration, compromised, stop);
        return new MissionAnalysis.MissionOutcome(
                mission.id(),
                status,
                mode,
                ids(lost),
                Optional.of(backAfter),
                mission.rto(),
                mission.maxTolerableDowntime(),
                meets,
                ids(chain),
                why.toString(),
                fixes);
    }

    private static boolean objectivesGiven(Mission mission) {
        return mission.rto().isPresent() || mission.maxTolerableDowntime().isPresent();
    }

    /** The components the mission waited for, from the need that came back last to the first it waited on. */
    private List<Integer> chain(int m, long back, RestorationSchedule schedule) {
        List<Integer> chain = new ArrayList<>();
        int last = -1;
        for (int c : missions.needs[m].leaves()) {
            if (schedule.backAt(c) == back && back > 0) {
                last = c;
                break;
            }
        }
        Set<Integer> seen = new LinkedHashSet<>();
        for (int c = last; c >= 0 && seen.add(c); c = schedule.waitedFor(c)) {
            chain.add(c);
        }
        return chain;
    }

    private String describeChain(List<Integer> chain, RestorationSchedule schedule) {
        List<String> parts = new ArrayList<>();
        for (int c : chain) {
            parts.add(id(c) + " (back at " + Words.of(Duration.ofSeconds(schedule.backAt(c))) + ")");
        }
        return String.join(" <- ", parts);
    }

    /** What would meet the objective: shorten the longest step on the chain, or carry on without it. */
    private List<String> fixes(
            Mission mission, List<Integer> chain, long[] duration, boolean[] compromised, long stop) {
        long limit = Math.min(
                mission.rto().map(Duration::getSeconds).orElse(Long.MAX_VALUE),
                mission.maxTolerableDowntime().map(Duration::getSeconds).orElse(Long.MAX_VALUE));
        long over = stop - limit;
        List<String> out = new ArrayList<>();
        chain.stream()
                .filter(c -> duration[c] >= 0)
                .max(Comparator.comparingLong(c -> duration[c]))
                .ifPresent(c -> {
                    String means = compromised[c]
                            ? "keep an offline backup and a rehearsed restore ('restore: backup: offline', 'time')"
                            : "keep a spare with a short swap ('restore: spares', 'swap-time')";
                    if (duration[c] > over) {
                        out.add("bring " + id(c) + " back in " + Words.of(Duration.ofSeconds(duration[c] - over))
                                + " instead of " + Words.of(Duration.ofSeconds(duration[c])) + ": " + means);
                    } else {
                        out.add("shorten the whole chain: even if " + id(c) + " (the longest step, "
                                + Words.of(Duration.ofSeconds(duration[c]))
                                + ") took no time, the objective would be missed by "
                                + Words.of(Duration.ofSeconds(over - duration[c])) + "; " + means
                                + ", and restore what waits for it in parallel");
                    }
                });
        if (!chain.isEmpty()) {
            out.add("give mission " + mission.id() + " an alternative to " + id(chain.get(0))
                    + " (an 'any' or 'at-least' in its needs), or a degraded mode that does without it");
        }
        return out;
    }

    // ---- under attack ---------------------------------------------------------------------------

    private record Attack(boolean[] down, List<List<MissionAnalysis.AttackRoute>> perMission) {
        List<MissionAnalysis.AttackRoute> routes(int m) {
            return perMission.get(m);
        }
    }

    /** What an attacker starting from the exposed components holds or wipes, per mission. */
    private Attack attack() {
        Propagation p = systemic.fromExposed();
        Outage wiped = systemic.underAttack(p);
        boolean[] down = new boolean[graph.componentCount()];
        for (int c = 0; c < down.length; c++) {
            down[c] = wiped.down(c);
        }
        List<List<MissionAnalysis.AttackRoute>> routes = new ArrayList<>();
        for (int m = 0; m < missions.count(); m++) {
            List<MissionAnalysis.AttackRoute> mine = new ArrayList<>();
            for (int c : missions.needs[m].leaves()) {
                if (p.controlled(c)) {
                    mine.add(new MissionAnalysis.AttackRoute(
                            id(c), p.graph().name(p.entryOf(c)), p.probability(c), p.path(c)));
                }
            }
            mine.sort(Comparator.comparingDouble(MissionAnalysis.AttackRoute::probability)
                    .reversed());
            routes.add(mine);
        }
        return new Attack(down, routes);
    }

    // ---- single points of failure -------------------------------------------------------------------

    private List<MissionAnalysis.SinglePoint> singlePoints(List<Criticality.Effect> single) {
        Map<Integer, List<String>> stops = new LinkedHashMap<>();
        Map<Integer, List<String>> degrades = new LinkedHashMap<>();
        for (Criticality.Effect e : single) {
            (e.status() == Status.STOPPED ? stops : degrades)
                    .computeIfAbsent(e.component(), k -> new ArrayList<>())
                    .add(missions.missions.get(e.mission()).id());
        }
        Set<Integer> all = new LinkedHashSet<>(stops.keySet());
        all.addAll(degrades.keySet());
        return all.stream()
                .map(c -> new MissionAnalysis.SinglePoint(
                        id(c), stops.getOrDefault(c, List.of()), degrades.getOrDefault(c, List.of())))
                .sorted(Comparator.comparingInt(
                                (MissionAnalysis.SinglePoint s) -> -s.stops().size())
                        .thenComparingInt(s -> -s.degrades().size())
                        .thenComparing(MissionAnalysis.SinglePoint::component))
                .toList();
    }

    // ---- words ------------------------------------------------------------------------------------

    private String id(int c) {
        return graph.component(c).id();
    }

    private List<String> ids(int[] cs) {
        return Arrays.stream(cs).mapToObj(this::id).toList();
    }

    private List<String> ids(List<Integer> cs) {
        return cs.stream().map(this::id).toList();
    }

    private static Optional<Duration> time(long seconds) {
        return seconds == RestorationSchedule.NEVER ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
}
