package dev.mamori.engine.systemic;

import java.util.List;
import java.util.Optional;

/**
 * How compromise and failure spread across the landscape's systems: where an attacker starts, what
 * they reach and how (paths hop by hop, most likely first), each system's blast radius, hazards that
 * can be triggered and missions that stop, and, when asked, the isolation plan and an outage.
 */
public record SystemicAnalysis(
        List<Entry> entries,
        int controlledComponents,
        int influencedComponents,
        List<Path> paths,
        List<SystemRadius> blastRadius,
        List<HazardReach> hazards,
        List<MissionEffect> missions,
        Optional<Isolation> isolation,
        Optional<OutageEffect> outage) {

    public SystemicAnalysis {
        entries = List.copyOf(entries);
        paths = List.copyOf(paths);
        blastRadius = List.copyOf(blastRadius);
        hazards = List.copyOf(hazards);
        missions = List.copyOf(missions);
    }

    /** A component an attacker starts from, and why. */
    public record Entry(String component, String reason, double probability) {}

    /** The most likely path into a system other than the one the attacker started in. */
    public record Path(String target, String targetSystem, String entry, double probability, List<Hop> hops) {}

    /** What a compromise of a whole system reaches over control relations. */
    public record SystemRadius(String system, List<String> systemsReached, int score, String explanation) {}

    /** A hazard whose component an attacker can control. */
    public record HazardReach(
            String hazard, String severity, boolean interlocked, double probability, List<Hop> hops) {}

    /** A mission that stops if the controlled components act against it. */
    public record MissionEffect(String mission, List<String> compromisedNeeds) {}

    /**
     * The cheapest cut between {@code from} and {@code protect}.
     *
     * @param alreadyIsolated true when nothing of {@code protect} was reachable in the first place
     */
    public record Isolation(
            String from, String protect, List<Cut> cuts, long cost, List<String> dominators, boolean alreadyIsolated) {}

    /** One relation to cut or harden, what it is, and what cutting it costs. */
    public record Cut(
            String from, String to, Relation relation, String element, String weakness, long cost, String why) {}

    /** What goes down when the given components fail. */
    public record OutageEffect(List<String> failed, List<String> down, List<String> missionsStopped) {}
}
