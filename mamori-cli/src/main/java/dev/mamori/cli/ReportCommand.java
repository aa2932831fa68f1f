package dev.mamori.cli;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.diagram.Diagrams;
import dev.mamori.report.html.HtmlReport;
import dev.mamori.report.markdown.MarkdownReport;
import dev.mamori.report.pdf.PdfReport;
import dev.mamori.report.sarif.SarifReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        header = "Write the assessment as reports: HTML, PDF, SARIF for code scanning, Markdown, SVG diagrams.",
        description = {
            "Assesses the model and writes the formats named by --format (several with commas)",
            "into the directory -o DIR (default: mamori-report), as report.<extension>.",
            "With a single text format (sarif, markdown) and no -o, prints it instead.",
            "--from and --protect choose the systemic view as for 'mamori systemic'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error (unknown option or format, no such file, cannot write DIR)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class ReportCommand implements Callable<Integer> {

    /** A report format: its file name in the output directory, and whether it is text one can print. */
    enum Format {
        sarif("report.sarif", true),
        markdown("report.md", true),
        html("report.html", false),
        pdf("report.pdf", false),
        svg("diagrams/", false),
        ;

        final String fileName;
        final boolean printable;

        Format(String fileName, boolean printable) {
            this.fileName = fileName;
            this.printable = printable;
        }
    }

    /** The directory the reports go to when -o is not given. */
    static final String DEFAULT_DIRECTORY = "mamori-report";

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    AssessedModel model;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            split = ",",
            description = "html (default: report.html, self-contained), pdf (the same page for print, font"
                    + " embedded), sarif, markdown, svg (every diagram alone, in diagrams/); several with commas.")
    List<Format> formats = new ArrayList<>(List.of(Format.html));

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "The directory to write into (created when missing). Default: " + DEFAULT_DIRECTORY + ".")
    Path directory;

    @Option(
            names = "--top",
            paramLabel = "N",
            description = "How many open findings the Markdown report lists (default: all).")
    Integer top;

    @Option(names = "--from", paramLabel = "X", description = "A system or component assumed compromised.")
    String from;

    @Option(names = "--protect", paramLabel = "Y", description = "A system, component, hazard or mission to isolate.")
    String protect;

    @Override
    public Integer call() throws IOException {
        if (top != null) {
            NumberOption.within(spec.commandLine(), "--top", top, 0, Integer.MAX_VALUE);
        }
        Set<Format> wanted = new LinkedHashSet<>(formats);
        SystemicAnalyzer.Options options =
                new SystemicAnalyzer.Options(Optional.ofNullable(from), Optional.ofNullable(protect), List.of());
        List<String> stages = new ArrayList<>(AssessedModel.STAGES);
        wanted.forEach(f -> stages.add(rendering(f)));
        try (Progress progress = parent.progress(stages)) {
            return write(wanted, options, progress);
        }
    }

    private static String rendering(Format format) {
        return "rendering " + format.name();
    }

    private int write(Set<Format> wanted, SystemicAnalyzer.Options options, Progress progress) {
        Optional<Assessment> assessed = model.assess(
                spec.commandLine(), parent.workingDirectory(), model.options().withSystemic(options), true, progress);
        if (assessed.isEmpty()) {
            return ExitCode.INVALID;
        }
        Assessment assessment = assessed.get();
        if (directory == null && wanted.size() == 1 && wanted.iterator().next().printable) {
            Format format = wanted.iterator().next();
            progress.stage(rendering(format));
            progress.close(); // the bar is wiped before the report reaches the terminal
            PrintWriter out = spec.commandLine().getOut();
            try {
                streamed(format, assessment).orElseThrow().writeTo(out);
            } catch (IOException e) {
                // a PrintWriter does not throw; whatever did is reported like a closed output
                throw new ParameterException(
                        spec.commandLine(), "cannot write to standard output: " + Output.reason(e));
            }
            out.flush();
            return ExitCode.OK;
        }
        Path shown = directory != null ? directory : Path.of(DEFAULT_DIRECTORY);
        Path target = Output.folder(spec.commandLine(), parent.workingDirectory(), shown);
        for (Format format : wanted) {
            progress.stage(rendering(format));
            Optional<Output.Content> streamed = streamed(format, assessment);
            if (streamed.isPresent()) {
                Output.writeFile(
                        spec.commandLine(),
                        target,
                        Path.of(format.fileName),
                        streamed.get(),
                        assessment.landscape().files());
                progress.println(spec.commandLine().getErr(), "mamori: wrote " + shown.resolve(format.fileName));
                continue;
            }
            for (Map.Entry<String, byte[]> file : render(format, assessment).entrySet()) {
                Path name = Path.of(file.getKey());
                if (name.getParent() != null) {
                    Output.folder(spec.commandLine(), target, name.getParent());
                }
                Output.writeFile(
                        spec.commandLine(),
                        target,
                        name,
                        file.getValue(),
                        assessment.landscape().files());
                progress.println(spec.commandLine().getErr(), "mamori: wrote " + shown.resolve(file.getKey()));
            }
        }
        return ExitCode.OK;
    }

    /**
     * The one file of a text format, written to its file (or printed) as it is produced: SARIF and
     * Markdown list every finding, hundreds of thousands at 100,000 components. Empty for the formats
     * {@link #render} makes whole (the HTML page is bounded: at most 5,000 findings and 40 diagrams).
     */
    private Optional<Output.Content> streamed(Format format, Assessment assessment) {
        return switch (format) {
            case sarif -> Optional.of(out -> SarifReport.write(assessment, Version.number(), out));
            case markdown -> Optional.of(out -> MarkdownReport.write(assessment, top == null ? -1 : top, out));
            case html -> Optional.of(out -> out.write(HtmlReport.render(assessment, Version.number())));
            case pdf, svg -> Optional.empty();
        };
    }

    /** The files of a format {@link #streamed} does not write, by their name relative to the output directory. */
    private Map<String, byte[]> render(Format format, Assessment assessment) {
        return switch (format) {
            case sarif, markdown, html -> throw new IllegalArgumentException(format + " is streamed");
            case pdf -> Map.of(format.fileName, PdfReport.render(assessment, Version.number()));
            case svg -> {
                Diagrams diagrams = new Diagrams(assessment);
                Map<String, byte[]> files = new java.util.LinkedHashMap<>();
                files.put(format.fileName + "landscape.svg", utf8(diagrams.landscape()));
                files.put(format.fileName + "systemic.svg", utf8(diagrams.systemic()));
                for (var system : assessment.landscape().systems().values()) {
                    files.put(format.fileName + "system-" + system.id() + ".svg", utf8(diagrams.system(system)));
                }
                yield files;
            }
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
