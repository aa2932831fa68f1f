package dev.mamori.engine.graph;

import dev.mamori.model.Account;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mission;
import dev.mamori.model.Ref;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Zone;
import dev.mamori.model.validate.ElementIndex;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated landscape compiled once into int-indexed arrays that every analysis shares:
 * components, zones, systems, data and stakeholders are numbered, and flows, credential relations,
 * zone membership and stored data are adjacency lists in compressed (CSR) form. References are
 * resolved here, once; analyses work on ints.
 */
public final class FrozenGraph {

    private final Landscape landscape;
    private final ElementIndex elements;
    private final Component[] components;
    private final IotSystem[] systems;
    private final Zone[] zones;
    private final DataAsset[] data;
    private final Stakeholder[] stakeholders;
    private final Flow[] flows;
    private final CredentialRelation[] credentials;
    private final Account[] accounts;
    private final java.util.IdentityHashMap<Object, dev.mamori.model.Mark> marks = new java.util.IdentityHashMap<>();
    private final Adjacency accountLogsInTo;
    private final Adjacency accountUsedFrom;
    private final Map<String, Integer> componentIds = new HashMap<>();
    private final Map<String, Integer> systemIds = new HashMap<>();
    private final Map<String, Integer> zoneIds = new HashMap<>();
    private final Map<String, Integer> dataIds = new HashMap<>();
    private final Map<String, Integer> stakeholderIds = new HashMap<>();

    private final int[] componentSystem;
    private final int[] componentZone;
    private final int[] flowFrom;
    private final int[] flowTo;
    private final Adjacency flowsOut;
    private final Adjacency flowsIn;
    private final Adjacency flowData;
    private final Adjacency flowNetworks;
    private final int[] credentialHolder;
    private final Adjacency credentialAccepters;
    private final Adjacency credentialsHeld;
    private final Adjacency credentialsAccepted;
    private final Adjacency zoneMembers;
    private final Adjacency storedData;
    private final Adjacency systemComponents;
    private final Adjacency systemFlows;
    private final Map<String, int[]> neededByMission = new HashMap<>();
    private final int[] dataOwner;
    private final int[] systemOwner;
    private final Facts facts;
    // Values derived from this graph alone (the propagation graph), built once for every analysis.
    private final java.util.concurrent.ConcurrentHashMap<Class<?>, Object> derived =
            new java.util.concurrent.ConcurrentHashMap<>();
    // Built on first use (only needs that name flows ask); two threads may both build it, alike.
    private volatile java.util.Map<Flow, Integer> flowNumbers;

    private FrozenGraph(Landscape landscape, ElementIndex index) {
        this.landscape = landscape;
        this.elements = index;
        this.components = landscape.components().toArray(Component[]::new);
        this.systems = landscape.systems().values().toArray(IotSystem[]::new);
        List<Zone> allZones = new ArrayList<>();
        landscape.systems().values().forEach(s -> allZones.addAll(s.zones().values()));
        this.zones = allZones.toArray(Zone[]::new);
        this.data = landscape.allData().toArray(DataAsset[]::new);
        this.stakeholders = landscape.stakeholders().values().toArray(Stakeholder[]::new);
        this.flows = landscape.allFlows().toArray(Flow[]::new);
        this.credentials = landscape.allCredentials().toArray(CredentialRelation[]::new);
        this.accounts = landscape.allAccounts().toArray(Account[]::new);
        number(components, Component::id, componentIds);
        number(systems, IotSystem::id, systemIds);
        number(zones, Zone::id, zoneIds);
        number(data, DataAsset::id, dataIds);
        number(stakeholders, Stakeholder::id, stakeholderIds);

        componentSystem = new int[components.length];
        componentZone = new int[components.length];
        Adjacency.Builder members = new Adjacency.Builder(zones.length);
        Adjacency.Builder stored = new Adjacency.Builder(components.length);
        for (int c = 0; c < components.length; c++) {
            Component component = components[c];
            componentSystem[c] = systemIds.get(component.system());
            componentZone[c] = component
                    .zone()
                    .flatMap(z -> index.find(z, Kind.ZONE, Zone.class))
                    .map(z -> zoneIds.get(z.id()))
                    .orElse(-1);
            if (componentZone[c] >= 0) {
                members.add(componentZone[c], c);
            }
            int holder = c;
            for (Ref ref : component.stores()) {
                resolve(index, ref, Kind.DATA, DataAsset.class, DataAsset::id, dataIds)
                        .ifPresent(d -> stored.add(holder, d));
            }
        }
        zoneMembers = members.build();
        storedData = stored.build();

        flowFrom = new int[flows.length];
        flowTo = new int[flows.length];
        Adjacency.Builder out = new Adjacency.Builder(components.length);
        Adjacency.Builder in = new Adjacency.Builder(components.length);
        Adjacency.Builder carried = new Adjacency.Builder(flows.length);
        Adjacency.Builder over = new Adjacency.Builder(flows.length);
        for (int f = 0; f < flows.length; f++) {
            Flow flow = flows[f];
            flowFrom[f] = componentOf(index, flow.from());
            flowTo[f] = componentOf(index, flow.to());
            out.add(flowFrom[f], f);
            in.add(flowTo[f], f);
            for (Ref ref : flow.data()) {
                int fi = f;
                resolve(index, ref, Kind.DATA, DataAsset.class, DataAsset::id, dataIds)
                        .ifPresent(d -> carried.add(fi, d));
            }
            for (Ref ref : flow.network()) {
                over.add(f, componentOf(index, ref));
            }
        }
        flowsOut = out.build();
        flowsIn = in.build();
        flowData = carried.build();
        flowNetworks = over.build();

        credentialHolder = new int[credentials.length];
        Adjacency.Builder accepters = new Adjacency.Builder(credentials.length);
        Adjacency.Builder held = new Adjacency.Builder(components.length);
        Adjacency.Builder accepted = new Adjacency.Builder(components.length);
        for (int r = 0; r < credentials.length; r++) {
            credentialHolder[r] = componentOf(index, credentials[r].holder());
            held.add(credentialHolder[r], r);
            for (Ref ref : credentials[r].acceptedBy()) {
                int target = componentOf(index, ref);
                accepters.add(r, target);
                accepted.add(target, r);
            }
        }
        credentialAccepters = accepters.build();
        credentialsHeld = held.build();
        credentialsAccepted = accepted.build();

        Adjacency.Builder logsInTo = new Adjacency.Builder(accounts.length);
        Adjacency.Builder usedFrom = new Adjacency.Builder(accounts.length);
        for (int a = 0; a < accounts.length; a++) {
            for (Ref ref : accounts[a].logsInTo()) {
                logsInTo.add(a, componentOf(index, ref));
            }
            for (Ref ref : accounts[a].usedFrom()) {
                usedFrom.add(a, componentOf(index, ref));
            }
        }
        accountLogsInTo = logsInTo.build();
        accountUsedFrom = usedFrom.build();
        for (dev.mamori.model.Mark mark : landscape.marks()) {
            index.findAny(mark.on(), List.of(Kind.COMPONENT, Kind.FLOW, Kind.CREDENTIAL, Kind.ACCOUNT))
                    .ifPresent(found -> marks.putIfAbsent(found.getValue(), mark));
        }

        dataOwner = new int[data.length];
        for (int d = 0; d < data.length; d++) {
            dataOwner[d] = data[d].owner().map(o -> stakeholderOf(index, o)).orElse(-1);
        }
        systemOwner = new int[systems.length];
        for (int s = 0; s < systems.length; s++) {
            systemOwner[s] = stakeholderOf(index, systems[s].owner());
        }
        // per system, its components and the flows that touch it: analyses that go system by
        // system then cost the system's size, not the landscape's
        Adjacency.Builder bySystem = new Adjacency.Builder(systems.length);
        for (int c = 0; c < components.length; c++) {
            bySystem.add(componentSystem[c], c);
        }
        systemComponents = bySystem.build();
        Adjacency.Builder touching = new Adjacency.Builder(systems.length);
        for (int f = 0; f < flows.length; f++) {
            if (flowFrom[f] < 0 || flowTo[f] < 0) {
                continue;
            }
            touching.add(componentSystem[flowFrom[f]], f);
            if (componentSystem[flowTo[f]] != componentSystem[flowFrom[f]]) {
                touching.add(componentSystem[flowTo[f]], f);
            }
        }
        systemFlows = touching.build();
        for (Mission mission : landscape.missions().values()) {
            neededByMission.put(mission.id(), resolveNeeds(mission));
        }
        facts = new Facts(this);
    }

    /**
     * A value computed from this graph alone, once however many analyses ask for it (the rules'
     * scoring and the systemic analysis share one propagation graph). {@code compute} must not ask
     * for another derived value.
     */
    public <T> T derived(Class<T> type, java.util.function.Function<FrozenGraph, T> compute) {
        return type.cast(derived.computeIfAbsent(type, k -> compute.apply(this)));
    }

    /** What the analyses ask of every element (internet-facing, actuates, radio, critical, …), decided once. */
    public Facts facts() {
        return facts;
    }

    /** The components of system {@code s}, in declaration order. */
    public int[] componentsOf(int s) {
        return systemComponents.of(s);
    }

    /** The flows from or to a component of system {@code s}, each once, in declaration order. */
    public int[] flowsTouching(int s) {
        return systemFlows.of(s);
    }

    /** Compiles a landscape that validated without errors; its references all resolve. */
    public static FrozenGraph of(Landscape landscape) {
        return new FrozenGraph(landscape, new ElementIndex(landscape));
    }

    /**
     * Compiles a landscape with the element index its validation built ({@link
     * dev.mamori.model.validate.Validator#index()}), so that references are indexed once per run.
     */
    public static FrozenGraph of(Landscape landscape, ElementIndex index) {
        return new FrozenGraph(landscape, index);
    }

    private static <T> void number(T[] items, java.util.function.Function<T, String> id, Map<String, Integer> into) {
        for (int i = 0; i < items.length; i++) {
            into.put(id.apply(items[i]), i);
        }
    }

    private static <T> Optional<Integer> resolve(
            ElementIndex index,
            Ref ref,
            Kind kind,
            Class<T> type,
            java.util.function.Function<T, String> id,
            Map<String, Integer> ids) {
        return index.find(ref, kind, type).map(e -> ids.get(id.apply(e)));
    }

    private int componentOf(ElementIndex index, Ref ref) {
        return index.find(ref, Kind.COMPONENT, Component.class)
                .map(c -> componentIds.get(c.id()))
                .orElseThrow(() -> new IllegalArgumentException("unresolved component " + ref + " at " + ref.at()));
    }

    private int stakeholderOf(ElementIndex index, Ref ref) {
        return index.find(ref, Kind.STAKEHOLDER, Stakeholder.class)
                .map(s -> stakeholderIds.get(s.id()))
                .orElse(-1);
    }

    /**
     * The stakeholder a reference names, or -1: resolved by the element index as the validator
     * resolved it, so that analyses do not resolve references a second way.
     */
    public int stakeholderOf(Ref ref) {
        return stakeholderOf(elements, ref);
    }

    /** The component a reference names, if it names one (resolved by the element index). */
    public Optional<Integer> componentOf(Ref ref) {
        return elements.find(ref, Kind.COMPONENT, Component.class).map(c -> componentIds.get(c.id()));
    }

    // ---- sizes and elements ------------------------------------------------------------------

    public Landscape landscape() {
        return landscape;
    }

    public int componentCount() {
        return components.length;
    }

    public int flowCount() {
        return flows.length;
    }

    /**
     * From how many elements (components and flows) on the analyses use a second thread: below it,
     * an analysis takes milliseconds and keeps to one.
     */
    public static final int SIDE_BY_SIDE_FROM = 5_000;

    /** Whether this landscape is large enough for the analyses to use a second thread ({@link #SIDE_BY_SIDE_FROM}). */
    public boolean worthSideBySide() {
        return componentCount() + flowCount() >= SIDE_BY_SIDE_FROM;
    }

    public int credentialCount() {
        return credentials.length;
    }

    public int zoneCount() {
        return zones.length;
    }

    public int systemCount() {
        return systems.length;
    }

    public int dataCount() {
        return data.length;
    }

    public int stakeholderCount() {
        return stakeholders.length;
    }

    public Component component(int c) {
        return components[c];
    }

    public Flow flow(int f) {
        return flows[f];
    }

    /**
     * The mark on an element of the model (a component, flow, credential relation or account), if the
     * model marks it as assumed, alleged or unknown-method.
     */
    public java.util.Optional<dev.mamori.model.Mark> markOn(Object element) {
        return java.util.Optional.ofNullable(marks.get(element));
    }

    public int accountCount() {
        return accounts.length;
    }

    public Account account(int a) {
        return accounts[a];
    }

    /** The components account {@code a} logs in to. */
    public int[] accountLogsInTo(int a) {
        return accountLogsInTo.of(a);
    }

    /** The components account {@code a} is typed or stored on to log in elsewhere. */
    public int[] accountUsedFrom(int a) {
        return accountUsedFrom.of(a);
    }

    public CredentialRelation credential(int r) {
        return credentials[r];
    }

    public Zone zone(int z) {
        return zones[z];
    }

    public IotSystem system(int s) {
        return systems[s];
    }

    public DataAsset data(int d) {
        return data[d];
    }

    public Stakeholder stakeholder(int s) {
        return stakeholders[s];
    }

    public Optional<Integer> componentId(String id) {
        return Optional.ofNullable(componentIds.get(id));
    }

    public Optional<Integer> stakeholderId(String id) {
        return Optional.ofNullable(stakeholderIds.get(id));
    }

    public Optional<Integer> dataId(String id) {
        return Optional.ofNullable(dataIds.get(id));
    }

    public Optional<Integer> systemId(String id) {
        return Optional.ofNullable(systemIds.get(id));
    }

    // ---- relations ---------------------------------------------------------------------------

    /** The system of component {@code c}. */
    public int systemOf(int c) {
        return componentSystem[c];
    }

    /** The zone of component {@code c}, or -1 when it names none. */
    public int zoneOf(int c) {
        return componentZone[c];
    }

    public int flowFrom(int f) {
        return flowFrom[f];
    }

    public int flowTo(int f) {
        return flowTo[f];
    }

    /** The flows leaving component {@code c}. */
    public int[] flowsOut(int c) {
        return flowsOut.of(c);
    }

    /** The flows arriving at component {@code c}. */
    public int[] flowsIn(int c) {
        return flowsIn.of(c);
    }

    /** The data assets flow {@code f} carries. */
    public int[] dataOf(int f) {
        return flowData.of(f);
    }

    /** The network-layer components flow {@code f} travels over. */
    public int[] networksOf(int f) {
        return flowNetworks.of(f);
    }

    public int credentialHolder(int r) {
        return credentialHolder[r];
    }

    /** The components that accept credential relation {@code r}. */
    public int[] credentialAccepters(int r) {
        return credentialAccepters.of(r);
    }

    /** The credential relations component {@code c} holds. */
    public int[] credentialsHeld(int c) {
        return credentialsHeld.of(c);
    }

    /** The credential relations component {@code c} accepts. */
    public int[] credentialsAccepted(int c) {
        return credentialsAccepted.of(c);
    }

    /** The number of {@code zone} (by its qualified id), or -1 when this landscape has no such zone. */
    public int zoneNumber(Zone zone) {
        Integer z = zoneIds.get(zone.id());
        return z == null ? -1 : z;
    }

    /** The components in zone {@code z}. */
    public int[] zoneMembers(int z) {
        return zoneMembers.of(z);
    }

    /** The data assets component {@code c} stores. */
    public int[] storedData(int c) {
        return storedData.of(c);
    }

    /** The owner of data asset {@code d}, or -1. */
    public int dataOwner(int d) {
        return dataOwner[d];
    }

    /** The owner of system {@code s}, or -1. */
    public int systemOwner(int s) {
        return systemOwner[s];
    }

    /** Every element of the landscape by qualified id, built once here and shared by the analyses. */
    public ElementIndex elements() {
        return elements;
    }

    /** The components a mission's needs name, each once, in the order written. */
    public int[] neededBy(Mission mission) {
        int[] known = neededByMission.get(mission.id());
        return known != null && landscape.missions().get(mission.id()) == mission
                ? known.clone()
                : resolveNeeds(mission);
    }

    private int[] resolveNeeds(Mission mission) {
        return mission.needs().references().stream()
                .flatMapToInt(ref -> java.util.Arrays.stream(needed(ref)))
                .distinct()
                .toArray();
    }

    /**
     * The components one reference of a needs expression stands for: a component itself, or for a
     * named flow its sender, its receiver and every network it travels over (the flow works only
     * while all of them do); none when it names neither.
     */
    public int[] needed(Ref ref) {
        Optional<Component> component = elements.find(ref, Kind.COMPONENT, Component.class);
        if (component.isPresent()) {
            return new int[] {componentIds.get(component.get().id())};
        }
        Optional<Flow> flow = elements.find(ref, Kind.FLOW, Flow.class);
        if (flow.isEmpty()) {
            return new int[0];
        }
        int f = flowNumber(flow.get());
        if (f < 0) {
            return new int[0];
        }
        int[] networks = networksOf(f);
        int[] out = new int[2 + networks.length];
        out[0] = flowFrom[f];
        out[1] = flowTo[f];
        System.arraycopy(networks, 0, out, 2, networks.length);
        return out;
    }

    /** A flow's number, by identity: the index hands out the model's own records. */
    private int flowNumber(Flow flow) {
        java.util.Map<Flow, Integer> numbers = flowNumbers;
        if (numbers == null) {
            numbers = new java.util.IdentityHashMap<>();
            for (int f = 0; f < flows.length; f++) {
                numbers.put(flows[f], f);
            }
            flowNumbers = numbers;
        }
        return numbers.getOrDefault(flow, -1);
    }

    /** The missions of the landscape, in declaration order. */
    public List<Mission> missions() {
        return List.copyOf(landscape.missions().values());
    }

    // ---- references --------------------------------------------------------------------------

    /** The id by which a flow is named in findings: its own id, or {@code from -> to (protocol)}. */
    public String flowName(int f) {
        Flow flow = flows[f];
        return flow.named()
                ? flow.id()
                : components[flowFrom[f]].id() + " -> " + components[flowTo[f]].id() + " (" + flow.protocol() + ")";
    }

    public ElementRef componentRef(int c) {
        Component component = components[c];
        return new ElementRef(
                Kind.COMPONENT, component.id(), Optional.of(component.system()), Optional.of(component.layer()));
    }

    /** A hazard of component {@code c}: in the component's system, on its layer. */
    public ElementRef hazardRef(int c, dev.mamori.model.Hazard hazard) {
        Component component = components[c];
        return new ElementRef(
                Kind.HAZARD, hazard.id(), Optional.of(component.system()), Optional.of(component.layer()));
    }

    /** A flow is a link of the network layer, in the system that declares it or else its sender's. */
    public ElementRef flowRef(int f) {
        String system = flows[f].system() != null ? flows[f].system() : components[flowFrom[f]].system();
        return new ElementRef(Kind.FLOW, flowName(f), Optional.of(system), Optional.of(dev.mamori.model.Layer.NETWORK));
    }

    /** A credential relation belongs to the system that declares it, or else its holder's. */
    public ElementRef credentialRef(int r) {
        CredentialRelation credential = credentials[r];
        String system = credential.system() != null ? credential.system() : components[credentialHolder[r]].system();
        return new ElementRef(Kind.CREDENTIAL, credential.id(), Optional.of(system), Optional.empty());
    }

    public ElementRef dataRef(int d) {
        return new ElementRef(Kind.DATA, data[d].id(), Optional.ofNullable(data[d].system()), Optional.empty());
    }

    public ElementRef zoneRef(int z) {
        return new ElementRef(Kind.ZONE, zones[z].id(), Optional.ofNullable(zones[z].system()), Optional.empty());
    }

    public ElementRef systemRef(int s) {
        return new ElementRef(Kind.SYSTEM, systems[s].id(), Optional.of(systems[s].id()), Optional.empty());
    }

    public ElementRef stakeholderRef(int s) {
        return new ElementRef(Kind.STAKEHOLDER, stakeholders[s].id(), Optional.empty(), Optional.empty());
    }

    public ElementRef missionRef(Mission mission) {
        return new ElementRef(Kind.MISSION, mission.id(), Optional.empty(), Optional.empty());
    }

    /** Whether a flow joins two systems. */
    public boolean crossesSystems(int f) {
        return componentSystem[flowFrom[f]] != componentSystem[flowTo[f]];
    }
}
