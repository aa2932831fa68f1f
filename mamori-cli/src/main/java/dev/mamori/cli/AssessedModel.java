package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.Assessor;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.Landscape;
import dev.mamori.model.load.LoadResult;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The model a command assesses and the day it is judged on, shared by the commands that run the
 * analyses (a picocli mixin): load it (or the bundled example), print its errors when it is invalid,
 * and otherwise run the whole assessment.
 */
final class AssessedModel {

    @Parameters(
            paramLabel = "MODEL",
            arity = "0..*",
            description = "Model files. Default: mamori.yaml, else the bundled example.")
    List<Path> files;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "Judge expiry dates against DATE (YYYY-MM-DD) instead of today.")
    LocalDate today;

    LocalDate today() {
        return today != null ? today : LocalDate.now();
    }

    /** The assessment, or empty after printing the model's errors (the command then exits 1). */
    Optional<Assessment> assess(CommandLine commandLine, Path workingDirectory, SystemicAnalyzer.Options options) {
        return assess(commandLine, workingDirectory, options, MissionAnalyzer.Options.defaults());
    }

    /** As above, with the mission analysis run for {@code missionOptions}. */
    Optional<Assessment> assess(
            CommandLine commandLine,
            Path workingDirectory,
            SystemicAnalyzer.Options options,
            MissionAnalyzer.Options missionOptions) {
        try (Progress progress = progress(commandLine, STAGES)) {
            return assess(commandLine, workingDirectory, options, missionOptions, progress);
        }
    }

    static final String READING = "reading and validating the model";

    /** Reading, then each analysis of the assessment as the engine starts it. */
    static final List<String> STAGES = stages();

    private static List<String> stages() {
        List<String> all = new java.util.ArrayList<>(List.of(READING));
        Assessor.STAGES.forEach(stage -> all.add(assessing(stage)));
        return List.copyOf(all);
    }

    private static String assessing(String stage) {
        return "assessing: " + stage;
    }

    /** The progress line of the command's run, from the root command, which knows whether there is a terminal. */
    static Progress progress(CommandLine commandLine, List<String> stages) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof MamoriCommand mamori
                ? mamori.progress(commandLine.getErr(), stages)
                : Progress.NONE;
    }

    /** As above, advancing {@code progress} through {@link #STAGES}. */
    Optional<Assessment> assess(
            CommandLine commandLine,
            Path workingDirectory,
            SystemicAnalyzer.Options options,
            MissionAnalyzer.Options missionOptions,
            Progress progress) {
        progress.stage(READING);
        LoadResult result = ModelInput.load(commandLine, workingDirectory, files, today, true);
        if (!result.valid()) {
            progress.print(commandLine.getOut(), new DiagnosticsReport(List.of(), result.diagnostics()).text(""));
            return Optional.empty();
        }
        try {
            Landscape landscape = result.landscape().orElseThrow();
            return Optional.of(new Assessor(RuleCatalog.all(), CatalogInput.of(landscape, workingDirectory))
                    .assess(
                            landscape,
                            today(),
                            result.warnings(),
                            options,
                            missionOptions,
                            stage -> progress.stage(assessing(stage))));
        } catch (SystemicAnalyzer.UnknownElement | MissionAnalyzer.UnknownScenario e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
