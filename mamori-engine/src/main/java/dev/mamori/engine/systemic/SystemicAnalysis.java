package dev.mamori.engine.systemic;

import dev.mamori.model.PlanChange;
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
     * @param leaves whether the attacker can send it out: from any component it holds that the asset
     *     is read on and that faces the internet or sits in a zone whose egress is open (or not
     *     stated), directly or relayed over flows between components it holds; or heard over the air
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
     * A change of the plan other than cutting or hardening a relation: something added or set
     * (capacity, a spare, an egress rule, a link's own protection), where, and what it costs.
     */
    public sealed interface Change permits Capacity, Patch, Spare, EgressRule, ProtectedLink {
        /** The kind of change, with its key under {@code plan-costs}. */
        PlanChange kind();

        long cost();

        String why();
    }

    /**
     * A flood no relation of the model can keep away (its devices are held from the start), or one
     * cheaper absorbed than kept away, answered by capacity: the plan's check ran with the component
     * absorbing it.
     *
     * @param devices the devices the flood comes from
     * @param absorbs what the component absorbs today
     */
    public record Capacity(String component, long devices, long absorbs, long cost, String why) implements Change {
        @Override
        public PlanChange kind() {
            return PlanChange.ADD_CAPACITY;
        }
    }

    /**
     * A known flaw that crashes a component, patched where no cut keeps the attacker from it (or
     * where patching is cheaper than the cuts that would): the plan's check ran without the crash.
     */
    public record Patch(String component, String flaw, long cost, String why) implements Change {
        @Override
        public PlanChange kind() {
            return PlanChange.HARDEN_LOGIN;
        }
    }

    /**
     * A spare of a component an attacker can crash, kept where the attacker does not reach it, that
     * takes over when the component is lost: the plan's check ran with the spare in its place,
     * needing what it needs. (A spare does not help against a component the attacker controls,
     * which acts against the mission rather than stopping.)
     */
    public record Spare(String component, long cost, String why) implements Change {
        @Override
        public PlanChange kind() {
            return PlanChange.ADD_SPARE;
        }
    }

    /**
     * An egress rule against taking a data asset out: a zone (or a component in no zone) that lets
     * only its modelled flows out ({@code egress: deny}); the plan's check ran with it in place.
     *
     * @param place the zone, or the component when it sits in no zone
     * @param zone whether {@code place} is a zone
     */
    public record EgressRule(String place, boolean zone, long cost, String why) implements Change {
        @Override
        public PlanChange kind() {
            return PlanChange.EGRESS_RULE;
        }
    }

    /**
     * A radio link that anyone within range hears, protected end to end so that nobody nearby reads
     * the data asset it carries: no relation of the model leads to such a listener, so no cut helps.
     */
    public record ProtectedLink(String flow, long cost, String why) implements Change {
        @Override
        public PlanChange kind() {
            return PlanChange.PROTECT_FLOW;
        }
    }

    /** A mission that stops if the controlled components act against it. */
    public record MissionEffect(String mission, List<String> compromisedNeeds) {}

    /**
     * The cheapest cut between {@code from} and {@code protect}, checked: its cuts and changes were
     * applied to the propagation graph and the analysis run again before it was printed. For a data
     * asset, what is protected is its confidentiality: the attacker neither reads it anywhere it
     * could be taken out nor hears it over the air.
     *
     * @param alreadyIsolated true when nothing of {@code protect} was reachable in the first place
     * @param verified true when, with every cut applied, the attacker neither controls what is
     *     protected nor (for a mission) stops it by what they hold
     * @param stillReaching when not verified: what the attacker still holds that reaches the target
     *     with every cut applied, and from where; the relations the model offers cannot isolate it
     * @param rounds how many times the plan was cut again on what the previous cuts left
     * @param changes what the plan adds or sets besides its cuts, each with its cost (in {@code cost})
     * @param protectKind what {@code protect} names: a system, component, hazard, mission or data asset
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
            List<Change> changes,
            String protectKind) {

        public Isolation {
            cuts = List.copyOf(cuts);
            if (!List.of("system", "component", "hazard", "mission", "data asset")
                    .contains(protectKind)) {
                throw new IllegalArgumentException("no kind of target: " + protectKind);
            }
            dominators = List.copyOf(dominators);
            stillReaching = List.copyOf(stillReaching);
            changes = List.copyOf(changes);
        }

        /**
         * The plan's check in words, the same in every report: nothing to do, checked; checked with
         * what was applied; or not isolated, with what still reaches the target.
         */
        public String verdict() {
            boolean data = protectKind.equals("data asset");
            if (alreadyIsolated) {
                return data
                        ? "nothing to change: " + protect + " is read nowhere it could be taken out from, checked"
                        : "nothing to cut: no control path leads there, checked";
            }
            String applied = changes.isEmpty()
                    ? "with these cuts applied"
                    : cuts.isEmpty() ? "with these changes applied" : "with these cuts and changes applied";
            if (!verified) {
                return (data
                                ? "NOT KEPT IN by what the model offers: " + applied + ", " + protect
                                        + " still gets out: "
                                : "NOT ISOLATED by the relations the model offers: " + applied + ", still reaching "
                                        + protect + ": ")
                        + String.join("; ", stillReaching);
            }
            String again = rounds > 1 ? " (cut again " + (rounds - 1) + "x on what the first cut left)" : "";
            if (data) {
                return "checked: " + applied + ", " + protect + " is read nowhere it can be taken out from" + again;
            }
            return "checked: " + applied
                    + (changes.isEmpty()
                            ? ", the attacker reaches nothing of "
                            : ", the attacker neither reaches nor stops ")
                    + protect + again;
        }

        /** A plan that isolates in one round (as renderers' tests build it). */
        public Isolation(
                String from,
                String protect,
                List<Cut> cuts,
                long cost,
                List<String> dominators,
                boolean alreadyIsolated) {
            this(from, protect, cuts, cost, dominators, alreadyIsolated, true, List.of(), 1, List.of(), "system");
        }
    }

    /** One relation to cut or harden, what it is, and what cutting it costs. */
    public record Cut(
            String from, String to, Relation relation, String element, String weakness, long cost, String why) {}

    /** What goes down when the given components fail. */
    public record OutageEffect(List<String> failed, List<String> down, List<String> missionsStopped) {}
}
