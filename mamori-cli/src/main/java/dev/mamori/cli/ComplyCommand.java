package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ConformanceStatement;
import dev.mamori.engine.compliance.Obligation;
import dev.mamori.engine.gate.GatePolicy;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.report.compliance.ComplianceJson;
import dev.mamori.report.compliance.ComplianceText;
import dev.mamori.report.compliance.ConformanceStatementMarkdown;
import dev.mamori.report.json.StableJson;
import dev.mamori.report.oscal.OscalExport;
import dev.mamori.report.oscal.OscalPoam;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        name = "comply",
        mixinStandardHelpOptions = true,
        header = "Check the requirements of each system's profile, with evidence, gaps and coverage per standard.",
        description = {
            "Judges every system against its requirement profile (the one it names with 'profile:', else the",
            "one for its sector or category) under the landscape's jurisdictions: each requirement is",
            "satisfied, not satisfied, not applicable or needs review, with the evidence (findings of the",
            "risk rules, declared controls) and what would close the gap; then the coverage of each",
            "standard asked for. --format ics writes the ETSI EN 303 645 implementation conformance",
            "statement (Annex B pro forma) filled from the model. --format oscal -o DIR writes OSCAL 1.1",
            "JSON documents into DIR: the catalog, the profiles used, the assessment results and the plan of",
            "action and milestones for the open gaps. docs/compliance.md explains it all."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:checked (and, with --fail-on, no requirement of that obligation or stronger is unmet)",
            "1:the model or a catalog file is invalid (its errors were printed, located)",
            "2:usage error (unknown option, profile or standard, no such file, cannot write -o)",
            "3:internal error in Mamori (a bug; please report it)",
            "4:--fail-on: a requirement of that obligation or stronger is not satisfied"
        })
final class ComplyCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        ics,
        oscal
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AssessedModel model;

    @Option(
            names = "--profile",
            paramLabel = "PROFILE",
            description = "Judge every system against PROFILE instead of its own ('mamori catalog' lists them).")
    String profile;

    @Option(
            names = "--standard",
            paramLabel = "STANDARD",
            description = "Give coverage of STANDARD (repeatable; default: etsi-en-303-645-v3.1.3 and eu-cra-annex-i);"
                    + " with --format ics, the ETSI version to fill in.")
    List<String> standards;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (default), json (the compliance section), ics (ETSI EN 303 645 conformance"
                    + " statement, Markdown), or oscal (OSCAL 1.1 JSON documents, written into the directory -o"
                    + " names).")
    Format format = Format.text;

    @Option(names = "--all", description = "Show every requirement and means, not only those that are not satisfied.")
    boolean all;

    @Option(
            names = "--fail-on",
            paramLabel = "OBLIGATION",
            description = "Exit 4 when a requirement at least this binding is not satisfied: statutory, essential,"
                    + " additional.")
    String failOn;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Obligation threshold = failOn == null ? null : obligation(failOn);
        if (format == Format.oscal && output.file == null) {
            throw new ParameterException(
                    spec.commandLine(), "--format oscal writes several documents: name a directory with -o DIR");
        }
        Optional<Assessment> assessed = model.assess(
                spec.commandLine(),
                parent.workingDirectory(),
                model.options().withProfile(Optional.ofNullable(profile)),
                threshold == null);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        ComplianceResult result = assessment.compliance();
        Catalog catalog = result.catalog();
        List<String> chosen = standards == null || standards.isEmpty()
                ? (format == Format.ics ? List.of("etsi-en-303-645-v3.1.3") : ComplianceJson.DEFAULT_STANDARDS)
                : standards;
        for (String s : chosen) {
            if (!catalog.standards().containsKey(s)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "no standard '" + s + "'"
                                + Suggestions.didYouMean(s, catalog.standards().keySet()) + "; known: "
                                + String.join(", ", catalog.standards().keySet()));
            }
            if (format == Format.ics && !ConformanceStatement.etsiVersions().contains(s)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--format ics fills in ETSI EN 303 645; give --standard "
                                + String.join(" or ", ConformanceStatement.etsiVersions()));
            }
        }
        if (format == Format.oscal) {
            oscal(assessment, result);
        } else {
            Output.Content content = switch (format) {
                case text -> out -> ComplianceText.write(result, chosen, all, out);
                case json -> out -> json(result, chosen, out);
                case ics -> out -> out.write(ics(result, chosen));
                case oscal -> throw new IllegalStateException("written above");
            };
            output.write(
                    spec.commandLine(),
                    parent.workingDirectory(),
                    content,
                    assessment.landscape().files());
        }
        if (threshold != null) {
            long failing = GatePolicy.requirementsAtOrAbove(threshold).failing(result);
            if (failing > 0) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "mamori: %s at or above %s not satisfied%n",
                                Count.of(failing, "requirement"), threshold.word());
                return ExitCode.GATE_FAILED;
            }
        }
        return ExitCode.OK;
    }

    private static void json(ComplianceResult result, List<String> standards, Writer out) throws IOException {
        try (StableJson.Document json = StableJson.open(out)) {
            json.startObject();
            json.field("format", Map.of("name", "mamori-compliance", "version", 1));
            json.field("generator", "mamori " + Version.number());
            json.name("compliance");
            ComplianceJson.write(json, result, standards);
            json.endObject();
        }
    }

    /** Writes the OSCAL documents into the directory -o names, creating it if need be. */
    private void oscal(Assessment assessment, ComplianceResult result) {
        Path target = Output.folder(spec.commandLine(), parent.workingDirectory(), output.file);
        List<OscalExport.Document> documents = OscalExport.of(assessment, result, Version.number());
        for (OscalExport.Document d : documents) {
            Output.writeFile(
                    spec.commandLine(),
                    target,
                    Path.of(d.file()),
                    (Output.Content) out -> d.body().writeTo(out),
                    assessment.landscape().files());
            spec.commandLine().getErr().println("mamori: wrote " + output.file.resolve(d.file()));
        }
        if (documents.stream().noneMatch(d -> d.file().equals(OscalPoam.FILE))) {
            spec.commandLine()
                    .getErr()
                    .println("mamori: no open gap, so no plan of action and milestones (" + OscalPoam.FILE + ")");
        }
    }

    private static String ics(ComplianceResult result, List<String> standards) {
        List<String> parts = new ArrayList<>();
        for (var system : result.systems()) {
            for (String standard : standards) {
                parts.add(ConformanceStatementMarkdown.render(
                        ConformanceStatement.of(result.catalog(), system, standard)));
            }
        }
        return String.join("\n", parts);
    }

    private Obligation obligation(String word) {
        return Obligation.ofWord(word)
                .orElseThrow(() -> new ParameterException(
                        spec.commandLine(), "--fail-on takes statutory, essential or additional, not '" + word + "'"));
    }
}
