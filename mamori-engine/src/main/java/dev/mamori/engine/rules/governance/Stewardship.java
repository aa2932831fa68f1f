package dev.mamori.engine.rules.governance;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.model.Component;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.Hazard;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Ref;
import dev.mamori.model.Responsibility;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Words;
import dev.mamori.model.validate.ElementIndex;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who answers for what in a landscape, as the governance rules read it: the responsibilities
 * (RACI) resolved to elements, the owners of data assets and missions, and what a mission needs.
 * Built once per rule run from the frozen graph.
 */
final class Stewardship {

    private final FrozenGraph graph;
    private final ElementIndex index;
    /** Elements ({@code kind:id}) a responsibility names a responsible or accountable party for. */
    private final Set<String> answered = new HashSet<>();
    /** The accountable stakeholders per element ({@code kind:id}). */
    private final Map<String, Set<Integer>> accountable = new HashMap<>();

    Stewardship(FrozenGraph graph) {
        this.graph = graph;
        this.index = graph.elements();
        for (Responsibility r : graph.landscape().allResponsibilities()) {
            Optional<Map.Entry<Kind, Object>> element = index.findAny(r.element(), ElementIndex.ANY_KIND);
            if (element.isEmpty()) {
                continue;
            }
            String key = key(element.get().getKey(), element.get().getValue());
            if (r.responsible().isPresent() || r.accountable().isPresent()) {
                answered.add(key);
            }
            r.accountable()
                    .flatMap(this::stakeholder)
                    .ifPresent(s -> accountable
                            .computeIfAbsent(key, k -> new LinkedHashSet<>())
                            .add(s));
        }
    }

    private static String key(Kind kind, Object element) {
        String id;
        if (element instanceof Component c) {
            id = c.id();
        } else if (element instanceof IotSystem s) {
            id = s.id();
        } else if (element instanceof Flow f) {
            id = f.id();
        } else if (element instanceof DataAsset d) {
            id = d.id();
        } else if (element instanceof Mission m) {
            id = m.id();
        } else if (element instanceof Stakeholder s) {
            id = s.id();
        } else if (element instanceof Hazard h) {
            id = h.id();
        } else {
            id = String.valueOf(element);
        }
        return kind.name() + ":" + id;
    }

    // ---- resolution --------------------------------------------------------------------------

    Optional<Integer> stakeholder(Ref ref) {
        int s = graph.stakeholderOf(ref);
        return s < 0 ? Optional.empty() : Optional.of(s);
    }

    Optional<Integer> component(Ref ref) {
        return graph.componentOf(ref);
    }

    // ---- responsibility ----------------------------------------------------------------------

    /**
     * Whether someone answers for component {@code c}: its operator or maintainer, its system's
     * operator, or a responsibility with a responsible or accountable party for it or its system.
     * The same test as the validator's {@code no-responsible} warning.
     */
    boolean hasResponsible(int c) {
        Component component = graph.component(c);
        IotSystem system = graph.system(graph.systemOf(c));
        return component.operator().isPresent()
                || component.maintainer().isPresent()
                || system.operator().isPresent()
                || answered.contains(Kind.COMPONENT.name() + ":" + component.id())
                || answered.contains(Kind.SYSTEM.name() + ":" + system.id());
    }

    /** Whether a responsibility with a responsible or accountable party names flow {@code f}. */
    boolean hasResponsibleForFlow(int f) {
        Flow flow = graph.flow(f);
        return flow.named() && answered.contains(Kind.FLOW.name() + ":" + flow.id());
    }

    /** The owners of data asset {@code d}: its {@code owner}, and whoever a responsibility makes accountable for it. */
    Set<Integer> dataOwners(int d) {
        Set<Integer> owners = new LinkedHashSet<>();
        if (graph.dataOwner(d) >= 0) {
            owners.add(graph.dataOwner(d));
        }
        owners.addAll(
                accountable.getOrDefault(Kind.DATA.name() + ":" + graph.data(d).id(), Set.of()));
        return owners;
    }

    /** The owners of a mission: its {@code owner}, and whoever a responsibility makes accountable for it. */
    Set<Integer> missionOwners(Mission mission) {
        Set<Integer> owners = new LinkedHashSet<>();
        mission.owner().flatMap(this::stakeholder).ifPresent(owners::add);
        owners.addAll(accountable.getOrDefault(Kind.MISSION.name() + ":" + mission.id(), Set.of()));
        return owners;
    }

    // ---- data --------------------------------------------------------------------------------

    /** The ids of the systems whose components store data asset {@code d} or send or receive it. */
    Set<String> systemsHolding(int d) {
        Set<String> systems = new TreeSet<>();
        for (int c = 0; c < graph.componentCount(); c++) {
            for (int held : graph.storedData(c)) {
                if (held == d) {
                    systems.add(graph.component(c).system());
                }
            }
        }
        for (int f = 0; f < graph.flowCount(); f++) {
            for (int carried : graph.dataOf(f)) {
                if (carried == d) {
                    systems.add(graph.component(graph.flowFrom(f)).system());
                    systems.add(graph.component(graph.flowTo(f)).system());
                }
            }
        }
        return systems;
    }

    // ---- missions ----------------------------------------------------------------------------

    /** The components a mission's needs expression names, in order, each once. */
    List<Integer> needed(Needs needs) {
        Set<Integer> out = new LinkedHashSet<>();
        for (Ref ref : needs.references()) {
            for (int c : graph.needed(ref)) {
                out.add(c);
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether {@code needs} is still met when component {@code down} has failed and all else runs. */
    boolean holdsWithout(Needs needs, int down) {
        if (needs instanceof Needs.One one) {
            // a flow stands for its ends and networks: it holds while none of them is the one down
            return java.util.Arrays.stream(graph.needed(one.component())).noneMatch(c -> c == down);
        }
        if (needs instanceof Needs.All all) {
            return all.of().stream().allMatch(n -> holdsWithout(n, down));
        }
        if (needs instanceof Needs.Any any) {
            return any.of().stream().anyMatch(n -> holdsWithout(n, down));
        }
        if (needs instanceof Needs.AtLeast atLeast) {
            long met = atLeast.of().stream().filter(n -> holdsWithout(n, down)).count();
            return met >= atLeast.k();
        }
        throw new IllegalStateException("unknown needs expression " + needs);
    }

    /**
     * What losing a mission means: more when it depends on a component of a system whose category
     * is critical (critical-infrastructure, medical, automotive, or a landscape's own word marked so), on a component with a hazard or a safety function, or when it
     * tolerates at most an hour of downtime.
     */
    Factor missionStakes(Mission mission) {
        return missionStakes(mission, List.of());
    }

    /** As {@link #missionStakes(Mission)}, naming the components in {@code first} in the reason when they tie. */
    Factor missionStakes(Mission mission, List<Integer> first) {
        Set<Integer> order = new LinkedHashSet<>(first);
        order.addAll(needed(mission.needs()));
        Factor stakes = Factor.of(3, "when " + mission.id() + " stops, the service it stands for stops");
        if (mission.maxTolerableDowntime().isPresent()
                && mission.maxTolerableDowntime().get().compareTo(Duration.ofHours(1)) <= 0) {
            stakes = stakes.max(Factor.of(
                    4,
                    mission.id() + " tolerates at most "
                            + Words.of(mission.maxTolerableDowntime().get()) + " of downtime"));
        }
        for (int c : order) {
            Component component = graph.component(c);
            IotSystem system = graph.system(graph.systemOf(c));
            if (graph.facts().critical(graph.systemOf(c))) {
                stakes = stakes.max(Factor.of(
                        4,
                        mission.id() + " depends on " + component.id() + " of " + system.category() + " system "
                                + system.id()));
            }
            if (!component.hazards().isEmpty()) {
                stakes = stakes.max(Factor.of(
                        4,
                        mission.id() + " depends on " + component.id() + ", which has hazard "
                                + component.hazards().get(0).id()));
            } else if (component.safetyFunction()) {
                stakes = stakes.max(
                        Factor.of(4, mission.id() + " depends on " + component.id() + ", a safety function"));
            }
        }
        return stakes;
    }
}
