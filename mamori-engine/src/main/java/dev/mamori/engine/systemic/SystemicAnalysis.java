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
        List<Path> internalPaths,
        List<SystemRadius> blastRadius,
        List<HazardReach> hazards,
        List<MissionEffect> missions,
        List<Flood> floods,
        List<DataRead> dataRead,
        List<DataTampered> dataTampered,
        Optional<Isolation> isolation,
        Optional<OutageEffect> outage) {

    public SystemicAnalysis {
        entries = List.copyOf(entries);
        floods = List.copyOf(floods);
        dataRead = List.copyOf(dataRead);
        dataTampered = List.copyOf(dataTampered);
        paths = List.copyOf(paths);
        internalPaths = List.copyOf(internalPaths);
        blastRadius = List.copyOf(blastRadius);
        hazards = List.copyOf(hazards);
        missions = List.copyOf(missions);
    }

    /** A component an attacker starts from, and why. */
    public record Entry(String component, String reason, double probability) {}

    /** The most likely path into a system other than the one the attacker started in. */
    /**
     * @param basis what the path rests on: {@code stated} facts only; {@code assumed} where a step
     *     rests on an assumption or a fact the model marks; {@code alleged} when every step is a fact
     *     a source alleges, which is reported as such and is no finding of the analysis
     */
    public record Path(
            String target, String targetSystem, String entry, double probability, List<Hop> hops, String basis) {}

    /** What a compromise of a whole system reaches over control relations. */
    public record SystemRadius(String system, List<String> systemsReached, int score, String explanation) {}

    /**
     * A hazard whose component an attacker can control.
     *
     * @param unitsHeld how many units of the component the attacker holds (a fleet may be held in part)
     * @param units how many units the component stands for
     */
    public record HazardReach(
            String hazard,
            String severity,
            boolean interlocked,
            double probability,
            List<Hop> hops,
            long unitsHeld,
            long units) {

        /** Nothing for a single component; ", on 1 of 5000 units" or ", on all 5000 units" for a fleet. */
        public String onUnits() {
            return units == 1
                    ? ""
                    : unitsHeld == units
                            ? ", on all " + units + " units"
                            : ", on " + unitsHeld + " of " + units + " units";
        }
    }

    /**
     * A component taken down by a flood: the devices the attacker holds that can send to the
     * internet, more than it absorbs.
     *
     * @param from the held components the flood comes from, with their counts
     */
    public record Flood(String target, long devices, long capacity, List<String> from) {
        public Flood {
            from = List.copyOf(from);
        }
    }

    /**
     * A data asset the attacker reads (confidentiality): stored on a component it holds, sent to or
     * from one, or carried in clear over a network it holds; the likeliest way, with its path.
     *
     * @param confidentiality the asset's confidentiality need (low, medium, high, critical)
     * @param where how it is read, in words
     * @param holder the component the attacker reads it on
     * @param hops the most likely path to {@code holder}, from where the attacker started
     * @param leaves whether the attacker can send it out: from a component that faces the internet or
     *     sits in a zone whose egress is open (or not stated), directly or relayed over flows between
     *     components it holds
     * @param egress how it leaves, or why it cannot, in words
     */
    public record DataRead(
            String data,
            String confidentiality,
            boolean personal,
            double probability,
            String where,
            String holder,
            List<Hop> hops,
            boolean leaves,
            String egress) {
        public DataRead {
            hops = List.copyOf(hops);
        }
    }

    /**
     * A data asset the attacker can change (integrity): where it is stored on a component it holds,
     * sent false by a sender it holds, or altered on its way over a network it holds when the flow is
     * neither encrypted nor strongly authenticated; the likeliest way, with its path.
     *
     * @param integrity the asset's integrity need (low, medium, high, critical)
     */
    public record DataTampered(
            String data, String integrity, double probability, String where, String holder, List<Hop> hops) {
        public DataTampered {
            hops = List.copyOf(hops);
        }
    }

    /**
     * A flood no relation of the model can keep away (its devices are held from the start, or
     * cutting them off costs more than is offered), answered by capacity: the plan's check ran with
     * the component absorbing it.
     *
     * @param devices the devices the flood comes from
     * @param absorbs what the component absorbs today
     */
    public record Capacity(String component, long devices, long absorbs, long cost, String why) {}

    /** A mission that stops if the controlled components act against it. */
    public record MissionEffect(String mission, List<String> compromisedNeeds) {}

    /**
     * The cheapest cut between {@code from} and {@code protect}, checked: its cuts were applied to
     * the propagation graph and the analysis run again before it was printed.
     *
     * @param alreadyIsolated true when nothing of {@code protect} was reachable in the first place
     * @param verified true when, with every cut applied, the attacker neither controls what is
     *     protected nor (for a mission) stops it by what they hold
     * @param stillReaching when not verified: what the attacker still holds that reaches the target
     *     with every cut applied, and from where; the relations the model offers cannot isolate it
     * @param rounds how many times the plan was cut again on what the previous cuts left
     */
    public record Isolation(
            String from,
            String protect,
            List<Cut> cuts,
            long cost,
            List<String> dominators,
            boolean alreadyIsolated,
            boolean verified,
            List<String> stillReaching,
            int rounds,
            List<Capacity> capacity) {

        public Isolation {
            cuts = List.copyOf(cuts);
            dominators = List.copyOf(dominators);
            stillReaching = List.copyOf(stillReaching);
            capacity = List.copyOf(capacity);
        }

        /** A plan that isolates in one round (as renderers' tests build it). */
        public Isolation(
                String from,
                String protect,
                List<Cut> cuts,
                long cost,
                List<String> dominators,
                boolean alreadyIsolated) {
            this(from, protect, cuts, cost, dominators, alreadyIsolated, true, List.of(), 1, List.of());
        }
    }

    /** One relation to cut or harden, what it is, and what cutting it costs. */
    public record Cut(
            String from, String to, Relation relation, String element, String weakness, long cost, String why) {}

    /** What goes down when the given components fail. */
    public record OutageEffect(List<String> failed, List<String> down, List<String> missionsStopped) {}
}
