package dev.mamori.cli;

import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.report.diff.AssessmentDiff;
import dev.mamori.report.diff.DiffReport;
import dev.mamori.report.diff.Snapshot;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        header = "Show what changed between two versions of a model, or two saved assessments.",
        description = {
            "OLD and NEW are each a model's root file (assessed now) or an assessment saved with",
            "'mamori assess --format json'; the two kinds can be mixed. Prints the findings that are",
            "new, resolved, or changed (severity, likelihood, impact, status such as open -> accepted),",
            "matched by rule and element, and how the systemic picture moved: components an attacker",
            "controls, paths into other systems, blast radius, hazards and missions."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:compared",
            "1:a model is invalid (its errors were printed), or a JSON file is not an assessment",
            "2:usage error (unknown option, no such file)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class DiffCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        markdown
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The model or saved assessment before.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The model or saved assessment after.")
    Path after;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or markdown.")
    Format format = Format.text;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "Judge expiry dates of the models against DATE (YYYY-MM-DD) instead of today.")
    LocalDate today;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Optional<Snapshot> old = snapshot(before);
        if (old.isEmpty()) {
            return ExitCode.INVALID;
        }
        Optional<Snapshot> now = snapshot(after);
        if (now.isEmpty()) {
            return ExitCode.INVALID;
        }
        AssessmentDiff diff = AssessmentDiff.between(old.get(), now.get());
        Output.Content content = switch (format) {
            case text -> out -> out.write(DiffReport.text(diff));
            case json -> out -> DiffReport.json(diff, out);
            case markdown -> out -> out.write(DiffReport.markdown(diff));
        };
        output.write(spec.commandLine(), parent.workingDirectory(), content, List.of(before, after));
        return ExitCode.OK;
    }

    /** Whether {@code file} is JSON whose top-level format names a Mamori assessment; else it is a model. */
    private static boolean isSavedAssessment(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Snapshot.isAssessment(in);
        } catch (IOException e) {
            return false; // not text in UTF-8: the model's loader says what is wrong with it
        }
    }

    /** The file read as a saved assessment when it is one, else loaded and assessed as a model. */
    private Optional<Snapshot> snapshot(Path file) throws IOException {
        Path resolved = parent.workingDirectory().resolve(file);
        if (!Files.isRegularFile(resolved)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
        // A saved assessment is read as a stream: its top-level "format" first, then the rest, each
        // finding in turn; at 100,000 components it is over a billion characters.
        if (isSavedAssessment(resolved)) {
            try (Reader in = Files.newBufferedReader(resolved, StandardCharsets.UTF_8)) {
                return Optional.of(Snapshot.read(in));
            } catch (IOException | Snapshot.NotAnAssessment e) {
                spec.commandLine().getOut().println(file + ":1:1: error: " + e.getMessage());
                return Optional.empty();
            }
        }
        LocalDate day = today != null ? today : LocalDate.now();
        ModelInput input = ModelInput.load(spec.commandLine(), parent.workingDirectory(), List.of(file), day, false);
        if (input.invalidPrinted(spec.commandLine())) {
            return Optional.empty();
        }
        // Through the workspace, so that each side is judged against its own landscape's catalogs.
        var assessment = input.workspace().assess(input.loaded(), AssessmentOptions.on(day));
        return Optional.of(Snapshot.of(assessment, Version.number()));
    }
}
