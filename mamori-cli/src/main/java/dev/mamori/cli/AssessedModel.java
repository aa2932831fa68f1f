package dev.mamori.cli;

import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The model a command assesses and the day it is judged on, shared by the commands that run the
 * analyses (a picocli mixin): load it through the workspace (or the bundled example), print its
 * errors when it is invalid, and otherwise have the workspace assess it.
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

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "The landscape folder: imports and catalogs are read only inside it (default: the first"
                    + " model file's folder).")
    Path root;

    @picocli.CommandLine.Mixin
    VulnerabilityOptions vulnerabilities = new VulnerabilityOptions();

    LocalDate today() {
        return today != null ? today : LocalDate.now();
    }

    /** The options of a whole assessment judged on {@link #today()}, for the command to refine. */
    AssessmentOptions options() {
        return AssessmentOptions.on(today());
    }

    static final String READING = "reading and validating the model";

    /** Reading, then each analysis of the assessment as the engine starts it. */
    static final List<String> STAGES = stages();

    private static List<String> stages() {
        List<String> all = new ArrayList<>(List.of(READING));
        Workspace.STAGES.forEach(stage -> all.add(assessing(stage)));
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
        return root.getCommand() instanceof MamoriCommand mamori ? mamori.progress(stages) : Progress.NONE;
    }

    /**
     * The assessment, or empty after printing the model's errors (the command then exits 1).
     *
     * @param bundledWhenNone whether the bundled example stands in when no model is given and there
     *     is no mamori.yaml; false for the commands that gate
     */
    Optional<Assessment> assess(
            CommandLine commandLine, Path workingDirectory, AssessmentOptions options, boolean bundledWhenNone) {
        try (Progress progress = progress(commandLine, STAGES)) {
            return assess(commandLine, workingDirectory, options, bundledWhenNone, progress);
        }
    }

    /** As above, advancing {@code progress} through {@link #STAGES}. */
    Optional<Assessment> assess(
            CommandLine commandLine,
            Path workingDirectory,
            AssessmentOptions options,
            boolean bundledWhenNone,
            Progress progress) {
        progress.stage(READING);
        ModelInput input = ModelInput.load(commandLine, workingDirectory, files, today, bundledWhenNone, root);
        if (!input.loaded().valid()) {
            progress.print(
                    commandLine.getOut(),
                    new DiagnosticsReport(List.of(), input.loaded().diagnostics()).text(""));
            return Optional.empty();
        }
        try {
            Workspace workspace = input.workspace()
                    .withVulnerabilities(vulnerabilities.data(commandLine, workingDirectory, input.bundled()));
            return Optional.of(workspace.assess(input.loaded(), options, stage -> progress.stage(assessing(stage))));
        } catch (Workspace.InvalidRequest e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}
