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
import dev.mamori.model.diagnostics.Suggestions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;

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

    /** A profile asked for by name that the catalog does not have. */
    public static final class UnknownProfile extends IllegalArgumentException {
        public UnknownProfile(String message) {
            super(message);
        }
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
     * The whole assessment of {@code landscape}.
     *
     * @param modelDiagnostics the warnings the model loaded with, carried into the assessment
     * @throws UnknownProfile when {@code options} name a profile the catalog lacks
     */
    public Assessment assess(Landscape landscape, List<Diagnostic> modelDiagnostics, AssessmentOptions options) {
        return assess(landscape, modelDiagnostics, options, Listener.NONE);
    }

    /** As above, telling {@code listener} as each of {@link #STAGES} starts. */
    public Assessment assess(
            Landscape landscape, List<Diagnostic> modelDiagnostics, AssessmentOptions options, Listener listener) {
        listener.started(STAGES.get(0));
        return assess(FrozenGraph.of(landscape), modelDiagnostics, options, listener);
    }

    /**
     * As above, over a landscape already compiled (for a caller that holds the index its validation
     * built); {@code listener} hears of the stages after the risk rules' start, which the caller told.
     */
    public Assessment assess(
            FrozenGraph graph, List<Diagnostic> modelDiagnostics, AssessmentOptions options, Listener listener) {
        return assess(graph, modelDiagnostics, options, listener, graph.worthSideBySide());
    }

    /**
     * As above, compliance judged on a thread of its own while this one runs the systemic and mission
     * analyses and the caller writes what comes before compliance ({@link Assessment#compliance()}
     * waits for it), or judged here after them. Compliance needs the findings; the other two need
     * only the graph, and on a large landscape each takes seconds. The results are the same either way.
     */
    Assessment assess(
            FrozenGraph graph,
            List<Diagnostic> modelDiagnostics,
            AssessmentOptions options,
            Listener listener,
            boolean sideBySide) {
        options.profile().ifPresent(this::checkProfile);
        LocalDate today = options.today();
        Landscape landscape = graph.landscape();
        RiskAssessment risk = new RiskEngine(rules).assess(graph, today);
        FutureTask<ComplianceResult> judged = new FutureTask<>(
                () -> new ComplianceEvaluator(catalog).evaluate(graph, risk, today, options.profile()));
        if (sideBySide) {
            Thread judge = new Thread(judged, "mamori-compliance");
            judge.setDaemon(true);
            judge.start();
        }
        listener.started(STAGES.get(1));
        SystemicAnalyzer systemicAnalyzer = new SystemicAnalyzer(graph);
        SystemicAnalysis systemic = systemicAnalyzer.analyze(options.systemic());
        listener.started(STAGES.get(2));
        MissionAnalysis missions = new MissionAnalyzer(graph, systemicAnalyzer).analyze(options.missions());
        // The loader may already have said what the risk engine says of the model (a treatment naming
        // no rule), so each diagnostic is kept once.
        Set<Diagnostic> unique = new LinkedHashSet<>(modelDiagnostics);
        unique.addAll(risk.diagnostics());
        List<Diagnostic> diagnostics = new ArrayList<>(unique);
        diagnostics.sort(Diagnostic.IN_FILE_ORDER);
        listener.started(STAGES.get(3));
        if (!sideBySide) {
            judged.run();
        }
        return new Assessment(
                landscape,
                today,
                rules.stream().map(Rule::metadata).toList(),
                risk,
                systemic,
                missions,
                diagnostics,
                judged);
    }

    private void checkProfile(String name) {
        if (!catalog.profiles().containsKey(name)) {
            throw new UnknownProfile("no profile '" + name + "'"
                    + Suggestions.didYouMean(name, catalog.profiles().keySet()) + "; known: "
                    + String.join(", ", catalog.profiles().keySet()));
        }
    }
}
