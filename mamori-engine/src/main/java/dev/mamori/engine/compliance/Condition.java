package dev.mamori.engine.compliance;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.Component;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Tenancy;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Zone;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a means applies, as the elements of one system it applies to. A means whose condition selects
 * nothing in a system is not applicable there, and the verdict says which condition was not met.
 */
public enum Condition {
    ALWAYS("always", "the system as a whole"),
    COMPONENTS("components", "components"),
    DEVICES("devices", "devices"),
    UPDATABLE_DEVICES("updatable-devices", "devices that are not constrained"),
    CONSTRAINED_DEVICES("constrained-devices", "constrained devices"),
    USES_PASSWORDS("uses-passwords", "components that log in with passwords (or reachable devices that do not say)"),
    HAS_UPDATE_MECHANISM("has-update-mechanism", "components with an update mechanism"),
    REMOTELY_REACHABLE("remotely-reachable", "components reachable from beyond their zone"),
    INTERNET_EXPOSED("internet-exposed", "components reachable from the internet"),
    ACTUATES_PHYSICALLY("actuates-physically", "components that act on the physical world"),
    HAZARDS("hazards", "hazards"),
    SAFETY_FUNCTIONS("safety-functions", "safety functions"),
    MULTI_TENANT("multi-tenant", "platforms serving several customers"),
    CERTIFIED_COMPONENTS("certified-components", "components holding a certification"),
    FLOWS("flows", "flows"),
    COMMAND_FLOWS("command-flows", "flows that carry commands into the system"),
    RADIO_FLOWS("radio-flows", "flows over radio"),
    PERSONAL_DATA_FLOWS("personal-data-flows", "flows carrying personal data"),
    INTERCONNECTIONS("interconnections", "flows to or from other systems"),
    CREDENTIAL_RELATIONS("credential-relations", "credential relations"),
    CONTROL_ZONES("control-zones", "control or safety zones (kind ot or safety)"),
    DATA("data", "data assets"),
    PERSONAL_DATA("personal-data", "personal data assets"),
    PROCESSES_PERSONAL_DATA("processes-personal-data", "personal data (stored, carried or declared)"),
    MISSIONS("missions", "missions that need the system's components"),
    MANUFACTURERS("manufacturers", "stakeholders that make its components");

    private final String word;
    private final String what;

    Condition(String word, String what) {
        this.word = word;
        this.what = what;
    }

    public String word() {
        return word;
    }

    /** What the condition selects, in words ("devices that are not constrained"). */
    public String what() {
        return what;
    }

    public static Optional<Condition> of(String word) {
        for (Condition c : values()) {
            if (c.word.equals(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static List<String> words() {
        return java.util.Arrays.stream(values()).map(Condition::word).toList();
    }

    /**
     * The elements of system {@code s} this condition selects, in model order, each the one subject
     * {@code subjects} keeps for it.
     */
    List<Subject> select(FrozenGraph graph, int s, Subjects subjects) {
        IotSystem system = graph.system(s);
        List<Subject> out = new ArrayList<>();
        switch (this) {
            case ALWAYS -> out.add(subjects.of(system, it -> Subject.of(it.id(), "system", it.at())));
            case COMPONENTS,
                    DEVICES,
                    UPDATABLE_DEVICES,
                    CONSTRAINED_DEVICES,
                    USES_PASSWORDS,
                    HAS_UPDATE_MECHANISM,
                    REMOTELY_REACHABLE,
                    INTERNET_EXPOSED,
                    ACTUATES_PHYSICALLY,
                    SAFETY_FUNCTIONS,
                    MULTI_TENANT,
                    CERTIFIED_COMPONENTS -> {
                for (int c : graph.componentsOf(s)) {
                    // The public internet stands in models as a component, but nobody runs it: no
                    // requirement can be met or failed by it.
                    if (!graph.facts().internet(c) && selects(graph, c)) {
                        out.add(subjects.component(c));
                    }
                }
            }
            case HAZARDS -> {
                for (int c : graph.componentsOf(s)) {
                    for (int i = 0; i < graph.component(c).hazards().size(); i++) {
                        out.add(subjects.hazard(c, i));
                    }
                }
            }
            case FLOWS, COMMAND_FLOWS, RADIO_FLOWS, PERSONAL_DATA_FLOWS, INTERCONNECTIONS -> {
                for (int f : graph.flowsTouching(s)) {
                    if (selectsFlow(graph, f, s)) {
                        out.add(subjects.flow(f));
                    }
                }
            }
            case CREDENTIAL_RELATIONS -> {
                // From the system's own components rather than every relation of the landscape (which
                // cost systems × relations); sorted, so the subjects keep the landscape's order.
                TreeSet<Integer> touching = new TreeSet<>();
                for (int c : graph.componentsOf(s)) {
                    for (int r : graph.credentialsHeld(c)) {
                        touching.add(r);
                    }
                    for (int r : graph.credentialsAccepted(c)) {
                        touching.add(r);
                    }
                }
                for (int r : touching) {
                    out.add(subjects.credential(r));
                }
            }
            case CONTROL_ZONES -> {
                for (Zone zone : system.zones().values()) {
                    if (zone.kind() == ZoneKind.OT || zone.kind() == ZoneKind.SAFETY) {
                        out.add(subjects.of(
                                zone,
                                it -> new Subject(
                                        it.id(),
                                        "zone",
                                        it.at(),
                                        it.securityLevel(),
                                        Optional.empty(),
                                        zoneConcerns(graph, it))));
                    }
                }
            }
            case DATA, PERSONAL_DATA -> {
                for (DataAsset asset : system.data().values()) {
                    if (this == DATA || asset.personal()) {
                        out.add(subjects.of(asset, it -> Subject.of(it.id(), "data asset", it.at())));
                    }
                }
            }
            case PROCESSES_PERSONAL_DATA -> {
                if (processesPersonalData(graph, s)) {
                    out.add(subjects.of(system, it -> Subject.of(it.id(), "system", it.at())));
                }
            }
            case MISSIONS -> {
                for (Mission mission : graph.missions()) {
                    for (int c : graph.neededBy(mission)) {
                        if (graph.systemOf(c) == s) {
                            out.add(subjects.of(mission, it -> Subject.of(it.id(), "mission", it.at())));
                            break;
                        }
                    }
                }
            }
            case MANUFACTURERS -> {
                Map<String, Stakeholder> makers = new LinkedHashMap<>();
                for (int c : graph.componentsOf(s)) {
                    graph.component(c)
                            .manufacturer()
                            .flatMap(ref -> graph.stakeholderId(ref.text()))
                            .map(graph::stakeholder)
                            .ifPresent(m -> makers.putIfAbsent(m.id(), m));
                }
                graph.stakeholderId(system.owner().text())
                        .map(graph::stakeholder)
                        .filter(o -> o.hasRole("manufacturer"))
                        .ifPresent(o -> makers.putIfAbsent(o.id(), o));
                makers.values()
                        .forEach(m -> out.add(subjects.of(m, it -> Subject.of(it.id(), "stakeholder", it.at()))));
            }
        }
        return out;
    }

    private boolean selects(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        boolean device = component.layer() == Layer.DEVICE;
        return switch (this) {
            case COMPONENTS -> true;
            case DEVICES -> device;
            case UPDATABLE_DEVICES -> device && !component.constrained();
            case CONSTRAINED_DEVICES -> device && component.constrained();
            case USES_PASSWORDS ->
                switch (component.credentials()) {
                    case DEFAULT_SHARED, FLEET_SHARED, USER_DEFINED, UNIQUE -> true;
                    case UNKNOWN -> device && reachable(graph, c);
                    case NONE, CERTIFICATE -> false;
                };
            case HAS_UPDATE_MECHANISM ->
                component.update() != UpdatePath.NONE && component.update() != UpdatePath.UNKNOWN;
            case REMOTELY_REACHABLE -> reachable(graph, c);
            case INTERNET_EXPOSED -> graph.facts().internetFacing(c);
            case ACTUATES_PHYSICALLY -> graph.facts().actuates(c);
            case SAFETY_FUNCTIONS -> component.safetyFunction();
            case MULTI_TENANT -> component.tenancy() != Tenancy.SINGLE;
            case CERTIFIED_COMPONENTS -> !component.certifications().isEmpty();
            default -> false;
        };
    }

    private boolean selectsFlow(FrozenGraph graph, int f, int s) {
        int from = graph.flowFrom(f);
        int to = graph.flowTo(f);
        if (from < 0 || to < 0) {
            return false;
        }
        boolean fromHere = graph.systemOf(from) == s;
        boolean toHere = graph.systemOf(to) == s;
        Flow flow = graph.flow(f);
        return switch (this) {
            case FLOWS -> fromHere || toHere;
            case COMMAND_FLOWS -> toHere && flow.commands();
            case RADIO_FLOWS -> (fromHere || toHere) && graph.facts().radio(f).isPresent();
            case PERSONAL_DATA_FLOWS -> (fromHere || toHere) && carriesPersonalData(graph, f);
            case INTERCONNECTIONS -> (fromHere || toHere) && graph.crossesSystems(f);
            default -> false;
        };
    }

    static Subject component(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        int zone = graph.zoneOf(c);
        OptionalInt level = zone >= 0 ? graph.zone(zone).securityLevel() : OptionalInt.empty();
        return new Subject(
                component.id(), "component", component.at(), level, Optional.of(component), concerns(graph, c));
    }

    /** Where findings about a component are written besides its line: its hazards, the flows into it, the credentials it accepts. */
    private static List<SourceLocation> concerns(FrozenGraph graph, int c) {
        List<SourceLocation> out = new ArrayList<>();
        graph.component(c).hazards().forEach(h -> out.add(h.at()));
        for (int f : graph.flowsIn(c)) {
            out.add(graph.flow(f).at());
        }
        for (int r : graph.credentialsAccepted(c)) {
            out.add(graph.credential(r).at());
        }
        return out;
    }

    /** A zone is concerned by its members and by what concerns them: a conduit is judged where it enters the zone. */
    private static List<SourceLocation> zoneConcerns(FrozenGraph graph, Zone zone) {
        List<SourceLocation> out = new ArrayList<>();
        int z = graph.zoneNumber(zone); // looked up, not searched: a scan per zone cost zones²
        if (z < 0) {
            return out;
        }
        for (int c : graph.zoneMembers(z)) {
            out.add(graph.component(c).at());
            out.addAll(concerns(graph, c));
        }
        return out;
    }

    /** Hazard {@code i} of component {@code c}, judged at {@code level}, its component's. */
    static Subject hazard(FrozenGraph graph, int c, int i, OptionalInt level) {
        Hazard h = graph.component(c).hazards().get(i);
        return new Subject(h.id(), "hazard", h.at(), level, Optional.empty(), List.of());
    }

    /** Named as the risk rules name flows, so that findings and verdicts read alike. */
    static Subject flow(FrozenGraph graph, int f) {
        return Subject.of(graph.flowName(f), "flow", graph.flow(f).at());
    }

    private static boolean reachable(FrozenGraph graph, int c) {
        Set<Exposure> exposure = graph.component(c).exposure();
        return exposure.contains(Exposure.INTERNET)
                || exposure.contains(Exposure.PARTNER)
                || exposure.contains(Exposure.ADJACENT)
                || graph.facts().internetFacing(c);
    }

    private static boolean carriesPersonalData(FrozenGraph graph, int f) {
        for (int d : graph.dataOf(f)) {
            if (graph.data(d).personal()) {
                return true;
            }
        }
        return false;
    }

    private static boolean processesPersonalData(FrozenGraph graph, int s) {
        for (DataAsset asset : graph.system(s).data().values()) {
            if (asset.personal()) {
                return true;
            }
        }
        for (int c : graph.componentsOf(s)) {
            for (int d : graph.storedData(c)) {
                if (graph.data(d).personal()) {
                    return true;
                }
            }
        }
        for (int f : graph.flowsTouching(s)) {
            if (PERSONAL_DATA_FLOWS.selectsFlow(graph, f, s)) {
                return true;
            }
        }
        return false;
    }
}
