package dev.mamori.engine.assessment;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Everything one assessment found, as one immutable value that renderers turn into text, JSON
 * and reports. Later analyses (systemic, missions, compliance) add their own sections here.
 *
 * <p>It is a value like a record, with one difference: on a large landscape compliance may still be
 * being judged on a thread of its own when the assessment is handed over ({@link Assessor}), so that
 * a renderer writes the findings meanwhile; {@link #compliance()} waits for it. Compliance comes
 * last in every document and takes seconds at 100,000 components.
 */
public final class Assessment {

    /** The version of the assessment's JSON form; it changes when a field changes meaning or goes. */
    public static final int FORMAT_VERSION = 1;

    private final Landscape landscape;
    private final LocalDate today;
    private final List<RuleMetadata> rules;
    private final RiskAssessment risk;
    private final SystemicAnalysis systemic;
    private final MissionAnalysis missions;
    private final List<Diagnostic> diagnostics;
    private final Future<ComplianceResult> compliance;

    /**
     * @param today the date expiry was judged against
     * @param rules the metadata of every rule that ran
     * @param systemic how compromise and failure spread across the systems
     * @param missions what stops the missions and how they come back
     * @param diagnostics the model's warnings and the warnings about treatments
     * @param compliance which requirements of each system's profile hold, with evidence and gaps
     */
    public Assessment(
            Landscape landscape,
            LocalDate today,
            List<RuleMetadata> rules,
            RiskAssessment risk,
            SystemicAnalysis systemic,
            MissionAnalysis missions,
            List<Diagnostic> diagnostics,
            ComplianceResult compliance) {
        this(
                landscape,
                today,
                rules,
                risk,
                systemic,
                missions,
                diagnostics,
                CompletableFuture.completedFuture(Objects.requireNonNull(compliance)));
    }

    /** As above, with compliance being judged on another thread (or judged already). */
    Assessment(
            Landscape landscape,
            LocalDate today,
            List<RuleMetadata> rules,
            RiskAssessment risk,
            SystemicAnalysis systemic,
            MissionAnalysis missions,
            List<Diagnostic> diagnostics,
            Future<ComplianceResult> compliance) {
        this.landscape = Objects.requireNonNull(landscape);
        this.today = Objects.requireNonNull(today);
        this.rules = List.copyOf(rules);
        this.risk = Objects.requireNonNull(risk);
        this.systemic = Objects.requireNonNull(systemic);
        this.missions = Objects.requireNonNull(missions);
        this.diagnostics = List.copyOf(diagnostics);
        this.compliance = Objects.requireNonNull(compliance);
    }

    public Landscape landscape() {
        return landscape;
    }

    public LocalDate today() {
        return today;
    }

    public List<RuleMetadata> rules() {
        return rules;
    }

    public RiskAssessment risk() {
        return risk;
    }

    public SystemicAnalysis systemic() {
        return systemic;
    }

    public MissionAnalysis missions() {
        return missions;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Which requirements hold; waits while compliance is still being judged. */
    public ComplianceResult compliance() {
        return joined(compliance);
    }

    public Optional<RuleMetadata> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** What {@code task} computed; what it threw is thrown here, as if it had run on this thread. */
    static <T> T joined(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compliance was judged", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Assessment that
                && landscape.equals(that.landscape)
                && today.equals(that.today)
                && rules.equals(that.rules)
                && risk.equals(that.risk)
                && systemic.equals(that.systemic)
                && missions.equals(that.missions)
                && diagnostics.equals(that.diagnostics)
                && compliance().equals(that.compliance());
    }

    @Override
    public int hashCode() {
        return Objects.hash(landscape, today, rules, risk, systemic, missions, diagnostics, compliance());
    }

    @Override
    public String toString() {
        return "Assessment[landscape=" + landscape.name() + ", today=" + today + ", findings="
                + risk.findings().size() + "]";
    }
}
