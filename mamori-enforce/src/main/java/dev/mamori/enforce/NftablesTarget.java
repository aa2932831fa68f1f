package dev.mamori.enforce;

import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.IpPrefix;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One nftables ruleset per zone. Each guards the zone's addresses (its {@code cidr}, else its
 * components' addresses): a packet to or from them passes when it belongs to an established
 * connection, stays within the zone, or matches a flow of the model (source, destination,
 * protocol, port); any other is counted and dropped. Loaded on the zone's gateway it filters what
 * crosses the boundary (the forward hook); loaded on a host of the zone, what reaches the host (the
 * input hook). Traffic between addresses of no zone is left alone, so that loading a ruleset never
 * cuts what the model does not speak about (the host's own loopback traffic, say).
 */
public final class NftablesTarget {

    /** nftables keeps at most 128 bytes of a comment. */
    private static final int COMMENT_LIMIT = 128;

    private final Landscape landscape;
    private final Vocabulary vocabulary;
    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    /** Each zone's components, worked out once: a landscape may hold a hundred thousand. */
    private final Map<Zone, List<Component>> membersOf = new LinkedHashMap<>();

    private final List<Diagnostic> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private final PlanCuts plan;
    /** Whether the files' text is wanted, or only the rules (for drift). */
    private boolean render = true;
    /** The tables written, rule by rule, for drift. */
    private final List<Table> tables = new ArrayList<>();
    /** The flows the plan cuts, by identity: two unnamed flows may be equal as records. */
    private final java.util.Set<Flow> cut = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private NftablesTarget(Landscape landscape, PlanCuts plan) {
        this.landscape = landscape;
        this.plan = plan;
        cut.addAll(plan.flows());
        this.vocabulary = landscape.vocabulary();
        landscape.components().forEach(c -> components.put(c.id(), c));
        for (IotSystem system : landscape.systems().values()) {
            system.zones().values().forEach(z -> zones.put(z.id(), z));
        }
        for (Component c : landscape.components()) {
            zoneOf(c)
                    .ifPresent(z ->
                            membersOf.computeIfAbsent(z, k -> new ArrayList<>()).add(c));
        }
    }

    /**
     * The rulesets of every zone, or of the zones of {@code system} when given.
     *
     * @throws IllegalArgumentException when {@code system} is not a system of the landscape
     */
    public static Generated generate(Landscape landscape, Optional<String> system) {
        return generate(landscape, system, PlanCuts.NONE);
    }

    /**
     * The rulesets with the cuts of an isolation plan made real: each flow it cuts is dropped
     * rather than allowed, and each component it segments is kept apart within its zone.
     *
     * @throws IllegalArgumentException when {@code system} is not a system of the landscape
     */
    public static Generated generate(Landscape landscape, Optional<String> system, PlanCuts plan) {
        if (system.isPresent() && !landscape.systems().containsKey(system.get())) {
            throw new IllegalArgumentException("no system '" + system.get() + "' in the landscape; the systems are: "
                    + String.join(", ", landscape.systems().keySet()));
        }
        NftablesTarget target = new NftablesTarget(landscape, plan);
        target.notes.addAll(plan.notes());
        return target.run(system);
    }

    private Generated run(Optional<String> system) {
        SortedMap<String, String> files = new TreeMap<>();
        List<Zone> inScope = zones.values().stream()
                .filter(z -> system.isEmpty() || z.system().equals(system.get()))
                .sorted(Comparator.comparing(Zone::id))
                .toList();
        java.util.Set<Zone> scope = new java.util.HashSet<>(inScope);
        // The flows of each zone in scope, in the order the model lists them.
        Map<Zone, List<Map.Entry<Flow, Endpoints>>> flowsOf = new LinkedHashMap<>();
        for (Flow flow : landscape.allFlows()) {
            Optional<Zone> fromZone = component(flow.from()).flatMap(this::zoneOf);
            Optional<Zone> toZone = component(flow.to()).flatMap(this::zoneOf);
            boolean touches = fromZone.filter(scope::contains).isPresent()
                    || toZone.filter(scope::contains).isPresent();
            if (touches) {
                endpoints(flow).ifPresent(e -> {
                    Map.Entry<Flow, Endpoints> entry = Map.entry(flow, e);
                    fromZone.filter(scope::contains)
                            .ifPresent(z -> flowsOf.computeIfAbsent(z, k -> new ArrayList<>())
                                    .add(entry));
                    toZone.filter(scope::contains)
                            .filter(z -> !fromZone.filter(z::equals).isPresent())
                            .ifPresent(z -> flowsOf.computeIfAbsent(z, k -> new ArrayList<>())
                                    .add(entry));
                });
            }
        }
        for (Zone zone : inScope) {
            List<IpPrefix> members = members(zone);
            if (members.isEmpty()) {
                problem(
                        zone.at(),
                        "zone " + zone.id() + " has no address: give it a 'cidr', or its components an 'address',"
                                + " so that its ruleset knows which packets are its own");
                continue;
            }
            files.put(fileName(zone), ruleset(zone, members, flowsOf.getOrDefault(zone, List.of()), segments(zone)));
        }
        if (!problems.isEmpty()) {
            files.clear();
        }
        return new Generated(files, problems, notes);
    }

    /** The plan's segments in this zone, as rules; a component without an address of its own is a problem. */
    private List<Rule> segments(Zone zone) {
        List<Rule> rules = new ArrayList<>();
        for (PlanCuts.Segment segment : plan.segments()) {
            if (!segment.zone().equals(zone)) {
                continue;
            }
            Component c = segment.component();
            if (c.address().isEmpty()) {
                problem(
                        c.at(),
                        "the " + plan.summary() + " sets " + c.id() + " apart in zone " + zone.id()
                                + ", but it has no 'address' to match it by");
                continue;
            }
            IpPrefix address = c.address().get();
            String family = address.ipv6() ? "ip6" : "ip";
            List<IpPrefix> members = members(zone).stream()
                    .filter(p -> p.ipv6() == address.ipv6())
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            String at = c.at().file() + ":" + c.at().line();
            String what = segment.outbound()
                    ? "plan: segment " + c.id() + " in zone " + zone.id()
                    : "plan: keep zone " + zone.id() + " off " + c.id();
            String match = segment.outbound()
                    ? family + " saddr " + address + " " + family + " daddr " + set(members)
                    : family + " saddr " + set(members) + " " + family + " daddr " + address;
            rules.add(new Rule(
                    "guard", match + " counter drop comment \"" + comment(clip(what, at)) + "\"", c.at(), what));
        }
        return rules;
    }

    /** An end of a flow: its component, the prefix rules match it by, and its zone. */
    private record End(Component component, IpPrefix address, Optional<Zone> zone) {}

    /** A flow's two ends and how its packets are matched beyond addresses. */
    private record Endpoints(End from, End to, String transport, int port) {}

    private Optional<Endpoints> endpoints(Flow flow) {
        Vocabulary.Protocol protocol = vocabulary.protocols().get(flow.protocol());
        String transport = protocol == null ? "any" : protocol.transport();
        if (!List.of("tcp", "udp", "any").contains(transport)) {
            notes.add("flow " + flow.id() + " (" + flow.at() + ") is " + flow.protocol() + " over " + transport
                    + ", not IP traffic: no rule");
            return Optional.empty();
        }
        Optional<End> from = end(flow, flow.from());
        Optional<End> to = end(flow, flow.to());
        if (from.isPresent() && to.isPresent() && subscription(flow, from.get(), to.get())) {
            // An MQTT subscriber connects to its broker, though the data flows the other way.
            Optional<End> broker = from;
            from = to;
            to = broker;
        }
        OptionalInt port = flow.port();
        if (port.isEmpty()) {
            problem(
                    flow.at(),
                    "flow " + flow.id() + " (" + flow.protocol() + ") has no port, and " + flow.protocol()
                            + " has no well-known one: say which with 'port'");
        }
        if (from.isEmpty() || to.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        if (from.get().address().ipv6() != to.get().address().ipv6()) {
            problem(
                    flow.at(),
                    "flow " + flow.id() + " joins an IPv4 and an IPv6 address ("
                            + from.get().address() + " and " + to.get().address()
                            + "); give both ends addresses of one family");
            return Optional.empty();
        }
        return Optional.of(new Endpoints(from.get(), to.get(), transport, port.getAsInt()));
    }

    /** Whether the flow is an MQTT subscription: from a broker to a client, which opens the connection. */
    static boolean subscription(Flow flow, End from, End to) {
        return flow.protocol().equals("mqtt")
                && from.component().kind().equals("broker")
                && !to.component().kind().equals("broker");
    }

    /** A flow's end, matched by its component's address or, less tightly, by its zone's network. */
    private Optional<End> end(Flow flow, Ref ref) {
        Optional<Component> component = component(ref);
        if (component.isEmpty()) {
            return Optional.empty(); // the validator reported the dangling reference
        }
        Component c = component.get();
        Optional<Zone> zone = zoneOf(c);
        Optional<IpPrefix> address = c.address().or(() -> zone.flatMap(Zone::cidr));
        if (address.isEmpty()) {
            problem(
                    flow.at(),
                    "flow " + flow.id() + " cannot be enforced: component " + c.id() + " (" + c.at()
                            + ") has no 'address'"
                            + zone.map(z -> ", nor has its zone " + z.id() + " a 'cidr'")
                                    .orElse(" and sits in no zone"));
        }
        return address.map(a -> new End(c, a, zone));
    }

    private Optional<Component> component(Ref ref) {
        return Optional.ofNullable(resolve(components, ref));
    }

    /** A reference resolved as {@link Ref#candidates()} says, without a list per call: a landscape has 100,000s. */
    static <T> T resolve(Map<String, T> elements, Ref ref) {
        if (ref.system() != null && ref.text().indexOf('.') < 0) {
            T local = elements.get(ref.system() + "." + ref.text());
            if (local != null) {
                return local;
            }
        }
        return elements.get(ref.text());
    }

    private Optional<Zone> zoneOf(Component c) {
        Zone known = zoneOf.get(c);
        if (known != null || zoneOf.containsKey(c)) {
            return Optional.ofNullable(known);
        }
        Zone z = c.zone().map(ref -> resolve(zones, ref)).orElse(null);
        zoneOf.put(c, z);
        return Optional.ofNullable(z);
    }

    /** Each component's zone (null for none), worked out once. */
    private final Map<Component, Zone> zoneOf = new java.util.IdentityHashMap<>();

    /** The zone's network, else its components' addresses, with none inside another. */
    private List<IpPrefix> members(Zone zone) {
        if (zone.cidr().isPresent()) {
            return List.of(zone.cidr().get());
        }
        List<IpPrefix> all = membersOf.getOrDefault(zone, List.of()).stream()
                .flatMap(c -> c.address().stream())
                .distinct()
                .sorted(Comparator.comparing(IpPrefix::length).thenComparing(IpPrefix::toString))
                .toList();
        // nftables refuses a set whose intervals overlap: keep only the widest of nested prefixes.
        // Widest first; a prefix is nested when cutting it to a kept length gives a kept prefix
        // (a lookup per distinct length, not a comparison with every kept prefix).
        List<IpPrefix> kept = new ArrayList<>();
        java.util.Set<IpPrefix> keptSet = new java.util.HashSet<>();
        java.util.SortedSet<Integer> lengths = new java.util.TreeSet<>();
        for (IpPrefix p : all) {
            boolean nested = lengths.stream()
                    .filter(l -> l <= p.length())
                    .anyMatch(l -> keptSet.contains(new IpPrefix(p.bytes(), l).network()));
            if (!nested) {
                kept.add(p);
                keptSet.add(p);
                lengths.add(p.length());
            }
        }
        kept.sort(Comparator.comparing(IpPrefix::toString));
        return kept;
    }

    private void problem(SourceLocation at, String message) {
        problems.add(new Diagnostic(Severity.ERROR, at, "not-enforceable", message));
    }

    static String fileName(Zone zone) {
        return zone.id() + ".nft";
    }

    static String tableName(Zone zone) {
        return "mamori-" + zone.id();
    }

    private String ruleset(
            Zone zone, List<IpPrefix> members, List<Map.Entry<Flow, Endpoints>> flows, List<Rule> segments) {
        String table = "inet " + tableName(zone);
        List<IpPrefix> v4 = members.stream().filter(p -> !p.ipv6()).toList();
        List<IpPrefix> v6 = members.stream().filter(IpPrefix::ipv6).toList();
        StringBuilder out = new StringBuilder();
        out.append("#!/usr/sbin/nft -f\n");
        out.append("# Generated by mamori enforce --target nftables from ")
                .append(comment(String.join(", ", landscape.files())))
                .append('\n');
        out.append("# Zone ")
                .append(zone.id())
                .append(" (")
                .append(comment(zone.name()))
                .append(", ")
                .append(zone.at())
                .append("): ")
                .append(members.size() == 1 ? "address " : "addresses ")
                .append(String.join(
                        ", ", members.stream().map(IpPrefix::toString).toList()))
                .append(".\n");
        out.append("# A packet to or from these addresses passes when it answers an established connection, stays\n");
        out.append("# within the zone, or is a flow of the model; any other is counted and dropped.\n");
        if (!plan.isEmpty()) {
            out.append("# With the ").append(comment(plan.summary())).append(": its cuts are dropped first.\n");
        }
        out.append("# Check: nft -c -f ")
                .append(fileName(zone))
                .append("   Load: nft -f ")
                .append(fileName(zone));
        out.append("   (loading replaces an earlier version of this table only)\n\n");
        // Declaring the table before deleting it makes the delete succeed on a first load too, so
        // a reload replaces the old rules in one transaction.
        out.append("table ").append(table).append('\n');
        out.append("delete table ").append(table).append('\n');
        out.append("table ").append(table).append(" {\n");
        List<Rule> rules = new ArrayList<>();
        for (String hook : List.of("input", "forward")) {
            out.append("    chain ").append(hook).append(" {\n");
            out.append("        type filter hook ").append(hook).append(" priority filter; policy accept;\n");
            line(out, rules, new Rule(hook, "jump zone", zone.at(), "zone " + zone.id()));
            out.append("    }\n\n");
        }
        out.append("    chain zone {\n");
        for (boolean six : new boolean[] {false, true}) {
            List<IpPrefix> family = six ? v6 : v4;
            if (!family.isEmpty()) {
                String ip = six ? "ip6" : "ip";
                line(
                        out,
                        rules,
                        new Rule("zone", ip + " daddr " + set(family) + " jump guard", zone.at(), "zone " + zone.id()));
                line(
                        out,
                        rules,
                        new Rule("zone", ip + " saddr " + set(family) + " jump guard", zone.at(), "zone " + zone.id()));
            }
        }
        out.append("    }\n\n");
        out.append("    chain guard {\n");
        line(out, rules, new Rule("guard", "ct state established,related accept", zone.at(), "zone " + zone.id()));
        line(out, rules, new Rule("guard", "ct state invalid drop", zone.at(), "zone " + zone.id()));
        // The plan's cuts come before anything that would allow them.
        for (Map.Entry<Flow, Endpoints> entry : flows) {
            if (cut.contains(entry.getKey())) {
                line(out, rules, rule(entry.getKey(), entry.getValue(), true));
            }
        }
        for (Map.Entry<Flow, Endpoints> entry : flows) {
            if (!cut.contains(entry.getKey())) {
                line(out, rules, rule(entry.getKey(), entry.getValue(), false));
            }
        }
        // A segmented component keeps its modelled flows (above) but not the rest of its zone.
        for (Rule segment : segments) {
            line(out, rules, segment);
        }
        for (boolean six : new boolean[] {false, true}) {
            List<IpPrefix> family = six ? v6 : v4;
            if (!family.isEmpty()) {
                String ip = six ? "ip6" : "ip";
                line(
                        out,
                        rules,
                        new Rule(
                                "guard",
                                ip + " saddr " + set(family) + " " + ip + " daddr " + set(family)
                                        + " accept comment \"within zone " + zone.id() + "\"",
                                zone.at(),
                                "within zone " + zone.id()));
            }
        }
        line(
                out,
                rules,
                new Rule(
                        "guard",
                        "counter drop comment \"not in the model\"",
                        zone.at(),
                        "the drop of zone " + zone.id()));
        out.append("    }\n");
        out.append("}\n");
        tables.add(new Table("inet", tableName(zone), zone, rules));
        return render ? out.toString() : "";
    }

    /**
     * A rule as the target writes it, and the element of the model it comes from.
     *
     * @param chain the chain it is in
     * @param text the rule in nft syntax, counter and comment included
     * @param origin where in the model the element that asked for it is
     * @param what that element, in words
     */
    public record Rule(String chain, String text, SourceLocation origin, String what, String key) {

        /**
         * @param key the rule in the form drift compares (counter and comment out, sets in order):
         *     worked out from the rule's parts where the target knows them, so that a large landscape's
         *     rules need not be read back from their text
         */
        public Rule {}

        /** A rule whose key is read from its text. */
        public Rule(String chain, String text, SourceLocation origin, String what) {
            this(chain, text, origin, what, NftablesDrift.canonicalText(text));
        }
    }

    /** A zone's table: its family, its name and its rules in order. */
    public record Table(String family, String name, Zone zone, List<Rule> rules) {
        public Table {
            rules = List.copyOf(rules);
        }
    }

    /** The tables the model asks for, with what stopped some of them. */
    public record Expected(List<Table> tables, List<Diagnostic> problems) {
        public Expected {
            tables = List.copyOf(tables);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The tables {@link #generate(Landscape, Optional, PlanCuts)} would write, rule by rule, each
     * with the place in the model it comes from: what a deployed ruleset is compared with.
     */
    public static Expected expected(Landscape landscape, Optional<String> system, PlanCuts plan) {
        if (system.isPresent() && !landscape.systems().containsKey(system.get())) {
            throw new IllegalArgumentException("no system '" + system.get() + "' in the landscape; the systems are: "
                    + String.join(", ", landscape.systems().keySet()));
        }
        NftablesTarget target = new NftablesTarget(landscape, plan);
        target.render = false;
        Generated generated = target.run(system);
        return new Expected(generated.ok() ? target.tables : List.of(), generated.problems());
    }

    private void line(StringBuilder out, List<Rule> rules, Rule rule) {
        if (render) { // drift wants the rules, not the text of 3,000 files
            out.append("        ").append(rule.text()).append('\n');
        }
        rules.add(rule);
    }

    private static Rule rule(Flow flow, Endpoints e, boolean cutByPlan) {
        String family = e.from().address().ipv6() ? "ip6" : "ip";
        String l4 = switch (e.transport()) {
            case "tcp" -> "tcp dport " + e.port();
            case "udp" -> "udp dport " + e.port();
            default -> "meta l4proto { tcp, udp } th dport " + e.port();
        };
        String at = flow.at().file() + ":" + flow.at().line();
        String name = (cutByPlan ? "plan: cut flow " : "flow ") + flow.id() + " " + flow.protocol();
        String match = family + " saddr " + e.from().address() + " " + family + " daddr " + e.to().address() + " ";
        String verdict = cutByPlan ? "drop" : "accept";
        // The key as NftablesDrift.canonicalText would read it from the text (a test holds them equal).
        String key = match + (e.transport().equals("any") ? "meta l4proto {tcp,udp} th dport " + e.port() : l4) + " "
                + verdict;
        return new Rule(
                "guard",
                match + l4 + " counter " + verdict + " comment \"" + comment(clip(name, at)) + "\"",
                flow.at(),
                (cutByPlan ? "flow " + flow.id() + ", cut by the plan" : "flow " + flow.id()),
                key);
    }

    /** A comment of a name and a place, within nftables' limit; the place is kept whole, for review. */
    private static String clip(String name, String at) {
        String text = name + " " + at;
        if (text.length() > COMMENT_LIMIT) {
            int room = Math.max(0, COMMENT_LIMIT - at.length() - 4);
            text = name.substring(0, Math.min(name.length(), room)) + "... " + at;
            text = text.substring(Math.max(0, text.length() - COMMENT_LIMIT));
        }
        return text;
    }

    private static String set(List<IpPrefix> prefixes) {
        return "{ "
                + String.join(", ", prefixes.stream().map(IpPrefix::toString).toList()) + " }";
    }

    /** Text safe inside an nftables comment or a {@code #} line: printable ASCII, no quote. */
    private static String comment(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
            if (!safe && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.append(safe ? c : '?'); // one '?' for a character outside the BMP, as for any other
            }
        }
        return out == null ? text : out.toString();
    }
}
