package dev.mamori.cli;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.CatalogDiff;
import dev.mamori.engine.compliance.CatalogGrammar;
import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.Mapping;
import dev.mamori.engine.compliance.Means;
import dev.mamori.engine.compliance.Requirement;
import dev.mamori.engine.compliance.Standard;
import dev.mamori.engine.compliance.StandardCoverage;
import dev.mamori.engine.compliance.Verification;
import dev.mamori.engine.risk.Property;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        header = "List the requirement catalog, explain one requirement or means, or compare two catalogs.",
        description = {
            "Without arguments, lists the performance requirements with their means, how each means is",
            "verified (model, control, review) and the profiles. With an id, explains that requirement or",
            "means: statement, properties, phase, when it applies, what it takes, and its crosswalk.",
            "'mamori catalog diff OLD NEW' shows what changed between two catalog files ('builtin' names the",
            "built-in catalog). --with FILE adds a catalog file of your own first. 'mamori catalog schema'",
            "prints the JSON Schema of catalog files, for editor completion."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed, explained or compared",
            "1:a catalog file is invalid (its errors were printed, located)",
            "2:usage error (unknown id, no such file)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class CatalogCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "ID | diff OLD NEW | schema",
            arity = "0..3",
            description = "An id to explain, diff OLD NEW, or schema.")
    List<String> arguments;

    @Option(names = "--with", paramLabel = "FILE", description = "Extend the built-in catalog with FILE (repeatable).")
    List<Path> with;

    @Option(
            names = "--coverage",
            description = "Per standard: how many of its items the catalog maps (all, and the mandatory ones), and"
                    + " which it does not.")
    boolean coverage;

    @Override
    public Integer call() throws IOException {
        List<String> args = arguments == null ? List.of() : arguments;
        if (args.equals(List.of("schema"))) {
            spec.commandLine().getOut().print(StableJson.write(CatalogGrammar.jsonSchema()));
            return ExitCode.OK;
        }
        if (!args.isEmpty() && args.get(0).equals("diff")) {
            if (args.size() != 3) {
                throw new ParameterException(spec.commandLine(), "diff takes two catalogs: diff OLD NEW");
            }
            Optional<Catalog> older = read(args.get(1));
            Optional<Catalog> newer = read(args.get(2));
            if (older.isEmpty() || newer.isEmpty()) {
                return ExitCode.INVALID;
            }
            CatalogDiff diff = CatalogDiff.of(older.get(), newer.get());
            StringBuilder out = new StringBuilder("From " + diff.from() + " to " + diff.to() + ": ");
            out.append(diff.changes().isEmpty() ? "no changes" : diff.changes().size() + " changes")
                    .append("\n");
            for (CatalogDiff.Change c : diff.changes()) {
                out.append(String.format("  %-10s %-36s %s%n", c.kind(), c.id(), c.what()));
            }
            spec.commandLine().getOut().print(out);
            return ExitCode.OK;
        }
        Catalog catalog = CatalogReader.builtIn();
        if (with != null && !with.isEmpty()) {
            List<CatalogReader.Source> sources = new ArrayList<>();
            for (Path p : with) {
                sources.add(source(p.toString()));
            }
            CatalogReader.Result result = CatalogReader.extend(catalog, sources);
            if (!result.valid()) {
                spec.commandLine().getOut().print(new DiagnosticsReport(List.of(), result.diagnostics()).text(""));
                return ExitCode.INVALID;
            }
            catalog = result.catalog();
        }
        if (coverage) {
            if (!args.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--coverage takes no id");
            }
            spec.commandLine().getOut().print(coverage(catalog));
        } else if (args.isEmpty()) {
            spec.commandLine().getOut().print(list(catalog));
        } else if (args.size() == 1) {
            spec.commandLine().getOut().print(explain(catalog, args.get(0)));
        } else {
            throw new ParameterException(spec.commandLine(), "give one id, or diff OLD NEW");
        }
        return ExitCode.OK;
    }

    private Optional<Catalog> read(String name) throws IOException {
        if (name.equals("builtin")) {
            return Optional.of(CatalogReader.builtIn());
        }
        CatalogReader.Result result = CatalogReader.standalone(List.of(source(name)));
        if (!result.valid()) {
            spec.commandLine().getOut().print(new DiagnosticsReport(List.of(), result.diagnostics()).text(""));
            return Optional.empty();
        }
        return Optional.of(result.catalog());
    }

    private CatalogReader.Source source(String name) throws IOException {
        try {
            return new CatalogReader.Source(
                    name, Files.readAllBytes(parent.workingDirectory().resolve(name)));
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such file: " + name);
        }
    }

    private static String list(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append(catalog.title())
                .append(" (")
                .append(catalog.name())
                .append(' ')
                .append(catalog.version())
                .append("): ")
                .append(catalog.requirements().size())
                .append(" requirements, ")
                .append(catalog.means().size())
                .append(" means\n\n");
        for (Requirement r : catalog.requirements().values()) {
            out.append(String.format(
                    "%-32s %-8s %-9s %s%s%n",
                    r.id(),
                    properties(r),
                    Words.of(r.phase()),
                    r.title(),
                    r.supersededBy().map(s -> " (superseded by " + s + ")").orElse("")));
            for (Means m : r.means()) {
                out.append(String.format(
                        "  %-30s %-8s %s%n",
                        m.id(),
                        m.verify().method(),
                        "applies to " + m.appliesTo().word()));
            }
        }
        out.append("\nProfiles: ")
                .append(String.join(", ", catalog.profiles().keySet()))
                .append("\n");
        out.append("Jurisdictions: ")
                .append(String.join(", ", catalog.jurisdictions().keySet()))
                .append("\n");
        out.append("Standards: ")
                .append(String.join(", ", catalog.standards().keySet()))
                .append("\n");
        return out.toString();
    }

    private String explain(Catalog catalog, String id) {
        Requirement r = catalog.requirements().get(id);
        Optional<Means> means = catalog.means(id);
        if (r == null && means.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "no requirement or means '" + id + "'" + Suggestions.didYouMean(id, catalog.controlIds())
                            + "; 'mamori catalog' lists them");
        }
        StringBuilder out = new StringBuilder();
        if (r != null) {
            out.append(r.id())
                    .append(" — ")
                    .append(r.title())
                    .append("\n\n")
                    .append(r.statement())
                    .append("\n\n");
            out.append("Properties: ")
                    .append(properties(r))
                    .append("; phase: ")
                    .append(Words.of(r.phase()))
                    .append("; valid from ")
                    .append(r.validFrom().map(Object::toString).orElse("-"))
                    .append(r.supersededBy().map(s -> "; superseded by " + s).orElse(""))
                    .append("\nMet when ")
                    .append(r.anyMeans() ? "any applicable means holds" : "every applicable means holds")
                    .append(":\n");
            for (Means m : r.means()) {
                out.append("  ").append(m.id()).append(" — ").append(m.title()).append("\n");
            }
            crosswalk(out, catalog, r.crosswalk());
        } else {
            Means m = means.get();
            out.append(m.id())
                    .append(" — ")
                    .append(m.title())
                    .append(" (a means of ")
                    .append(m.requirement())
                    .append(")\n\n")
                    .append(m.statement())
                    .append("\n\nApplies to: ")
                    .append(m.appliesTo().what())
                    .append(
                            m.securityLevel().isPresent()
                                    ? " (in profiles graded by security level: zones at SL "
                                            + m.securityLevel().getAsInt() + " or above)"
                                    : "")
                    .append("\nVerified: ");
            if (m.verify() instanceof Verification.FromModel model) {
                out.append("from the model, by the rules ").append(String.join(", ", model.rules()));
                if (!model.facts().isEmpty()) {
                    out.append("; needs these facts stated: ")
                            .append(String.join(
                                    ", ",
                                    model.facts().stream()
                                            .map(f -> f.word())
                                            .sorted()
                                            .toList()));
                }
            } else if (m.verify() instanceof Verification.FromControl control) {
                out.append("by a declared control with evidence: ").append(control.evidence());
            } else if (m.verify() instanceof Verification.ByPerson person) {
                out.append("by a person: ").append(person.lookAt());
            }
            out.append("\n");
            crosswalk(out, catalog, m.crosswalk());
        }
        return out.toString();
    }

    private static void crosswalk(StringBuilder out, Catalog catalog, List<Mapping> crosswalk) {
        if (crosswalk.isEmpty()) {
            return;
        }
        out.append("Crosswalk:\n");
        for (Mapping m : crosswalk) {
            boolean unverified = Optional.ofNullable(catalog.standards().get(m.standard()))
                    .flatMap(st -> st.item(m.id()))
                    .map(Standard.Item::uncertain)
                    .orElse(false);
            out.append("  ")
                    .append(m.standard())
                    .append(' ')
                    .append(m.id())
                    .append(" (")
                    .append(m.relationship().word())
                    .append(")")
                    .append(unverified ? " ? unverified: not checked against the primary document" : "")
                    .append("\n");
        }
    }

    /**
     * How much of each standard the crosswalk reaches: an item counts as mapped when a requirement or
     * means in force maps to it, whatever the relationship; the verdicts are {@code comply}'s. The
     * items not mapped are split into those left out on purpose (with the reason) and those missing.
     */
    static String coverage(Catalog catalog) {
        StringBuilder out = new StringBuilder("Coverage of the standards by the catalog ")
                .append(catalog.name())
                .append(' ')
                .append(catalog.version())
                .append(" (mapped / total):\n");
        for (StandardCoverage c : StandardCoverage.of(catalog)) {
            out.append("\n")
                    .append(c.standard().title())
                    .append(": ")
                    .append(c.mapped().size())
                    .append(" / ")
                    .append(c.total())
                    .append(String.format(Locale.ROOT, " (%d %%)", c.percent()));
            if (c.hasStatuses()) {
                out.append(", mandatory ")
                        .append(c.mandatoryMapped())
                        .append(" / ")
                        .append(c.mandatoryTotal());
            }
            if (!c.outOfScope().isEmpty()) {
                out.append(", ").append(c.outOfScope().size()).append(" out of scope");
            }
            out.append("\n");
            if (!c.outOfScope().isEmpty()) {
                out.append("  out of scope (left out on purpose):\n");
                for (Standard.Item i : c.outOfScope()) {
                    out.append("    ")
                            .append(item(i))
                            .append("\n      why: ")
                            .append(i.outOfScope().orElse(""))
                            .append("\n");
                }
            }
            if (!c.missing().isEmpty()) {
                out.append("  missing (no requirement or means of the catalog covers it yet):\n");
                for (Standard.Item i : c.missing()) {
                    out.append("    ").append(item(i)).append("\n");
                }
            }
        }
        return out.toString();
    }

    private static String item(Standard.Item i) {
        return i.id()
                + i.status().map(st -> " [" + st + "]").orElse("")
                + " "
                + i.label()
                + (i.uncertain() ? " ? unverified" : "");
    }

    private static String properties(Requirement r) {
        return String.join(
                "", r.properties().stream().sorted().map(Property::letter).toList());
    }
}
