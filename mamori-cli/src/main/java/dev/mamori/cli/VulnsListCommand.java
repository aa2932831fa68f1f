package dev.mamori.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.vulns.KnownVulnerabilities;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.match.Match;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        header = "List the known vulnerabilities of what the landscape's components run.",
        description = {
            "Matches the model's software entries and SBOMs against the vulnerability data and lists every",
            "match, most pressing first: known exploited, then by CVSS; each with its ids, CVSS, EPSS, the",
            "fixed version and FILE:LINE; matches a VEX statement or a treatment clears are listed as such."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error, or vulnerability data that cannot be read",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class VulnsListCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @ParentCommand
    VulnsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "MODEL",
            arity = "0..*",
            description = "Model files. Default: mamori.yaml, else the bundled example.")
    List<Path> files;

    @Option(names = "--today", paramLabel = "DATE", description = "Judge treatments' expiry against DATE.")
    LocalDate today;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    @Mixin
    VulnerabilityOptions vulnerabilities = new VulnerabilityOptions();

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        Path working = parent.parent().workingDirectory();
        LocalDate day = today != null ? today : LocalDate.now();
        ModelInput input = ModelInput.load(spec.commandLine(), working, files, day, true);
        if (input.invalidPrinted(spec.commandLine())) {
            return ExitCode.INVALID;
        }
        VulnerabilityData data = vulnerabilities.data(spec.commandLine(), working, input.bundled());
        KnownVulnerabilities known =
                input.workspace().withVulnerabilities(data).knownVulnerabilities(input.loaded(), day);
        List<Match> sorted = known.matches().stream()
                .sorted(java.util.Comparator.comparing((Match m) -> !m.affected())
                        .thenComparing(m -> !m.knownExploited())
                        .thenComparing(m -> -m.severity().map(s -> s.score()).orElse(0.0))
                        .thenComparing(Match::component)
                        .thenComparing(Match::id))
                .toList();
        String text = format == Format.json ? json(data, sorted) : text(data, input, sorted);
        output.write(
                spec.commandLine(),
                working,
                text,
                input.loaded().landscape().orElseThrow().files());
        return ExitCode.OK;
    }

    private static String text(VulnerabilityData data, ModelInput input, List<Match> matches) {
        StringBuilder out = new StringBuilder();
        out.append("Vulnerability data:");
        if (data.sources().isEmpty()) {
            out.append(" none (import some with 'mamori vulns import', or name files with --vulns)\n");
        } else {
            out.append('\n');
            for (VulnerabilityData.Source s : data.sources()) {
                out.append("  ")
                        .append(s.kind().title())
                        .append(": ")
                        .append(s.file())
                        .append(", ")
                        .append(s.records())
                        .append(s.records() == 1 ? " record" : " records")
                        .append(s.date().isEmpty() ? "" : ", dated " + s.date())
                        .append(s.imported().isEmpty() ? "" : ", imported " + s.imported())
                        .append('\n');
            }
        }
        out.append("Packages: ")
                .append(input.loaded().inventory().size())
                .append(" on ")
                .append(input.loaded().inventory().packages().size())
                .append(" components\n\n");
        long affected = matches.stream().filter(Match::affected).count();
        long exploited =
                matches.stream().filter(m -> m.affected() && m.knownExploited()).count();
        out.append(affected)
                .append(affected == 1 ? " known vulnerability" : " known vulnerabilities")
                .append(" (")
                .append(exploited)
                .append(" known exploited)")
                .append(
                        matches.size() > affected
                                ? ", " + (matches.size() - affected) + " cleared by VEX or a treatment"
                                : "")
                .append('\n');
        for (Match m : matches) {
            out.append('\n')
                    .append(m.pkg().at().file())
                    .append(':')
                    .append(m.pkg().at().line())
                    .append(": ")
                    .append(m.component())
                    .append(": ")
                    .append(m.id())
                    .append(m.knownExploited() ? " [known exploited]" : "")
                    .append(m.affected() ? "" : " [cleared]")
                    .append('\n');
            out.append("  ").append(m.pkg().name());
            if (!m.pkg().name().contains(m.pkg().version())) {
                out.append(' ').append(m.pkg().version());
            }
            out.append(m.fixed().map(f -> ", fixed in " + f).orElse(", no fixed version listed"))
                    .append('\n');
            if (!m.summary().equals(m.id())) {
                out.append("  ").append(m.summary()).append('\n');
            }
            StringBuilder facts = new StringBuilder();
            m.severity()
                    .ifPresent(s -> facts.append(String.format(Locale.ROOT, "CVSS %.1f %s", s.score(), s.rating())));
            m.epss()
                    .ifPresent(e -> facts.append(facts.length() > 0 ? ", " : "")
                            .append(String.format(Locale.ROOT, "EPSS %.3f", e.score())));
            m.exploited()
                    .ifPresent(e -> facts.append(facts.length() > 0 ? ", " : "")
                            .append("in CISA KEV since ")
                            .append(e.added()));
            if (facts.length() > 0) {
                out.append("  ").append(facts).append('\n');
            }
            if (m.ids().size() > 1) {
                out.append("  ids: ").append(String.join(", ", m.ids())).append('\n');
            }
            m.notAffected().ifPresent(n -> out.append("  ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String json(VulnerabilityData data, List<Match> matches) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode sources = root.putArray("sources");
        for (VulnerabilityData.Source s : data.sources()) {
            ObjectNode o = sources.addObject();
            o.put("kind", s.kind().word());
            o.put("file", s.file());
            o.put("date", s.date());
            o.put("imported", s.imported());
            o.put("records", s.records());
        }
        ArrayNode list = root.putArray("matches");
        for (Match m : matches) {
            ObjectNode o = list.addObject();
            o.put("component", m.component());
            o.put("id", m.id());
            ArrayNode ids = o.putArray("ids");
            m.ids().forEach(ids::add);
            o.put("package", m.pkg().name());
            o.put("version", m.pkg().version());
            o.put("at", m.pkg().at().toString());
            o.put("summary", m.summary());
            m.severity().ifPresent(s -> {
                o.put("cvss", s.score());
                o.put("cvssVector", s.vector());
            });
            m.epss().ifPresent(e -> o.put("epss", e.score()));
            o.put("knownExploited", m.knownExploited());
            m.exploited().ifPresent(e -> o.put("kevDateAdded", e.added().toString()));
            m.fixed().ifPresent(f -> o.put("fixed", f));
            o.put("affected", m.affected());
            m.notAffected().ifPresent(n -> o.put("notAffected", n));
        }
        return mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValueAsString(root) + "\n";
    }
}
