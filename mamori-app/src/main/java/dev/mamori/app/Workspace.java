package dev.mamori.app;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.assessment.Assessor;
import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.ModelAgainstCatalog;
import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.missions.MissionAnalyzer;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.imports.threagile.ImportResult;
import dev.mamori.imports.threagile.ThreagileImporter;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeCache;
import dev.mamori.vulns.KnownVulnerabilities;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.sbom.Inventory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one entry the shells call: load a landscape once — its files, what they import, the models
 * of other tools among them, the catalog files it names — then assess it with one set of options.
 * The command line and the server parse their requests and print or serve what this returns; they
 * never build graphs or run analyses themselves.
 */
public final class Workspace {

    /**
     * A request that names something the landscape does not have (an element to start from or
     * protect, a scenario, a profile): the caller's mistake, not the model's, so shells report it
     * as a usage error with this message.
     */
    public static final class InvalidRequest extends IllegalArgumentException {
        InvalidRequest(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The analyses of an assessment in the order they run, as a listener hears of them. */
    public static final List<String> STAGES = Assessor.STAGES;

    private final ModelSource source;
    private final ReadLimits limits;
    private final List<Rule> rules;
    private final VulnerabilityData vulnerabilities;
    /** Where the trees of the landscape's large files are kept between runs. */
    private final TreeCache cache;

    /**
     * A workspace reading its files from {@code source}, with the default limits, every rule and
     * the rules of known vulnerabilities, and no vulnerability data (see {@link #withVulnerabilities}).
     */
    public Workspace(ModelSource source) {
        this(source, ReadLimits.DEFAULT, allRules());
    }

    public Workspace(ModelSource source, ReadLimits limits, List<Rule> rules) {
        this(source, limits, rules, VulnerabilityData.empty(), TreeCache.NONE);
    }

    private Workspace(
            ModelSource source,
            ReadLimits limits,
            List<Rule> rules,
            VulnerabilityData vulnerabilities,
            TreeCache cache) {
        this.source = source;
        this.limits = limits;
        this.rules = List.copyOf(rules);
        this.vulnerabilities = vulnerabilities;
        this.cache = cache;
    }

    /** The built-in rules and those of known vulnerabilities (which report only with vulnerability data). */
    public static List<Rule> allRules() {
        List<Rule> all = new ArrayList<>(RuleCatalog.all());
        all.addAll(KnownVulnerabilities.rulesWithoutData());
        return List.copyOf(all);
    }

    /**
     * This workspace, matching what the landscape's components run against {@code data} before it
     * assesses: known vulnerabilities become findings, and those known to be exploited become
     * flaws the systemic analysis uses as ways in (docs/vulnerabilities.md).
     */
    public Workspace withVulnerabilities(VulnerabilityData data) {
        return new Workspace(source, limits, rules, data, cache);
    }

    /** The vulnerability data this workspace matches against (empty unless given). */
    public VulnerabilityData vulnerabilities() {
        return vulnerabilities;
    }

    /** The known vulnerabilities of a valid landscape: its matches, and the flaws they add. */
    public KnownVulnerabilities knownVulnerabilities(Loaded loaded, LocalDate today) {
        Landscape landscape = loaded.landscape()
                .orElseThrow(() -> new IllegalArgumentException("an invalid landscape cannot be matched"));
        return KnownVulnerabilities.of(landscape, loaded.inventory(), vulnerabilities, today);
    }

    /**
     * The landscape whose root files are {@code files} on disk, relative names resolved against
     * {@code workingDirectory}. The root files are read wherever they are; what they import, include
     * or name as catalogs only inside the landscape folder — {@code root} when given, else the folder
     * of the first root file — as regular files of bounded size, so that a model cannot make Mamori
     * read (and quote) a file the user did not name.
     *
     * <p>The trees of large files are kept in {@code .mamori/cache} in that folder, so that an
     * unchanged landscape is not parsed again ({@link TreeCache}); the environment variable
     * {@code MAMORI_CACHE=0} turns this off.
     */
    public static Workspace onDisk(Path workingDirectory, List<Path> files, Optional<Path> root) {
        Path folder = root.map(r -> workingDirectory.resolve(r).toAbsolutePath().normalize())
                .orElseGet(() -> folderOf(workingDirectory, files));
        TreeCache cache = "0".equals(System.getenv("MAMORI_CACHE")) ? TreeCache.NONE : TreeCache.beside(folder);
        return new Workspace(
                ModelSource.confined(workingDirectory, folder, files, ReadLimits.DEFAULT.maxFileBytes()),
                ReadLimits.DEFAULT,
                allRules(),
                VulnerabilityData.empty(),
                cache);
    }

    private static Path folderOf(Path workingDirectory, List<Path> files) {
        Path base = workingDirectory.toAbsolutePath().normalize();
        if (files.isEmpty()) {
            return base;
        }
        Path parent = base.resolve(files.get(0)).normalize().getParent();
        return parent != null ? parent : base;
    }

    /**
     * Reads the landscape whose root files are {@code files} (paths as the user wrote them, so that
     * messages point where the user looks), judging expiry dates against {@code today}. Never
     * throws on bad input: every problem is a located diagnostic.
     */
    public Loaded load(List<Path> files, LocalDate today) {
        return load(files, today, Map.of());
    }

    /**
     * Reads as {@link #load(List, LocalDate)} does, except that the model files in {@code parsed}
     * are not read again: the caller read them before (a server keeps the trees of the files of its
     * last accepted revision, by their content) and gives the trees this workspace's reader made of
     * them then.
     */
    public Loaded load(List<Path> files, LocalDate today, Map<Path, Node> parsed) {
        ModelLoader.Options options = new ModelLoader.Options(limits, today, cache);
        // The root files are read once: the look for Threagile's keys keeps their bytes for the loader.
        ReadOnce once = new ReadOnce(source);
        ForeignModels foreign = ForeignModels.convert(once, files, options);
        List<Path> rest = files.stream()
                .map(Path::normalize)
                .filter(f -> !foreign.failed().contains(f))
                .toList();
        Map<Path, Node> prepared = parsed;
        if (!foreign.trees().isEmpty()) {
            prepared = new java.util.HashMap<>(parsed);
            prepared.putAll(foreign.trees());
        }
        LoadResult model = rest.isEmpty()
                ? new LoadResult(Optional.empty(), List.of())
                : new ModelLoader(once, options).load(rest, prepared);
        List<Diagnostic> diagnostics = new ArrayList<>(foreign.diagnostics());
        diagnostics.addAll(model.diagnostics());
        boolean readable = model.valid() && foreign.failed().isEmpty();
        if (!readable) {
            diagnostics.sort(Diagnostic.IN_FILE_ORDER);
            return new Loaded(
                    Optional.empty(),
                    CatalogReader.builtIn(),
                    diagnostics,
                    foreign.notices(),
                    Optional.empty(),
                    Inventory.empty());
        }
        Landscape landscape = model.landscape().orElseThrow();
        // What the components run: their software entries, and the bills of materials they name,
        // read through the same confined source as the imports.
        Inventory inventory = Inventory.read(source, landscape);
        diagnostics.addAll(inventory.diagnostics());
        CatalogReader.Result catalog = LandscapeCatalogs.read(source, landscape);
        diagnostics.addAll(catalog.diagnostics());
        if (catalog.valid()) {
            diagnostics.addAll(ModelAgainstCatalog.check(landscape, catalog.catalog()));
        }
        diagnostics.addAll(new RiskEngine(rules).treatmentsNamingNoRule(landscape));
        diagnostics.sort(Diagnostic.IN_FILE_ORDER);
        boolean errors = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        return new Loaded(
                errors ? Optional.empty() : Optional.of(landscape),
                catalog.valid() ? catalog.catalog() : CatalogReader.builtIn(),
                diagnostics,
                foreign.notices(),
                errors ? Optional.empty() : model.index(),
                inventory);
    }

    /** Assesses a valid landscape; see {@link #assess(Loaded, AssessmentOptions, Assessor.Listener)}. */
    public Assessment assess(Loaded loaded, AssessmentOptions options) {
        return assess(loaded, options, Assessor.Listener.NONE);
    }

    /**
     * The whole assessment of a valid landscape (risk rules, systemic risk, missions, compliance
     * against the landscape's own catalog), telling {@code listener} as each analysis starts.
     *
     * @throws IllegalArgumentException when {@code loaded} is not valid (a caller's bug)
     * @throws InvalidRequest when {@code options} name an element, scenario or profile the
     *     landscape does not have
     */
    public Assessment assess(Loaded loaded, AssessmentOptions options, Assessor.Listener listener) {
        Landscape landscape = loaded.landscape()
                .orElseThrow(() -> new IllegalArgumentException("an invalid landscape cannot be assessed"));
        try {
            listener.started(Assessor.STAGES.get(0));
            KnownVulnerabilities known =
                    KnownVulnerabilities.of(landscape, loaded.inventory(), vulnerabilities, options.today());
            // The graph reuses the index validation built: references are resolved once per run. A
            // landscape with flaws derived from vulnerability data has new component records, so it
            // is indexed again.
            FrozenGraph graph = known.derived().isEmpty() && loaded.index().isPresent()
                    ? FrozenGraph.of(landscape, loaded.index().get())
                    : FrozenGraph.of(known.landscape());
            return new Assessor(known.rules(rules), loaded.catalog())
                    .assess(graph, loaded.warnings(), options, listener);
        } catch (SystemicAnalyzer.UnknownElement | MissionAnalyzer.UnknownScenario | Assessor.UnknownProfile e) {
            // These exceptions always carry the sentence to show; the fallback only satisfies the type.
            throw new InvalidRequest(Objects.requireNonNullElse(e.getMessage(), "the request names nothing"), e);
        }
    }

    /**
     * Converts the Threagile model {@code file} (and what it includes) into a Mamori model whose
     * systems have {@code category}, and checks the result as Mamori reads it.
     *
     * @throws IllegalStateException when the converted model does not validate (an importer bug)
     */
    public ThreagileConversion importThreagile(Path file, String category, LocalDate today) {
        ModelLoader.Options options = new ModelLoader.Options(limits, today);
        ImportResult result = new ThreagileImporter(
                        source, new ThreagileImporter.Options(category, today, options.limits()))
                .importFile(file);
        if (!result.imported()) {
            return new ThreagileConversion(
                    Optional.empty(), Optional.empty(), result.diagnostics(), ForeignModels.hints(result));
        }
        // Nothing else is read: the converted tree stands for the file.
        LoadResult check = new ModelLoader(path -> Optional.empty(), options)
                .load(
                        List.of(file.normalize()),
                        Map.of(file.normalize(), result.tree().orElseThrow()));
        if (!check.valid()) {
            throw new IllegalStateException(
                    "the imported model does not validate (" + check.errors().size() + " errors, the first: "
                            + check.errors().get(0) + ")");
        }
        List<Diagnostic> all = new ArrayList<>(result.diagnostics());
        all.addAll(check.diagnostics());
        all.sort(Diagnostic.IN_FILE_ORDER);
        return new ThreagileConversion(result.yaml(), check.landscape(), all, List.of());
    }
}
