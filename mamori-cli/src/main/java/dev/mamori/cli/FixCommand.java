package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.model.edit.KeyEdit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        header = "Show, or apply, the edit of the model that fixes one finding.",
        customSynopsis =
                "mamori fix FINDING MODEL... [--apply] [--value VALUE] [--line LINE] [--today DATE] [--root DIR]",
        description = {
            "FINDING is RULE@ELEMENT, as 'assess' and its JSON name it (default-credentials@access.gate).",
            "Without --apply, prints the finding and the line of the model its fix changes, before and",
            "after. With --apply, writes the change into that file, keeping everything else (comments,",
            "order, layout), then reads and assesses the model again: the change is kept only if the",
            "model is valid and the finding is gone, else the file is put back as it was.",
            "Fixes are values the vocabulary allows for the element; a finding whose fix is not one key",
            "(a date only its maker knows, an interlock to build) has none, and says so. Where the value",
            "is a person's to choose (an owner among the stakeholders, a zone's target security level),",
            "the choices are listed and --apply needs --value; --value also picks any other edit offered."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the fix was shown, or applied and checked",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error: no such finding, several (give --line), or it has no edit",
            "3:internal error in Mamori (a bug; please report it)",
            "4:the edit was applied but did not fix the finding, or made the model invalid: the file was put back"
        })
final class FixCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AssessedModel model;

    @Option(names = "--apply", description = "Write the change into the model file, then check it.")
    boolean apply;

    @Option(
            names = "--value",
            paramLabel = "VALUE",
            description = "Apply the edit that sets this value, among those offered (needed when the fix is a choice).")
    String value;

    @Option(
            names = "--line",
            paramLabel = "LINE",
            description = "The line the finding is on, when several elements share its id.")
    Integer line;

    @Override
    public Integer call() throws IOException {
        // The first word is the finding, the rest the model (the model's options are shared with
        // the other commands, whose words are all model files).
        if (model.files == null || model.files.size() < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give the finding (RULE@ELEMENT) and the model file it is in: mamori fix FINDING MODEL");
        }
        model.files = new java.util.ArrayList<>(model.files);
        String finding = model.files.remove(0).toString();
        Optional<Assessment> assessed =
                model.assess(spec.commandLine(), parent.workingDirectory(), model.options(), false);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Finding target = find(assessed.get(), finding);
        if (target.edits().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    target.id() + " has no edit of the model that fixes it; its remedies:\n  - "
                            + String.join("\n  - ", target.mitigations()));
        }
        KeyEdit edit = chosen(target);
        var out = spec.commandLine().getOut();
        if (edit == null) {
            String choices = String.join(
                    ", ", target.edits().stream().map(KeyEdit::value).toList());
            if (apply) {
                throw new ParameterException(
                        spec.commandLine(),
                        target.id() + ": set " + target.edits().get(0).key() + " to one of " + choices
                                + "; which one is yours to decide: name it with --value");
            }
            KeyEdit first = target.edits().get(0);
            out.printf(
                    "%s (%s) at %s:%d%n  %s%n  fix: set %s: one of %s (yours to choose: --apply --value VALUE)%n",
                    target.id(),
                    target.severity().word(),
                    first.element().file(),
                    first.element().line(),
                    target.explanation(),
                    first.key(),
                    choices);
            return ExitCode.OK;
        }
        Path file = fileOf(assessed.get(), edit.element().file());
        String before = Files.readString(file, StandardCharsets.UTF_8);
        KeyEdit.Result result = edit.applyTo(before);
        if (result instanceof KeyEdit.Result.Refused refused) {
            throw new ParameterException(spec.commandLine(), "cannot edit " + file + ": " + refused.reason());
        }
        String after = ((KeyEdit.Result.Edited) result).text();
        out.printf(
                "%s (%s) at %s:%d%n  %s%n  fix: set %s: %s%n%s",
                target.id(),
                target.severity().word(),
                edit.element().file(),
                edit.element().line(),
                target.explanation(),
                edit.key(),
                edit.value(),
                changedLines(before, after));
        if (!apply) {
            out.println("(shown only: add --apply to write it)");
            return ExitCode.OK;
        }
        write(file, after);
        Optional<Assessment> again =
                model.assess(spec.commandLine(), parent.workingDirectory(), model.options(), false);
        boolean fixed = again.isPresent()
                && again.get().risk().findings().stream()
                        .noneMatch(f -> f.id().equals(target.id())
                                && f.location().line() == target.location().line());
        if (!fixed) {
            write(file, before);
            out.println("NOT APPLIED: "
                    + (again.isEmpty() ? "the edit made the model invalid" : "the finding is still there")
                    + "; " + file + " is back as it was");
            return ExitCode.GATE_FAILED;
        }
        out.println("applied to " + edit.element().file() + " and checked: the model is valid and the finding is gone");
        return ExitCode.OK;
    }

    /**
     * The edit to make: the one setting {@code --value}, else the rule's preferred one; null when
     * the fix is a person's choice and none was named.
     */
    private KeyEdit chosen(Finding target) {
        if (value == null) {
            return target.edits().get(0).asks() ? null : target.edits().get(0);
        }
        return target.edits().stream()
                .filter(e -> e.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(),
                        target.id() + " offers no edit setting " + value + "; it offers "
                                + String.join(
                                        ", ",
                                        target.edits().stream()
                                                .map(e -> e.key() + ": " + e.value())
                                                .toList())));
    }

    private Finding find(Assessment assessment, String finding) {
        List<Finding> matches = assessment.risk().findings().stream()
                .filter(f -> f.id().equals(finding))
                .filter(f -> line == null || f.location().line() == line)
                .toList();
        if (matches.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no finding " + finding + (line == null ? "" : " on line " + line)
                            + "; 'mamori assess --format json' names each finding by its rule@element");
        }
        if (matches.size() > 1) {
            StringBuilder lines = new StringBuilder();
            matches.forEach(f -> lines.append("\n  ")
                    .append(f.location().file())
                    .append(':')
                    .append(f.location().line()));
            throw new ParameterException(
                    spec.commandLine(), "several findings are " + finding + "; say which with --line:" + lines);
        }
        return matches.get(0);
    }

    /** The file of the model a location names: only one of the files the model was read from. */
    private Path fileOf(Assessment assessment, String name) {
        Path file = parent.workingDirectory().resolve(name).normalize();
        boolean ours = assessment.landscape().files().stream()
                .anyMatch(f -> parent.workingDirectory().resolve(f).normalize().equals(file));
        if (!ours || !Files.isRegularFile(file)) {
            throw new ParameterException(
                    spec.commandLine(), "the fix is in " + name + ", which is not a model file read");
        }
        return file;
    }

    /**
     * Replaces the model file as every command writes a file (Output): through a temporary file
     * beside it, so that a crash leaves one or the other whole, and where a symbolic link leads.
     */
    private void write(Path file, String text) {
        Output.writeFile(
                spec.commandLine(), parent.workingDirectory(), file, text.getBytes(StandardCharsets.UTF_8), List.of());
    }

    /** The lines that differ, as "- old" / "+ new", with their numbers. */
    static String changedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length - 1;
        int endB = b.length - 1;
        while (endA >= start && endB >= start && a[endA].equals(b[endB])) {
            endA--;
            endB--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = start; i <= endA; i++) {
            out.append(String.format("  %4d - %s%n", i + 1, a[i]));
        }
        for (int i = start; i <= endB; i++) {
            out.append(String.format("  %4d + %s%n", i + 1, b[i]));
        }
        return out.toString();
    }
}
