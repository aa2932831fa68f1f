package dev.mamori.enforce;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.IpPrefix;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mark;
import dev.mamori.model.Ref;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Scales.Certainty;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the deployed rules the model does not ask for open. Each is put back into the model as what
 * it is, a fact nobody modelled: an assumed flow from each component its source addresses belong to
 * to each its destination addresses belong to (marked {@code as: assumed}, its source the deployed
 * rule), or, when its source is no address of the model, an assumed exposure of the destinations
 * (to the internet when the rule allows any source, to a partner network when it names addresses
 * outside every zone). The systemic analysis is then run on the model with it and compared with the
 * analysis of the model alone: the paths that use the new relations, the hazards an attacker can
 * now trigger, the missions now stoppable, and how many more components an attacker controls.
 */
public final class DriftImpact {

    /** Beyond this many flows for one rule (a rule between two large networks) it is not analysed. */
    static final int MOST_FLOWS = 10_000;

    private final Landscape landscape;
    private final List<Component> components;
    private final Map<String, Component> byId = new LinkedHashMap<>();
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final Map<Zone, List<Component>> members = new LinkedHashMap<>();
    private final SystemicAnalysis baseline;

    private DriftImpact(Landscape landscape) {
        this.landscape = landscape;
        this.components = landscape.components();
        components.forEach(c -> byId.put(c.id(), c));
        landscape.systems().values().forEach(s -> s.zones().values().forEach(z -> zones.put(z.id(), z)));
        for (Component c : components) {
            zoneOf(c)
                    .ifPresent(z ->
                            members.computeIfAbsent(z, k -> new ArrayList<>()).add(c));
        }
        this.baseline = analyse(landscape);
    }

    /**
     * What one deployed rule opens, or why it could not be said.
     *
     * @param source the deployed rule or grant
     * @param assumed the flows put into the model for it ({@code FROM -> TO PROTOCOL/PORT})
     * @param exposed the components assumed exposed for it, with the exposure
     * @param unplaced addresses of the rule that are no component's, in words
     * @param paths the paths of the analysis that use what was assumed, most likely first
     * @param hazards hazards an attacker can trigger with it and not without
     * @param missions missions an attacker can stop with it and not without
     * @param moreControlled how many more components an attacker controls with it
     * @param skipped when the rule was not analysed, why
     */
    public record Impact(
            Unmodelled source,
            List<String> assumed,
            List<String> exposed,
            List<String> unplaced,
            List<String> paths,
            List<String> hazards,
            List<String> missions,
            int moreControlled,
            Optional<String> skipped) {

        public Impact {
            assumed = List.copyOf(assumed);
            exposed = List.copyOf(exposed);
            unplaced = List.copyOf(unplaced);
            paths = List.copyOf(paths);
            hazards = List.copyOf(hazards);
            missions = List.copyOf(missions);
        }

        /** Whether it opens anything the analysis of the model alone does not find. */
        public boolean opensSomething() {
            return !paths.isEmpty() || !hazards.isEmpty() || !missions.isEmpty() || moreControlled > 0;
        }

        /** The lines a report prints under the drift, indented. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            boolean exact = !(source instanceof Opening o) || o.exact();
            out.add((source instanceof Opening ? "traffic: " : "grant: ")
                    + source.words()
                    + (exact ? "" : " (some clauses not understood: taken wider)"));
            skipped.ifPresent(s -> out.add("not analysed: " + s));
            unplaced.forEach(u -> out.add("unplaced: " + u));
            assumed.forEach(a -> out.add("assumed flow: " + a));
            exposed.forEach(e -> out.add("assumed exposure: " + e));
            if (skipped.isEmpty() && assumed.isEmpty() && exposed.isEmpty() && unplaced.isEmpty()) {
                out.add("opens: no way between two components of the model (its addresses are one component's,"
                        + " or its destinations already exposed as it allows)");
            }
            if (skipped.isEmpty() && (!assumed.isEmpty() || !exposed.isEmpty())) {
                if (!opensSomething()) {
                    out.add("opens: nothing the analysis of the model does not already find");
                }
                if (moreControlled > 0) {
                    out.add("opens: control of " + moreControlled + " more component"
                            + (moreControlled == 1 ? "" : "s"));
                }
                paths.forEach(p -> out.add("opens: path " + p));
                hazards.forEach(h -> out.add("opens: hazard " + h));
                missions.forEach(m -> out.add("opens: mission " + m));
            }
            return out;
        }
    }

    /**
     * What each opening opens, analysed one at a time against the model alone (the first {@code
     * most}; the others are named as not analysed).
     */
    public static List<Impact> of(Landscape landscape, List<? extends Unmodelled> openings, int most) {
        if (openings.isEmpty()) {
            return List.of();
        }
        DriftImpact impact = new DriftImpact(landscape);
        List<Impact> out = new ArrayList<>();
        for (int i = 0; i < openings.size(); i++) {
            out.add(
                    i < most
                            ? impact.impact(openings.get(i), i + 1)
                            : impact.skipped(
                                    openings.get(i),
                                    "only the first " + most + " such rules are analysed (--impact-limit)"));
        }
        return out;
    }

    private Impact skipped(Unmodelled opening, String why) {
        return new Impact(
                opening, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0, Optional.of(why));
    }

    /** Which components an end of the rule is: those whose address (or zone's network) overlaps its prefixes. */
    private record Side(Set<Component> components, List<String> unplaced, Optional<Exposure> outside) {}

    private Side side(List<IpPrefix> prefixes, Zone zone, boolean source) {
        Set<Component> found = new LinkedHashSet<>();
        List<String> unplaced = new ArrayList<>();
        Optional<Exposure> outside = Optional.empty();
        // 0.0.0.0/0 and ::/0 are any address, as no address is.
        if (prefixes.stream().anyMatch(p -> p.length() == 0)) {
            prefixes = List.of();
        }
        if (prefixes.isEmpty()) {
            if (source) {
                // Any source: the internet included, wherever the gateway is reachable from it.
                return new Side(found, unplaced, Optional.of(Exposure.INTERNET));
            }
            found.addAll(members.getOrDefault(zone, List.of())); // any destination the zone's ruleset guards
            return new Side(found, unplaced, outside);
        }
        for (IpPrefix p : prefixes) {
            List<Component> here = new ArrayList<>();
            for (Component c : components) {
                Optional<IpPrefix> address = c.address().or(() -> zoneOf(c).flatMap(Zone::cidr));
                if (address.isPresent()
                        && address.get().ipv6() == p.ipv6()
                        && (p.contains(address.get()) || address.get().contains(p))) {
                    here.add(c);
                }
            }
            if (!here.isEmpty()) {
                found.addAll(here);
                continue;
            }
            Optional<Zone> in = zones.values().stream()
                    .filter(z -> z.cidr()
                            .filter(n -> n.ipv6() == p.ipv6() && n.contains(p))
                            .isPresent())
                    .findFirst();
            if (in.isPresent()) {
                unplaced.add(p + " is in zone " + in.get().id() + " but no component of the model has it: add the host"
                        + " to the model to analyse what it reaches");
            } else if (source) {
                outside = Optional.of(p.length() == 0 ? Exposure.INTERNET : Exposure.PARTNER);
            } else {
                unplaced.add(p + " is no address of the model");
            }
        }
        return new Side(found, unplaced, outside);
    }

    private Impact impact(Unmodelled unmodelled, int number) {
        // Java 17: no patterns in switch yet; the interface is sealed to these two.
        return unmodelled instanceof Opening o ? impact(o, number) : impact((AclGrant) unmodelled, number);
    }

    /** A broker's grant: its client joined to the modelled subscribers (or publishers) of the topics it opens. */
    private Impact impact(AclGrant grant, int number) {
        SourceLocation at = grant.broker().component().at();
        String source = "deployed, not modelled: " + grant.difference().deployed();
        List<String> unplaced = new ArrayList<>();
        List<Component> clients = grant.user().isEmpty()
                ? List.of()
                : components.stream()
                        .filter(c -> c.mqttUser().equals(grant.user()))
                        .toList();
        if (grant.user().isEmpty()) {
            unplaced.add("anonymous clients are no component of the model: whoever reaches "
                    + grant.broker().component().id() + " may use the grant");
        } else if (clients.isEmpty()) {
            unplaced.add("no component logs in as " + grant.user().get() + " (mqtt-user)");
        }
        Component broker = grant.broker().component();
        boolean write = grant.access() == MosquittoTarget.Access.WRITE;
        String id = uniqueId("drift-" + number);
        List<Flow> flows = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        boolean counterpart = false;
        for (Flow f : landscape.allFlows()) {
            if (!f.protocol().equals("mqtt")
                    || f.topics().stream().noneMatch(t -> AclGrant.overlap(t, grant.topic()))) {
                continue;
            }
            Component from = resolve(f.from());
            Component to = resolve(f.to());
            // Publishing reaches the broker's subscribers; subscribing, what its publishers send.
            Component other = write ? (from == broker ? to : null) : (to == broker ? from : null);
            if (other == null) {
                continue;
            }
            counterpart = true;
            for (Component client : clients) {
                Component a = write ? client : other;
                Component b = write ? other : client;
                if (a == b || !pairs.add(a.id() + "\n" + b.id())) {
                    continue;
                }
                flows.add(flow(
                        id + "." + (flows.size() + 1),
                        a,
                        b,
                        "mqtt",
                        "none",
                        "password",
                        f.commands(),
                        f.port(),
                        source,
                        at));
                assumed.add(a.id() + " -> " + b.id() + " mqtt through " + broker.id() + " (" + grant.topic()
                        + (f.commands() ? ", commands as flow " + f.id() + ")" : ", data as flow " + f.id() + ")"));
            }
        }
        if (!counterpart) {
            unplaced.add("no modelled flow " + (write ? "subscribes to" : "publishes") + " topics that " + grant.topic()
                    + " matches at " + broker.id() + ": nothing to join it to");
        }
        return analysed(grant, flows, pairs, assumed, Map.of(), List.of(), unplaced, source, at);
    }

    private Component resolve(Ref ref) {
        return NftablesTarget.resolve(byId, ref);
    }

    private static Flow flow(
            String id,
            Component a,
            Component b,
            String protocol,
            String encryption,
            String authentication,
            boolean commands,
            OptionalInt port,
            String source,
            SourceLocation at) {
        return new Flow(
                id,
                true,
                null,
                new Ref(a.id(), null, at),
                new Ref(b.id(), null, at),
                protocol,
                encryption,
                authentication,
                commands,
                Authorization.NONE,
                List.of(),
                false,
                List.of(),
                Optional.empty(),
                List.of("drift"),
                source,
                at,
                port,
                List.of());
    }

    private Impact impact(Opening opening, int number) {
        Side from = side(opening.from(), opening.zone(), true);
        Side to = side(opening.to(), opening.zone(), false);
        List<String> unplaced = new ArrayList<>(from.unplaced());
        unplaced.addAll(to.unplaced());
        Vocabulary.Protocol protocol = protocol(opening);
        OptionalInt port = opening.ports().size() == 1 && opening.ports().get(0).matches("[0-9]+")
                ? OptionalInt.of(Integer.parseInt(opening.ports().get(0)))
                : OptionalInt.empty();
        SourceLocation at = opening.zone().at();
        String source = "deployed, not modelled: " + opening.difference().deployed();
        String id = uniqueId("drift-" + number);
        List<Flow> flows = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        long count = (long) from.components().size() * to.components().size();
        if (count > MOST_FLOWS) {
            return skipped(
                    opening,
                    "it joins " + from.components().size() + " components to "
                            + to.components().size() + ", more than " + MOST_FLOWS + " flows");
        }
        for (Component a : from.components()) {
            for (Component b : to.components()) {
                if (a == b) {
                    continue;
                }
                flows.add(flow(
                        id + "." + (flows.size() + 1),
                        a,
                        b,
                        protocol.id(),
                        protocol.defaultEncryption(),
                        protocol.defaultAuthentication(),
                        protocol.commands(),
                        port,
                        source,
                        at));
                pairs.add(a.id() + "\n" + b.id());
                assumed.add(a.id() + " -> " + b.id() + " " + protocol.id()
                        + (opening.ports().isEmpty() ? "" : "/" + String.join(",", opening.ports()))
                        + (protocol.commands() ? " (commands)" : " (data)"));
            }
        }
        List<String> exposed = new ArrayList<>();
        Map<String, Exposure> exposures = new LinkedHashMap<>();
        if (from.outside().isPresent()) {
            for (Component b : to.components()) {
                if (!b.exposure().contains(from.outside().get())) {
                    exposures.put(b.id(), from.outside().get());
                    exposed.add(b.id() + " to the "
                            + (from.outside().get() == Exposure.INTERNET
                                    ? "internet (the rule allows any source)"
                                    : "partner network its source addresses are in"));
                }
            }
        }
        return analysed(opening, flows, pairs, assumed, exposures, exposed, unplaced, source, at);
    }

    /** The analysis with the assumed flows and exposures, against the model alone. */
    private Impact analysed(
            Unmodelled opening,
            List<Flow> flows,
            Set<String> pairs,
            List<String> assumed,
            Map<String, Exposure> exposures,
            List<String> exposed,
            List<String> unplaced,
            String source,
            SourceLocation at) {
        if (flows.isEmpty() && exposures.isEmpty()) {
            return new Impact(
                    opening, assumed, exposed, unplaced, List.of(), List.of(), List.of(), 0, Optional.empty());
        }
        List<Mark> marks = new ArrayList<>(landscape.marks());
        flows.forEach(f -> marks.add(new Mark(new Ref(f.id(), null, at), Certainty.ASSUMED, source, at)));
        exposures.keySet().forEach(c -> marks.add(new Mark(new Ref(c, null, at), Certainty.ASSUMED, source, at)));
        List<Flow> allFlows = new ArrayList<>(landscape.flows());
        allFlows.addAll(flows);
        Landscape with = withExposures(landscape, exposures, allFlows, marks);
        SystemicAnalysis after = analyse(with);
        return new Impact(
                opening,
                assumed,
                exposed,
                unplaced,
                newPaths(after, pairs, exposures.keySet()),
                newHazards(after),
                newMissions(after),
                Math.max(0, after.controlledComponents() - baseline.controlledComponents()),
                Optional.empty());
    }

    private List<String> newPaths(SystemicAnalysis after, Set<String> pairs, Set<String> exposed) {
        Map<String, Double> before = new HashMap<>();
        for (SystemicAnalysis.Path p : concat(baseline.paths(), baseline.internalPaths())) {
            before.merge(p.target(), p.probability(), Math::max);
        }
        List<String> out = new ArrayList<>();
        for (SystemicAnalysis.Path p : concat(after.paths(), after.internalPaths())) {
            // A component assumed exposed is an entry of its own: a path from it uses the rule too.
            boolean uses = exposed.contains(p.target())
                    || exposed.stream().anyMatch(c -> p.entry().startsWith(c + " "))
                    || p.hops().stream().anyMatch(h -> uses(h, pairs, exposed));
            if (!uses) {
                continue;
            }
            Double was = before.get(p.target());
            if (was != null && was >= p.probability() - 1e-9) {
                continue; // as likely without the rule
            }
            out.add("to " + p.target() + " from " + p.entry()
                    + String.format(java.util.Locale.ROOT, ", p=%.2f", p.probability())
                    + (was == null
                            ? ", not reached without the rule"
                            : String.format(java.util.Locale.ROOT, ", p=%.2f without the rule", was))
                    + ": " + String.join(" -> ", hops(p.hops())));
        }
        return out;
    }

    private static boolean uses(Hop h, Set<String> pairs, Set<String> exposed) {
        return pairs.contains(h.from() + "\n" + h.to()) || exposed.contains(h.to());
    }

    private static List<String> hops(List<Hop> hops) {
        List<String> out = new ArrayList<>();
        if (!hops.isEmpty()) {
            out.add(hops.get(0).from());
        }
        hops.forEach(h -> out.add(h.to()));
        return out;
    }

    private List<String> newHazards(SystemicAnalysis after) {
        Map<String, Double> before = new HashMap<>();
        baseline.hazards().forEach(h -> before.put(h.hazard(), h.probability()));
        List<String> out = new ArrayList<>();
        for (SystemicAnalysis.HazardReach h : after.hazards()) {
            Double was = before.get(h.hazard());
            if (was == null) {
                out.add(h.hazard() + " (" + h.severity() + (h.interlocked() ? ", interlocked" : "")
                        + String.format(java.util.Locale.ROOT, ", p=%.2f", h.probability())
                        + "), not reachable without the rule");
            } else if (h.probability() > was + 1e-9) {
                out.add(h.hazard() + " (" + h.severity()
                        + String.format(
                                java.util.Locale.ROOT, ", p=%.2f, p=%.2f without the rule)", h.probability(), was));
            }
        }
        return out;
    }

    private List<String> newMissions(SystemicAnalysis after) {
        Set<String> before = new HashSet<>();
        baseline.missions().forEach(m -> before.add(m.mission()));
        List<String> out = new ArrayList<>();
        for (SystemicAnalysis.MissionEffect m : after.missions()) {
            if (!before.contains(m.mission())) {
                out.add(m.mission() + " can be stopped (it needs " + String.join(", ", m.compromisedNeeds()) + ")");
            }
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static SystemicAnalysis analyse(Landscape landscape) {
        return new SystemicAnalyzer(FrozenGraph.of(landscape)).analyze(SystemicAnalyzer.Options.defaults());
    }

    /** The protocol of the vocabulary the rule's port and transport are the well-known ones of, else proprietary. */
    private Vocabulary.Protocol protocol(Opening opening) {
        Map<String, Vocabulary.Protocol> protocols = landscape.vocabulary().protocols();
        if (opening.ports().size() == 1) {
            String port = opening.ports().get(0);
            for (Vocabulary.Protocol p : protocols.values()) {
                boolean transport = opening.transport().equals("any")
                        || p.transport().equals(opening.transport())
                        || p.transport().equals("any");
                if (transport
                        && p.port().isPresent()
                        && String.valueOf(p.port().getAsInt()).equals(port)) {
                    return p;
                }
            }
        }
        return protocols.get("proprietary");
    }

    /** An id no flow of the model has, nor starts with (the assumed flows are ID.1, ID.2, ...). */
    private String uniqueId(String wanted) {
        Set<String> taken = new HashSet<>();
        landscape.allFlows().forEach(f -> taken.add(f.id()));
        String id = wanted;
        for (int n = 2; clashes(taken, id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static boolean clashes(Set<String> taken, String id) {
        return taken.stream().anyMatch(t -> t.equals(id) || t.startsWith(id + "."));
    }

    private Optional<Zone> zoneOf(Component c) {
        return c.zone().map(ref -> NftablesTarget.resolve(zones, ref));
    }

    /** The landscape with some components' exposure widened, and the flows and marks given. */
    private static Landscape withExposures(
            Landscape l, Map<String, Exposure> exposures, List<Flow> flows, List<Mark> marks) {
        Map<String, IotSystem> systems = new LinkedHashMap<>();
        for (Map.Entry<String, IotSystem> s : l.systems().entrySet()) {
            if (s.getValue().components().keySet().stream()
                    .noneMatch(k -> exposures.containsKey(
                            s.getValue().components().get(k).id()))) {
                systems.put(s.getKey(), s.getValue());
                continue;
            }
            Map<String, Component> changed = new LinkedHashMap<>();
            s.getValue()
                    .components()
                    .forEach((k, c) ->
                            changed.put(k, exposures.containsKey(c.id()) ? exposed(c, exposures.get(c.id())) : c));
            systems.put(s.getKey(), s.getValue().withComponents(changed));
        }
        return new Landscape(
                l.name(),
                l.description(),
                l.files(),
                l.stakeholders(),
                systems,
                flows,
                l.credentials(),
                l.accounts(),
                l.data(),
                l.missions(),
                l.scenarios(),
                l.responsibilities(),
                l.treatments(),
                marks,
                l.jurisdictions(),
                l.catalogs(),
                l.vocabulary(),
                l.assumptions(),
                l.at());
    }

    private static Component exposed(Component c, Exposure more) {
        return c.withExposure(Set.of(more));
    }
}
