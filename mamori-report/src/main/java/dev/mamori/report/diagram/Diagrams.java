package dev.mamori.report.diagram;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.graph.ElementRef;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Layer;
import dev.mamori.model.Words;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.elk.core.options.Direction;

/**
 * The diagrams of a report: the landscape (systems and their interconnections), one per system
 * (the four layers as bands, zones as boxes, command flows apart from data flows, hazards marked),
 * and the systemic view (cross-system attack paths with the isolation plan drawn on them). Large
 * models are aggregated so that every diagram stays legible and its layout fast: a system with more
 * than {@link #MAX_COMPONENTS} components shows one box per zone, layer and kind; a landscape with
 * more than {@link #MAX_SYSTEMS} systems shows the most connected ones and gathers the rest.
 */
public final class Diagrams {

    /** Above this many components, a system's diagram shows one box per zone, layer and kind. */
    public static final int MAX_COMPONENTS = 80;

    /** Above this many systems, the landscape shows the most connected ones and one box for the rest. */
    public static final int MAX_SYSTEMS = 120;

    /** How many cross-system paths the systemic diagram draws, most likely first. */
    public static final int MAX_PATHS = 25;

    private static final String OTHER_SYSTEMS = "other systems";

    private final Assessment assessment;
    private final Map<String, Severity> worstByElement = new HashMap<>();
    private final Map<String, Integer> openBySystem = new HashMap<>();
    private final Map<String, Component> components = new HashMap<>();

    public Diagrams(Assessment assessment) {
        this.assessment = assessment;
        for (Finding f : assessment.risk().open()) {
            ElementRef element = f.element();
            // Only components and their hazards are drawn as boxes; a flow may share a component's id.
            if (element.kind() == Kind.COMPONENT || element.kind() == Kind.HAZARD) {
                worstByElement.merge(element.id(), f.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            element.system().ifPresent(s -> openBySystem.merge(s, 1, Integer::sum));
        }
        for (IotSystem s : assessment.landscape().systems().values()) {
            s.components().values().forEach(c -> components.put(c.id(), c));
        }
    }

    /** The landscape: one box per system, one arrow per pair of systems joined by flows or credentials. */
    public String landscape() {
        Landscape landscape = assessment.landscape();
        Diagram d = new Diagram("landscape", "Landscape: " + landscape.name(), Direction.RIGHT, false);
        Map<String, Integer> degree = new HashMap<>();
        Map<String, Link> links = new LinkedHashMap<>();
        for (Flow f : landscape.allFlows()) {
            String a = systemOf(f.from().text(), f.system());
            String b = systemOf(f.to().text(), f.system());
            if (a != null && b != null && !a.equals(b)) {
                links.computeIfAbsent(a + "\u0000" + b, k -> new Link(a, b)).add(f.commands(), false);
            }
        }
        for (CredentialRelation c : landscape.allCredentials()) {
            String a = systemOf(c.holder().text(), c.system());
            for (var accepting : c.acceptedBy()) {
                String b = systemOf(accepting.text(), c.system());
                if (a != null && b != null && !a.equals(b)) {
                    links.computeIfAbsent(a + "\u0000" + b, k -> new Link(a, b)).add(false, true);
                }
            }
        }
        links.values().forEach(l -> {
            degree.merge(l.from, 1, Integer::sum);
            degree.merge(l.to, 1, Integer::sum);
        });
        List<IotSystem> systems = new ArrayList<>(landscape.systems().values());
        boolean aggregated = systems.size() > MAX_SYSTEMS;
        if (aggregated) {
            systems.sort(Comparator.comparing((IotSystem s) -> -degree.getOrDefault(s.id(), 0))
                    .thenComparing(IotSystem::id));
            systems = systems.subList(0, MAX_SYSTEMS - 1);
        }
        for (IotSystem s : systems) {
            int open = openBySystem.getOrDefault(s.id(), 0);
            d.box(
                    s.id(),
                    null,
                    s.name(),
                    s.category() + " · " + s.components().size() + " components · " + open + " open",
                    "node system-box" + worstClass(worstInSystem(s)),
                    s.id() + ": " + s.name() + " (" + s.category() + "), owned by "
                            + s.owner().text(),
                    -1);
        }
        if (aggregated) {
            int rest = landscape.systems().size() - systems.size();
            d.box(
                    OTHER_SYSTEMS,
                    null,
                    rest + " more systems",
                    "gathered to keep the diagram legible",
                    "node aggregate",
                    rest + " systems with the fewest interconnections",
                    -1);
        }
        Map<String, Link> shown = new LinkedHashMap<>();
        for (Link l : links.values()) {
            String a = d.has(l.from) ? l.from : OTHER_SYSTEMS;
            String b = d.has(l.to) ? l.to : OTHER_SYSTEMS;
            if (!a.equals(b)) {
                shown.computeIfAbsent(a + "\u0000" + b, k -> new Link(a, b)).merge(l);
            }
        }
        for (Link l : shown.values()) {
            d.link(l.from, l.to, l.css(), l.describe());
        }
        return d.svg();
    }

    /** One system: layers as bands (service on top, devices at the bottom), zones as boxes. */
    public String system(IotSystem system) {
        Diagram d = new Diagram(
                "system-" + system.id(), "System " + system.id() + ": " + system.name(), Direction.DOWN, true);
        boolean aggregate = system.components().size() > MAX_COMPONENTS;
        Map<String, String> boxOf = new HashMap<>();
        Map<String, Integer> aggregateCount = new HashMap<>();
        for (Layer layer : Layer.values()) {
            d.band(band(layer), layer.word());
        }
        for (Component c : system.components().values()) {
            String zone = c.zone().map(z -> z.text()).orElse("no zone");
            String groupId = "g:" + c.layer().word() + ":" + zone;
            if (!d.has(groupId)) {
                d.group(groupId, null, zone, c.zone().isPresent() ? "group zone" : "group", band(c.layer()));
            }
            if (aggregate) {
                String boxId = groupId + ":" + c.kind();
                boxOf.put(c.id(), boxId);
                aggregateCount.merge(boxId, c.count(), Integer::sum);
                continue;
            }
            Severity worst = worstOfComponent(c);
            // the hazards' severities, drawn under the kind after a warning sign
            String hazards = c.hazards().stream()
                    .map(h -> Words.of(h.severity()))
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            d.box(
                    c.id(),
                    groupId,
                    (c.count() > 1 ? c.count() + " × " : "") + c.localId(),
                    c.kind(),
                    hazards,
                    "node layer-" + c.layer().word() + worstClass(worst)
                            + (c.hazards().isEmpty() ? "" : " hazard"),
                    tooltip(c, worst),
                    -1);
            boxOf.put(c.id(), c.id());
        }
        if (aggregate) {
            Map<String, Integer> members = new HashMap<>();
            system.components().values().forEach(c -> members.merge(boxOf.get(c.id()), 1, Integer::sum));
            for (Map.Entry<String, Integer> e : aggregateCount.entrySet()) {
                String[] parts = e.getKey().split(":", 4);
                String kind = parts[3];
                d.box(
                        e.getKey(),
                        "g:" + parts[1] + ":" + parts[2],
                        members.get(e.getKey()) + " × " + kind,
                        e.getValue() + " units",
                        "node aggregate layer-" + parts[1],
                        members.get(e.getKey()) + " components of kind " + kind + " gathered",
                        -1);
            }
        }
        Map<String, Link> links = new LinkedHashMap<>();
        for (Flow f : system.flows()) {
            String a = boxOf.get(qualified(f.from().text(), system.id()));
            String b = boxOf.get(qualified(f.to().text(), system.id()));
            if (a != null && b != null && !a.equals(b)) {
                links.computeIfAbsent(a + "\u0000" + b, k -> new Link(a, b)).add(f.commands(), false, f);
            }
        }
        for (Link l : links.values()) {
            d.link(l.from, l.to, l.css(), l.describe());
        }
        return d.svg();
    }

    /**
     * The systemic view: the most likely paths into other systems hop by hop, components grouped
     * by system, entries dashed; with an isolation plan, the relations to cut drawn bold and black.
     */
    public String systemic() {
        SystemicAnalysis s = assessment.systemic();
        Diagram d = new Diagram("systemic", "Systemic view: how compromise crosses systems", Direction.RIGHT, false);
        List<Hop> hops = new ArrayList<>();
        s.paths().stream().limit(MAX_PATHS).forEach(p -> hops.addAll(p.hops()));
        java.util.Set<String> entries = new java.util.HashSet<>();
        s.paths().stream().limit(MAX_PATHS).forEach(p -> entries.add(p.entry()));
        List<SystemicAnalysis.Cut> cuts =
                s.isolation().map(SystemicAnalysis.Isolation::cuts).orElse(List.of());
        for (Hop h : hops) {
            node(d, h.from(), entries);
            node(d, h.to(), entries);
        }
        for (SystemicAnalysis.Cut c : cuts) {
            node(d, c.from(), entries);
            node(d, c.to(), entries);
        }
        java.util.Set<String> drawn = new java.util.HashSet<>();
        java.util.Set<String> cutPairs = new java.util.HashSet<>();
        for (SystemicAnalysis.Cut c : cuts) {
            cutPairs.add(c.from() + "\u0000" + c.to());
            d.link(
                    c.from(),
                    c.to(),
                    "cut",
                    "cut or harden " + c.element() + ": " + c.weakness() + " (cost " + c.cost() + "); " + c.why());
        }
        for (Hop h : hops) {
            String key = h.from() + "\u0000" + h.to();
            if (drawn.add(key) && !cutPairs.contains(key)) {
                d.link(
                        h.from(),
                        h.to(),
                        h.relation().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        h.relation().name().toLowerCase(Locale.ROOT) + ": " + h.described()
                                + String.format(Locale.ROOT, " (p = %.2f)", h.probability()));
            }
        }
        if (hops.isEmpty() && cuts.isEmpty()) {
            d.box("none", null, "no path into another system", "", "node", "the attacker stays where they start", -1);
        }
        return d.svg();
    }

    private void node(Diagram d, String id, java.util.Set<String> entries) {
        if (d.has(id)) {
            return;
        }
        Component c = components.get(id);
        String system = c != null ? c.system() : (id.startsWith("zone ") ? systemOf(id.substring(5), null) : null);
        String group = system == null ? null : "sys:" + system;
        if (group != null && !d.has(group)) {
            IotSystem s = assessment.landscape().systems().get(system);
            d.group(group, null, "system " + system + (s == null ? "" : ": " + s.name()), "group system", -1);
        }
        String css = "node" + (c != null ? " layer-" + c.layer().word() : " zone-node")
                + (entries.contains(id) ? " entry" : "")
                + (c != null && !c.hazards().isEmpty() ? " hazard" : "")
                + worstClass(c == null ? null : worstOfComponent(c));
        String label = c != null ? c.localId() : id;
        String detail = c != null ? c.kind() + (entries.contains(id) ? " · entry" : "") : "shared zone";
        d.box(id, group, label, detail, css, id, -1);
    }

    private Severity worstOfComponent(Component c) {
        Severity worst = worstByElement.get(c.id());
        for (var h : c.hazards()) {
            Severity hs = worstByElement.get(h.id());
            if (hs != null && (worst == null || hs.compareTo(worst) > 0)) {
                worst = hs;
            }
        }
        return worst;
    }

    private Severity worstInSystem(IotSystem s) {
        Severity worst = null;
        for (Component c : s.components().values()) {
            Severity w = worstOfComponent(c);
            if (w != null && (worst == null || w.compareTo(worst) > 0)) {
                worst = w;
            }
        }
        return worst;
    }

    private static String worstClass(Severity worst) {
        return worst == null ? "" : " worst-" + worst.word();
    }

    private static String tooltip(Component c, Severity worst) {
        StringBuilder out = new StringBuilder(c.id())
                .append(" (")
                .append(c.kind())
                .append(", ")
                .append(c.layer().word());
        if (c.count() > 1) {
            out.append(", fleet of ").append(c.count());
        }
        out.append(")");
        if (worst != null) {
            out.append("; worst open finding: ").append(worst.word());
        }
        c.hazards()
                .forEach(h -> out.append("; hazard ")
                        .append(h.id())
                        .append(" (")
                        .append(Words.of(h.severity()))
                        .append(")"));
        return out.toString();
    }

    private static int band(Layer layer) {
        return switch (layer) {
            case SERVICE -> 0;
            case PLATFORM -> 1;
            case NETWORK -> 2;
            case DEVICE -> 3;
        };
    }

    private String systemOf(String ref, String writtenIn) {
        String q = qualified(ref, writtenIn);
        Component c = components.get(q);
        if (c != null) {
            return c.system();
        }
        int dot = ref.indexOf('.');
        String head = dot > 0 ? ref.substring(0, dot) : ref;
        return assessment.landscape().systems().containsKey(head) ? head : writtenIn;
    }

    private String qualified(String ref, String system) {
        if (system != null && components.containsKey(system + "." + ref)) {
            return system + "." + ref;
        }
        return ref;
    }

    /** Flows and credentials between two boxes, drawn as one arrow. */
    private static final class Link {
        final String from;
        final String to;
        int flows;
        int commands;
        int credentials;
        final List<String> protocols = new ArrayList<>();

        Link(String from, String to) {
            this.from = from;
            this.to = to;
        }

        void add(boolean command, boolean credential) {
            add(command, credential, null);
        }

        void add(boolean command, boolean credential, Flow flow) {
            if (credential) {
                credentials++;
            } else {
                flows++;
                if (command) {
                    commands++;
                }
            }
            if (flow != null && protocols.size() < 4 && !protocols.contains(flow.protocol())) {
                protocols.add(flow.protocol());
            }
        }

        void merge(Link other) {
            flows += other.flows;
            commands += other.commands;
            credentials += other.credentials;
        }

        String css() {
            return commands > 0 ? "command" : flows > 0 ? "data" : "credential";
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (flows > 0) {
                parts.add(flows
                        + (flows == 1 ? " flow" : " flows")
                        + (commands > 0 ? " (" + commands + " carrying commands)" : ""));
            }
            if (credentials > 0) {
                parts.add(credentials + (credentials == 1 ? " credential relation" : " credential relations"));
            }
            String what = String.join(", ", parts);
            return from + " → " + to + ": " + what
                    + (protocols.isEmpty() ? "" : " over " + String.join(", ", protocols));
        }
    }

    /** Systems whose diagrams a report embeds first: the widest blast radius, then the most open findings. */
    public List<IotSystem> systemsByConcern() {
        Map<String, Integer> score = new HashMap<>();
        assessment.systemic().blastRadius().forEach(r -> score.put(r.system(), r.score()));
        List<IotSystem> systems =
                new ArrayList<>(assessment.landscape().systems().values());
        systems.sort(Comparator.comparing((IotSystem s) -> -score.getOrDefault(s.id(), 0))
                .thenComparing(s -> -openBySystem.getOrDefault(s.id(), 0))
                .thenComparing(IotSystem::id));
        return systems;
    }

    /** Open findings of a system (by the system prefix of their element). */
    public int openIn(String system) {
        return openBySystem.getOrDefault(system, 0);
    }

    Optional<Component> component(String id) {
        return Optional.ofNullable(components.get(id));
    }
}
