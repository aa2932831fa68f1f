package dev.mamori.engine.missions;

import dev.mamori.engine.systemic.Hop;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What stops the landscape's missions and how they come back (NISC 3 c) and 3 e)): for each mission
 * the single components and pairs whose failure stops it and the attack paths that can, the single
 * points of failure across the landscape, each scenario's effect with its restoration order, and
 * how the missions hold up as more and more components fail.
 */
public record MissionAnalysis(
        List<MissionCriticality> missions,
        List<SinglePoint> singlePoints,
        List<ScenarioResult> scenarios,
        Robustness robustness) {

    public MissionAnalysis {
        missions = List.copyOf(missions);
        singlePoints = List.copyOf(singlePoints);
        scenarios = List.copyOf(scenarios);
    }

    /** How a failure or an attack leaves a mission. */
    public enum Status {
        UP,
        DEGRADED,
        STOPPED
    }

    /**
     * @param single components whose failure alone stops or degrades the mission (N-1)
     * @param pairs pairs of components whose joint failure stops it though neither alone does (N-2)
     * @param needsAsWritten the needs expression as the model states it ({@code all}, {@code any},
     *     {@code at-least N of}), for renderers; {@code needs} is only the components it names
     * @param pairCandidates how many components the pairs were drawn from
     * @param pairsComplete whether every pair of components upstream of the mission was checked
     * @param underAttack the needs an attacker starting from the exposed components can take, and how
     * @param stoppedUnderAttack whether what the attacker holds or wipes stops the mission
     */
    public record MissionCriticality(
            String mission,
            String name,
            List<String> needs,
            String needsAsWritten,
            List<Critical> single,
            List<CriticalPair> pairs,
            int pairCandidates,
            boolean pairsComplete,
            List<AttackRoute> underAttack,
            boolean stoppedUnderAttack) {

        public MissionCriticality {
            needs = List.copyOf(needs);
            single = List.copyOf(single);
            pairs = List.copyOf(pairs);
            underAttack = List.copyOf(underAttack);
        }
    }

    /** A component whose failure stops or degrades a mission, and the needs it takes down with it. */
    public record Critical(String component, Status effect, List<String> needsLost) {
        public Critical {
            needsLost = List.copyOf(needsLost);
        }
    }

    public record CriticalPair(String first, String second, Status effect, List<String> needsLost) {
        public CriticalPair {
            needsLost = List.copyOf(needsLost);
        }
    }

    /** A need an attacker controls, from which entry point, by which path. */
    public record AttackRoute(String need, String entry, double probability, List<Hop> hops) {
        public AttackRoute {
            hops = List.copyOf(hops);
        }
    }

    /** A component ranked by the missions its failure alone stops or degrades. */
    public record SinglePoint(String component, List<String> stops, List<String> degrades) {
        public SinglePoint {
            stops = List.copyOf(stops);
            degrades = List.copyOf(degrades);
        }
    }

    /**
     * @param down every component down during the scenario (failed, held by the attacker, or cut off)
     * @param restoration the steps that bring the landscape back, in the order they can start
     */
    public record ScenarioResult(
            String scenario,
            String name,
            String description,
            List<String> failed,
            List<String> compromised,
            List<String> down,
            List<MissionOutcome> missions,
            List<Step> restoration) {

        public ScenarioResult {
            failed = List.copyOf(failed);
            compromised = List.copyOf(compromised);
            down = List.copyOf(down);
            missions = List.copyOf(missions);
            restoration = List.copyOf(restoration);
        }
    }

    /**
     * @param degradedMode the degraded mode that keeps the mission going, when one does
     * @param backAfter how long until the mission runs fully again; empty when that cannot be said
     *     (a step has no restore time) or never happens
     * @param meetsObjectives whether the recovery objectives hold; empty when there are none or the
     *     time is unknown
     * @param waitsFor the chain of components the mission waits for, last restored first
     * @param fixes changes that would meet the objectives, when they are missed
     */
    public record MissionOutcome(
            String mission,
            Status status,
            Optional<String> degradedMode,
            List<String> needsLost,
            Optional<Duration> backAfter,
            Optional<Duration> rto,
            Optional<Duration> maxDowntime,
            Optional<Boolean> meetsObjectives,
            List<String> waitsFor,
            String explanation,
            List<String> fixes) {

        public MissionOutcome {
            needsLost = List.copyOf(needsLost);
            waitsFor = List.copyOf(waitsFor);
            fixes = List.copyOf(fixes);
        }
    }

    /**
     * One restoration step.
     *
     * @param cause "failed" or "compromised"
     * @param start when the step can start (its restoration dependencies are back); empty when unknown
     * @param duration how long the step takes; empty when the model does not say
     * @param done when the component runs again; empty when unknown
     */
    public record Step(
            String component,
            String cause,
            String by,
            String how,
            Optional<Duration> start,
            Optional<Duration> duration,
            Optional<Duration> done,
            List<String> after,
            Optional<String> fallback) {

        public Step {
            after = List.copyOf(after);
        }
    }

    /**
     * Monte Carlo: for each fraction of components failing at random, the share of missions still
     * running, on average and in the worst sample.
     */
    public record Robustness(int samplesPerPoint, long seed, List<Point> points) {
        public Robustness {
            points = List.copyOf(points);
        }
    }

    public record Point(double failedFraction, double missionsUp, double worstMissionsUp) {}
}
