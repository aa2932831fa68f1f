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
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Logging;
import dev.mamori.model.Scales.Tenancy;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.Scales.UserAction;
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
     * @param client for a grant to anonymous clients, the component put into the model to stand for
     *     them, and who it stands for
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
            Optional<String> client,
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
            client.ifPresent(c -> out.add("assumed client: " + c));
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
        return of(landscape, openings, most, u -> Optional.empty());
    }

    /**
     * As {@link #of(Landscape, List, int)}, except that what {@code inert} gives a reason for is
     * not analysed, with that reason, and does not count toward {@code most}: a grant to anonymous
     * clients at a broker whose deployed configuration refuses them, say.
     */
    public static List<Impact> of(
            Landscape landscape,
            List<? extends Unmodelled> openings,
            int most,
            java.util.function.Function<Unmodelled, Optional<String>> inert) {
        if (openings.isEmpty()) {
            return List.of();
        }
        DriftImpact impact = null; // its baseline is one systemic analysis: only when something is analysed
        List<Impact> out = new ArrayList<>();
        int analysed = 0;
        for (Unmodelled opening : openings) {
            Optional<String> why = inert.apply(opening);
            if (why.isPresent()) {
                out.add(skipped(opening, why.get()));
            } else if (analysed < most) {
                if (impact == null) {
                    impact = new DriftImpact(landscape);
                }
                analysed++;
                out.add(impact.impact(opening, analysed));
            } else {
                out.add(skipped(opening, "only the first " + most + " such rules are analysed (--impact-limit)"));
            }
        }
        return out;
    }

    private static Impact skipped(Unmodelled opening, String why) {
        return new Impact(
                opening,
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0,
                Optional.of(why));
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

    /**
     * A broker's grant: its client joined to the modelled subscribers (or publishers) of the topics
     * it opens. A grant to anonymous clients is a grant to whoever reaches the broker; that one
     * client stands for them in the analysis, as a component of the broker's zone with no login,
     * reachable from outside as the broker is and from each modelled client of the broker (each
     * connects to it, so each can connect without a name).
     */
    private Impact impact(AclGrant grant, int number) {
        Component broker = grant.broker().component();
        SourceLocation at = broker.at();
        String source = "deployed, not modelled: " + grant.difference().deployed();
        String id = uniqueId("drift-" + number);
        List<String> unplaced = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        Optional<Component> anonymous = Optional.empty();
        List<Component> clients;
        if (grant.user().isEmpty()) {
            Component anon = anonymousClient(broker);
            anonymous = Optional.of(anon);
            clients = List.of(anon);
            for (Component c : connecting(broker)) {
                flows.add(flow(
                        id + "." + (flows.size() + 1),
                        c,
                        anon,
                        "mqtt",
                        "none",
                        "none",
                        true,
                        OptionalInt.empty(),
                        source,
                        at));
                pairs.add(c.id() + "\n" + anon.id());
                assumed.add(c.id() + " -> " + anon.id() + " (it connects to " + broker.id()
                        + ", so it can connect without a name)");
            }
        } else {
            clients = components.stream()
                    .filter(c -> c.mqttUser().equals(grant.user()))
                    .toList();
            if (clients.isEmpty()) {
                unplaced.add("no component logs in as " + grant.user().get() + " (mqtt-user)");
            }
        }
        boolean write = grant.access() == MosquittoTarget.Access.WRITE;
        boolean counterpart = false;
        Set<String> joined = new HashSet<>();
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
                // Once per pair and grant, beside a client's assumed connection to the broker.
                if (a == b || !joined.add(a.id() + "\n" + b.id())) {
                    continue;
                }
                pairs.add(a.id() + "\n" + b.id());
                flows.add(flow(
                        id + "." + (flows.size() + 1),
                        a,
                        b,
                        "mqtt",
                        "none",
                        anonymous.isPresent() ? "none" : "password",
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
            // Reaching the broker anonymously, with nothing to publish to or read from, opens nothing.
            flows.clear();
            assumed.clear();
        }
        return analysed(grant, flows, pairs, assumed, Map.of(), List.of(), unplaced, source, at, anonymous);
    }

    /**
     * The component that stands for anonymous clients at a broker: in its zone, reachable from
     * outside as it is, with no login (an anonymous client needs none), and nothing else.
     */
    private Component anonymousClient(Component broker) {
        String wanted = "anonymous-at-" + broker.localId();
        String local = wanted;
        for (int n = 2; byId.containsKey(broker.system() + "." + local); n++) {
            local = wanted + "-" + n;
        }
        return new Component(
                broker.system() + "." + local,
                broker.system(),
                "anonymous clients of " + broker.id(),
                broker.layer(),
                "application",
                1,
                broker.zone(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Credentials.NONE,
                UpdatePath.UNKNOWN,
                Optional.empty(),
                List.of(),
                broker.exposure(),
                Optional.empty(),
                List.of(),
                Logging.UNKNOWN,
                false,
                Tenancy.SINGLE,
                false,
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                UserAction.NONE,
                List.of("drift"),
                // What the report says of it: who it stands for.
                broker.system() + "." + local + ", an anonymous client at " + broker.id()
                        + ", standing for whoever reaches it" + reachers(broker),
                broker.at(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                java.util.OptionalLong.empty(),
                Optional.empty(),
                java.util.OptionalInt.empty());
    }

    /** Who reaches a broker, in words: its zone's members, outsiders as it is exposed; its clients follow. */
    private String reachers(Component broker) {
        List<String> who = new ArrayList<>();
        zoneOf(broker).ifPresent(z -> who.add("the members of zone " + z.id()));
        if (!broker.exposure().isEmpty()) {
            who.add("outsiders, as " + broker.id() + " is exposed ("
                    + String.join(
                            ", ",
                            broker.exposure().stream()
                                    .map(dev.mamori.model.Words::of)
                                    .sorted()
                                    .toList())
                    + ")");
        }
        who.add("its modelled clients");
        return " (" + String.join("; ", who) + ")";
    }

    /**
     * The components outside a broker's zone that connect to it: those with a flow to it, and the
     * subscribers of its MQTT flows (a subscriber opens the connection). Its zone's members reach it
     * through the zone, as the analysis assumes.
     */
    private List<Component> connecting(Component broker) {
        Optional<Zone> zone = zoneOf(broker);
        Set<Component> out = new LinkedHashSet<>();
        for (Flow f : landscape.allFlows()) {
            Component from = resolve(f.from());
            Component to = resolve(f.to());
            Component client =
                    to == broker ? from : from == broker && f.protocol().equals("mqtt") ? to : null;
            if (client != null
                    && client != broker
                    && (zone.isEmpty() || !zoneOf(client).equals(zone))) {
                out.add(client);
            }
        }
        return List.copyOf(out);
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
        return analysed(opening, flows, pairs, assumed, exposures, exposed, unplaced, source, at, Optional.empty());
    }

    /**
     * The analysis with the assumed flows and exposures, against the model alone; with {@code
     * added} (the component that stands for anonymous clients) in both, so that what it reaches
     * without the assumed flows is not counted as opened.
     */
    private Impact analysed(
            Unmodelled opening,
            List<Flow> flows,
            Set<String> pairs,
            List<String> assumed,
            Map<String, Exposure> exposures,
            List<String> exposed,
            List<String> unplaced,
            String source,
            SourceLocation at,
            Optional<Component> added) {
        Optional<String> client = added.map(Component::description);
        if (flows.isEmpty() && exposures.isEmpty()) {
            return new Impact(
                    opening, client, assumed, exposed, unplaced, List.of(), List.of(), List.of(), 0, Optional.empty());
        }
        List<Mark> marks = new ArrayList<>(landscape.marks());
        added.ifPresent(c -> marks.add(new Mark(new Ref(c.id(), null, at), Certainty.ASSUMED, source, at)));
        SystemicAnalysis before =
                added.isEmpty() ? baseline : analyse(changed(landscape, Map.of(), added, landscape.flows(), marks));
        flows.forEach(f -> marks.add(new Mark(new Ref(f.id(), null, at), Certainty.ASSUMED, source, at)));
        exposures.keySet().forEach(c -> marks.add(new Mark(new Ref(c, null, at), Certainty.ASSUMED, source, at)));
        List<Flow> allFlows = new ArrayList<>(landscape.flows());
        allFlows.addAll(flows);
        SystemicAnalysis after = analyse(changed(landscape, exposures, added, allFlows, marks));
        Set<String> notNews = added.map(c -> Set.of(c.id())).orElse(Set.of());
        // The component standing for anonymous clients is no component of the model: holding it is
        // not counted as control of one more.
        boolean newlyHeld = added.isPresent()
                && holds(after, added.get().id())
                && !holds(before, added.get().id());
        return new Impact(
                opening,
                client,
                assumed,
                exposed,
                unplaced,
                newPaths(before, after, pairs, exposures.keySet(), notNews),
                newHazards(before, after),
                newMissions(before, after),
                Math.max(0, after.controlledComponents() - before.controlledComponents() - (newlyHeld ? 1 : 0)),
                Optional.empty());
    }

    /**
     * Whether an attacker holds the component: it is a way in, or on a path (the analysis reports
     * up to a hundred paths of each kind; one through the component is enough to say so).
     */
    private static boolean holds(SystemicAnalysis analysis, String id) {
        return analysis.entries().stream().anyMatch(e -> e.component().equals(id))
                || concat(analysis.paths(), analysis.internalPaths()).stream()
                        .anyMatch(
                                p -> p.target().equals(id) || p.hops().stream().anyMatch(h -> h.to().equals(id)));
    }

    /** @param notNews targets whose paths are no news (the component standing for anonymous clients) */
    private static List<String> newPaths(
            SystemicAnalysis baseline,
            SystemicAnalysis after,
            Set<String> pairs,
            Set<String> exposed,
            Set<String> notNews) {
        Map<String, Double> before = new HashMap<>();
        for (SystemicAnalysis.Path p : concat(baseline.paths(), baseline.internalPaths())) {
            before.merge(p.target(), p.probability(), Math::max);
        }
        List<String> out = new ArrayList<>();
        for (SystemicAnalysis.Path p : concat(after.paths(), after.internalPaths())) {
            if (notNews.contains(p.target())) {
                continue;
            }
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

    private static List<String> newHazards(SystemicAnalysis baseline, SystemicAnalysis after) {
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

    private static List<String> newMissions(SystemicAnalysis baseline, SystemicAnalysis after) {
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

    /**
     * The landscape with some components' exposure widened, a component added to its system (the
     * one standing for anonymous clients), and the flows and marks given.
     */
    private static Landscape changed(
            Landscape l,
            Map<String, Exposure> exposures,
            Optional<Component> added,
            List<Flow> flows,
            List<Mark> marks) {
        Map<String, IotSystem> systems = new LinkedHashMap<>();
        for (Map.Entry<String, IotSystem> s : l.systems().entrySet()) {
            boolean adds =
                    added.filter(c -> c.system().equals(s.getValue().id())).isPresent();
            if (!adds && s.getValue().components().values().stream().noneMatch(c -> exposures.containsKey(c.id()))) {
                systems.put(s.getKey(), s.getValue());
                continue;
            }
            Map<String, Component> changed = new LinkedHashMap<>();
            s.getValue()
                    .components()
                    .forEach((k, c) ->
                            changed.put(k, exposures.containsKey(c.id()) ? exposed(c, exposures.get(c.id())) : c));
            if (adds) {
                changed.put(added.get().localId(), added.get());
            }
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
