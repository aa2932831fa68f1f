package dev.mamori.report.assessment;

import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.model.Words;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code missions} section of the assessment JSON; docs/assessment-json.md documents it. */
final class MissionsJson {

    private MissionsJson() {}

    static Map<String, Object> of(MissionAnalysis a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "missions",
                a.missions().stream()
                        .map(m -> SystemicJson.map(
                                "mission", m.mission(),
                                "name", m.name(),
                                "needs", m.needs(),
                                "singlePoints",
                                        m.single().stream()
                                                .map(c -> SystemicJson.map(
                                                        "component", c.component(),
                                                        "effect", Words.of(c.effect()),
                                                        "needsLost", c.needsLost()))
                                                .toList(),
                                "pairs",
                                        m.pairs().stream()
                                                .map(p -> SystemicJson.map(
                                                        "components", java.util.List.of(p.first(), p.second()),
                                                        "effect", Words.of(p.effect()),
                                                        "needsLost", p.needsLost()))
                                                .toList(),
                                "pairCandidates", m.pairCandidates(),
                                "pairsComplete", m.pairsComplete(),
                                "stoppedUnderAttack", m.stoppedUnderAttack(),
                                "underAttack",
                                        m.underAttack().stream()
                                                .map(r -> SystemicJson.map(
                                                        "need", r.need(),
                                                        "entry", r.entry(),
                                                        "probability", SystemicJson.round(r.probability()),
                                                        "hops", SystemicJson.hops(r.hops())))
                                                .toList()))
                        .toList());
        out.put(
                "singlePointsOfFailure",
                a.singlePoints().stream()
                        .map(s -> SystemicJson.map(
                                "component", s.component(), "stops", s.stops(), "degrades", s.degrades()))
                        .toList());
        out.put(
                "scenarios",
                a.scenarios().stream()
                        .map(s -> SystemicJson.map(
                                "scenario", s.scenario(),
                                "name", s.name(),
                                "description", s.description(),
                                "failed", s.failed(),
                                "compromised", s.compromised(),
                                "down", s.down(),
                                "missions",
                                        s.missions().stream()
                                                .map(o -> SystemicJson.map(
                                                        "mission", o.mission(),
                                                        "status", Words.of(o.status()),
                                                        "degradedMode",
                                                                o.degradedMode().orElse(null),
                                                        "needsLost", o.needsLost(),
                                                        "backAfter", span(o.backAfter()),
                                                        "rto", span(o.rto()),
                                                        "maxDowntime", span(o.maxDowntime()),
                                                        "meetsObjectives",
                                                                o.meetsObjectives()
                                                                        .orElse(null),
                                                        "waitsFor", o.waitsFor(),
                                                        "explanation", o.explanation(),
                                                        "fixes", o.fixes()))
                                                .toList(),
                                "restoration",
                                        s.restoration().stream()
                                                .map(st -> SystemicJson.map(
                                                        "component", st.component(),
                                                        "cause", st.cause(),
                                                        "by", st.by(),
                                                        "how", st.how(),
                                                        "start", span(st.start()),
                                                        "duration", span(st.duration()),
                                                        "done", span(st.done()),
                                                        "after", st.after(),
                                                        "fallback",
                                                                st.fallback().orElse(null)))
                                                .toList()))
                        .toList());
        out.put(
                "robustness",
                SystemicJson.map(
                        "samplesPerPoint", a.robustness().samplesPerPoint(),
                        "seed", a.robustness().seed(),
                        "points",
                                a.robustness().points().stream()
                                        .map(p -> SystemicJson.map(
                                                "failedFraction", SystemicJson.round(p.failedFraction()),
                                                "missionsUp", SystemicJson.round(p.missionsUp()),
                                                "worstMissionsUp", SystemicJson.round(p.worstMissionsUp())))
                                        .toList()));
        return out;
    }

    /** A duration as the model writes it ("1h30m"), or null when unknown. */
    private static String span(Optional<Duration> d) {
        return d.map(Words::of).orElse(null);
    }
}
