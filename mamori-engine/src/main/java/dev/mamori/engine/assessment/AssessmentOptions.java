package dev.mamori.engine.assessment;

import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one assessment is asked: the day it is judged on, the systemic and mission questions, and
 * the requirement profile every system is judged against (empty: each system its own).
 */
public record AssessmentOptions(
        LocalDate today,
        SystemicAnalyzer.Options systemic,
        MissionAnalyzer.Options missions,
        Optional<String> profile) {

    public AssessmentOptions {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(systemic, "systemic");
        Objects.requireNonNull(missions, "missions");
        Objects.requireNonNull(profile, "profile");
    }

    /** The whole assessment with no particular question, judged on {@code today}. */
    public static AssessmentOptions on(LocalDate today) {
        return new AssessmentOptions(
                today, SystemicAnalyzer.Options.defaults(), MissionAnalyzer.Options.defaults(), Optional.empty());
    }

    public AssessmentOptions withSystemic(SystemicAnalyzer.Options options) {
        return new AssessmentOptions(today, options, missions, profile);
    }

    public AssessmentOptions withMissions(MissionAnalyzer.Options options) {
        return new AssessmentOptions(today, systemic, options, profile);
    }

    public AssessmentOptions withProfile(Optional<String> name) {
        return new AssessmentOptions(today, systemic, missions, name);
    }
}
