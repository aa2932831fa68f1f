package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Threagile model (the 0.9 format and 1.0's, with its includes) and returns the equivalent
 * Mamori model with diagnostics located in the Threagile files. It reads through a
 * {@link ModelSource} and prints nothing; docs/import-threagile.md describes the mapping.
 *
 * <p>An import goes in three steps: {@link ThreagileReader} reads the model into a {@link
 * ThreagileModel} and reports what makes it malformed; {@link SystemPlanner} decides the system it
 * becomes (ids, owner, stakeholders, kinds, zones); {@link LandscapeWriter} writes each part.
 */
public final class ThreagileImporter {

    /**
     * @param category the Mamori category of the imported system (Threagile has none)
     * @param today the day an acceptance with no date in the input is counted from
     */
    public record Options(String category, LocalDate today, ReadLimits limits) {}

    /** The top-level keys of a Threagile model, 0.9 and 1.0. */
    static final Set<String> TOP_LEVEL = Set.of(
            "threagile_version",
            "includes",
            "title",
            "author",
            "contributors",
            "date",
            "application_description",
            "business_overview",
            "technical_overview",
            "business_criticality",
            "management_summary_comment",
            "security_requirements",
            "questions",
            "abuse_cases",
            "tags_available",
            "data_assets",
            "technical_assets",
            "trust_boundaries",
            "shared_runtimes",
            "individual_risk_categories",
            "custom_risk_categories",
            "risk_tracking",
            "diagram_tweak_nodesep",
            "diagram_tweak_ranksep",
            "diagram_tweak_edge_layout",
            "diagram_tweak_suppress_edge_labels",
            "diagram_tweak_layout_left_to_right",
            "diagram_tweak_invisible_connections_between_assets",
            "diagram_tweak_same_rank_assets");

    /** Keys that only a Threagile model has at its top: enough to tell it from a Mamori model. */
    private static final List<String> SIGNATURE = List.of("threagile_version", "technical_assets");

    private final ModelSource source;
    private final Options options;

    public ThreagileImporter(ModelSource source, Options options) {
        this.source = source;
        this.options = options;
    }

    /**
     * Whether a file read as a tree is a Threagile model rather than a Mamori one: a mapping with
     * {@code technical_assets} or {@code threagile_version} at its top and no {@code mamori} key.
     * This is how {@code mamori assess} recognises a Threagile file it is given.
     */
    public static boolean isThreagile(Node root) {
        return root instanceof MapNode map
                && map.entry("mamori").isEmpty()
                && SIGNATURE.stream().anyMatch(key -> map.entry(key).isPresent());
    }

    /** Reads and imports {@code path}, with everything it includes. */
    public ImportResult importFile(Path path) {
        Diagnostics diagnostics = new Diagnostics();
        String name = path.toString();
        Optional<byte[]> bytes;
        try {
            bytes = source.read(path);
        } catch (IOException e) {
            diagnostics.error(
                    SourceLocation.startOf(name), "unreadable", "cannot read " + name + ": " + e.getMessage());
            return failed(diagnostics, name);
        }
        if (bytes.isEmpty()) {
            diagnostics.error(SourceLocation.startOf(name), "missing-file", "no such file: " + name);
            return failed(diagnostics, name);
        }
        Optional<Node> tree = new TreeReader(options.limits())
                .read(name, bytes.get(), TreeReader.Syntax.forFileName(name), diagnostics);
        if (tree.isEmpty()) {
            return failed(diagnostics, name);
        }
        return convert(path, tree.get(), diagnostics);
    }

    /** Imports a file already read as a tree (by a caller that looked at it first). */
    public ImportResult importTree(Path path, Node root) {
        return convert(path, root, new Diagnostics());
    }

    private ImportResult convert(Path path, Node root, Diagnostics diagnostics) {
        String name = path.toString();
        if (!(root instanceof MapNode map)) {
            diagnostics.error(
                    root.at(),
                    "not-a-threagile-model",
                    "this is not a Threagile model: it holds " + root.describe()
                            + ", where a Threagile model is a mapping with keys such as threagile_version,"
                            + " data_assets and technical_assets");
            return failed(diagnostics, name);
        }
        if (map.entry("mamori").isPresent()) {
            diagnostics.error(
                    map.entry("mamori").get().keyAt(),
                    "not-a-threagile-model",
                    "this is a Mamori model, not a Threagile one: it needs no import; 'mamori validate' reads it");
            return failed(diagnostics, name);
        }
        if (map.entries().stream().noneMatch(e -> TOP_LEVEL.contains(e.key()))) {
            diagnostics.error(
                    root.at(),
                    "not-a-threagile-model",
                    "this is not a Threagile model: none of its keys ("
                            + String.join(
                                    ", ",
                                    map.entries().stream()
                                            .limit(5)
                                            .map(MapNode.Entry::key)
                                            .toList())
                            + (map.entries().size() > 5 ? ", …" : "")
                            + ") is a Threagile section such as threagile_version, data_assets or technical_assets");
            return failed(diagnostics, name);
        }
        Includes includes = new Includes(source, options.limits(), diagnostics);
        MapNode merged = includes.resolve(path, map);
        // Read and check everything first: a malformed model yields its errors and no output.
        ThreagileModel model = new ThreagileReader(diagnostics).read(name, merged);
        if (diagnostics.hasErrors()) {
            return new ImportResult(null, List.of(), List.of(), diagnostics.sorted(), includes.files());
        }
        SystemPlan plan = new SystemPlanner(model, diagnostics).plan();
        return new LandscapeWriter(model, plan, options, diagnostics).write(includes.files());
    }

    private static ImportResult failed(Diagnostics diagnostics, String name) {
        return new ImportResult(null, List.of(), List.of(), diagnostics.sorted(), List.of(name));
    }
}
