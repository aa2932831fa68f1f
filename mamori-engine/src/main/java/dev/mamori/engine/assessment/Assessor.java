package dev.mamori.engine.assessment;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.ComplianceEvaluator;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs the analyses over a validated landscape, in the order their results feed each other. */
public final class Assessor {

    /** The analyses in the order they run, as a listener hears of them. */
    public static final List<String> STAGES = List.of("risk rules", "systemic risk", "missions", "compliance");

    /** Told when each analysis starts, so that a shell can show progress; the engine itself prints nothing. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = stage -> {};

        void started(String stage);
    }

    private final List<Rule> rules;
    private final Catalog catalog;

    public Assessor(List<Rule> rules) {
        this(rules, CatalogReader.builtIn());
    }

    /** An assessor that judges compliance against {@code catalog} (the built-in one, extended). */
    public Assessor(List<Rule> rules, Catalog catalog) {
        this.rules = List.copyOf(rules);
        this.catalog = catalog;
    }

    /**
     * @param modelDiagnostics the warnings the model loaded with, carried into the assessment
     */
    public Assessment assess(Landscape landscape, LocalDate today, List<Diagnostic> modelDiagnostics) {
        return assess(
                landscape,
                today,
                modelDiagnostics,
                SystemicAnalyzer.Options.defaults(),
                MissionAnalyzer.Options.defaults());
    }

    /** As above, with the systemic analysis run for {@code systemicOptions}. */
    public Assessment assess(
            Landscape landscape,
            LocalDate today,
            List<Diagnostic> modelDiagnostics,
            SystemicAnalyzer.Options systemicOptions) {
        return assess(landscape, today, modelDiagnostics, systemicOptions, MissionAnalyzer.Options.defaults());
    }

    /** As above, with the systemic and mission analyses run for the options given. */
    public Assessment assess(
            Landscape landscape,
            LocalDate today,
            List<Diagnostic> modelDiagnostics,
            SystemicAnalyzer.Options systemicOptions,
            MissionAnalyzer.Options missionOptions) {
        return assess(landscape, today, modelDiagnostics, systemicOptions, missionOptions, Listener.NONE);
    }

    /** As above, telling {@code listener} as each of {@link #STAGES} starts. */
    public Assessment assess(
            Landscape landscape,
            LocalDate today,
            List<Diagnostic> modelDiagnostics,
            SystemicAnalyzer.Options systemicOptions,
            MissionAnalyzer.Options missionOptions,
            Listener listener) {
        listener.started(STAGES.get(0));
        FrozenGraph graph = FrozenGraph.of(landscape);
        RiskAssessment risk = new RiskEngine(rules).assess(graph, today);
        listener.started(STAGES.get(1));
        SystemicAnalyzer systemicAnalyzer = new SystemicAnalyzer(graph);
        SystemicAnalysis systemic = systemicAnalyzer.analyze(systemicOptions);
        listener.started(STAGES.get(2));
        MissionAnalysis missions = new MissionAnalyzer(graph, systemicAnalyzer).analyze(missionOptions);
        List<Diagnostic> diagnostics = new ArrayList<>(modelDiagnostics);
        diagnostics.addAll(risk.diagnostics());
        diagnostics.sort(Diagnostic.IN_FILE_ORDER);
        listener.started(STAGES.get(3));
        ComplianceResult compliance = new ComplianceEvaluator(catalog).evaluate(graph, risk, today, Optional.empty());
        return new Assessment(
                landscape,
                today,
                rules.stream().map(Rule::metadata).toList(),
                risk,
                systemic,
                missions,
                diagnostics,
                compliance);
    }
}
