package dev.mamori.model.validate;

import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every referable element of a landscape by its qualified id, per kind, so that references
 * resolve in constant time and misspellings find their nearest neighbour.
 */
public final class ElementIndex {

    /** The kinds of element a reference can point at. */
    public enum Kind {
        STAKEHOLDER("stakeholder", false, true),
        SYSTEM("system", false, true),
        ZONE("zone", true, false),
        COMPONENT("component", true, false),
        DATA("data asset", true, true),
        MISSION("mission", false, true),
        FLOW("flow", true, true),
        CREDENTIAL("credential relation", true, true),
        ACCOUNT("account", true, true),
        HAZARD("hazard", true, false);

        private final String noun;
        private final boolean inSystems;
        private final boolean inLandscape;

        Kind(String noun, boolean inSystems, boolean inLandscape) {
            this.noun = noun;
            this.inSystems = inSystems;
            this.inLandscape = inLandscape;
        }

        public String noun() {
            return noun;
        }

        /** Whether elements of this kind are declared inside systems, so bare ids resolve there. */
        public boolean livesInSystems() {
            return inSystems;
        }

        /** Whether elements of this kind are declared at landscape level. */
        public boolean livesInLandscape() {
            return inLandscape;
        }
    }

    /** Every kind an element reference may name, in the order a bare id is looked up. */
    public static final List<Kind> ANY_KIND = List.of(
            Kind.SYSTEM,
            Kind.COMPONENT,
            Kind.FLOW,
            Kind.DATA,
            Kind.MISSION,
            Kind.ZONE,
            Kind.HAZARD,
            Kind.CREDENTIAL,
            Kind.ACCOUNT,
            Kind.STAKEHOLDER);

    private final Map<Kind, Map<String, Object>> byKind = new HashMap<>();

    public ElementIndex(Landscape landscape) {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new LinkedHashMap<>());
        }
        landscape.stakeholders().forEach((id, s) -> put(Kind.STAKEHOLDER, id, s));
        landscape.missions().forEach((id, m) -> put(Kind.MISSION, id, m));
        landscape.data().forEach((id, d) -> put(Kind.DATA, d.id(), d));
        for (IotSystem system : landscape.systems().values()) {
            put(Kind.SYSTEM, system.id(), system);
            for (Zone zone : system.zones().values()) {
                put(Kind.ZONE, zone.id(), zone);
            }
            for (Component component : system.components().values()) {
                put(Kind.COMPONENT, component.id(), component);
                for (Hazard hazard : component.hazards()) {
                    put(Kind.HAZARD, hazard.id(), hazard);
                }
            }
            for (DataAsset asset : system.data().values()) {
                put(Kind.DATA, asset.id(), asset);
            }
        }
        for (Flow flow : landscape.allFlows()) {
            if (flow.named()) {
                put(Kind.FLOW, flow.id(), flow);
            }
        }
        for (CredentialRelation credential : landscape.allCredentials()) {
            put(Kind.CREDENTIAL, credential.id(), credential);
        }
        for (dev.mamori.model.Account account : landscape.allAccounts()) {
            put(Kind.ACCOUNT, account.id(), account);
        }
    }

    private void put(Kind kind, String id, Object element) {
        byKind.get(kind).putIfAbsent(id, element);
    }

    /** The qualified id of any element this index holds. */
    public static String idOf(Object element) {
        if (element instanceof Component c) {
            return c.id();
        }
        if (element instanceof IotSystem s) {
            return s.id();
        }
        if (element instanceof DataAsset d) {
            return d.id();
        }
        if (element instanceof Flow f) {
            return f.id();
        }
        if (element instanceof CredentialRelation r) {
            return r.id();
        }
        if (element instanceof Zone z) {
            return z.id();
        }
        if (element instanceof Hazard h) {
            return h.id();
        }
        if (element instanceof dev.mamori.model.Mission m) {
            return m.id();
        }
        if (element instanceof dev.mamori.model.Stakeholder s) {
            return s.id();
        }
        throw new IllegalArgumentException("not an element: " + element);
    }

    /** The element of {@code kind} the reference stands for, if any. */
    public <T> Optional<T> find(Ref ref, Kind kind, Class<T> type) {
        Map<String, Object> elements = byKind.get(kind);
        for (String candidate : ref.candidates()) {
            Object element = elements.get(candidate);
            if (element != null) {
                return Optional.of(type.cast(element));
            }
        }
        return Optional.empty();
    }

    /** The kind and element the reference stands for, searching the given kinds in order. */
    public Optional<Map.Entry<Kind, Object>> findAny(Ref ref, List<Kind> kinds) {
        for (String candidate : ref.candidates()) {
            for (Kind kind : kinds) {
                Object element = byKind.get(kind).get(candidate);
                if (element != null) {
                    return Optional.of(Map.entry(kind, element));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The ids a user could have meant instead of {@code ref}: the bare ids of its own system, and
     * every qualified id of the kinds.
     */
    List<String> spellings(Ref ref, List<Kind> kinds) {
        List<String> out = new ArrayList<>();
        for (Kind kind : kinds) {
            for (String id : byKind.get(kind).keySet()) {
                out.add(id);
                if (ref.system() != null && id.startsWith(ref.system() + ".")) {
                    out.add(id.substring(ref.system().length() + 1));
                }
            }
        }
        return out;
    }
}
