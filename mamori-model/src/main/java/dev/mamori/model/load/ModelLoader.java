package dev.mamori.model.load;

import dev.mamori.model.Account;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.DataAsset;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mark;
import dev.mamori.model.Mission;
import dev.mamori.model.Ref;
import dev.mamori.model.Responsibility;
import dev.mamori.model.Scenario;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.Treatment;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.grammar.Grammar;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeCache;
import dev.mamori.model.syntax.TreeReader;
import dev.mamori.model.validate.Validator;
import dev.mamori.model.vocabulary.Vocabulary;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads a landscape from its root files and everything they import, and validates it. Never
 * throws on bad input: every problem is a located diagnostic in the result.
 */
public final class ModelLoader {

    /**
     * @param today the date expiry is judged against (treatments past their date)
     * @param cache where the trees of large files are kept between runs ({@link TreeCache#NONE}: nowhere)
     */
    public record Options(ReadLimits limits, LocalDate today, TreeCache cache) {
        public Options(ReadLimits limits, LocalDate today) {
            this(limits, today, TreeCache.NONE);
        }

        public static Options defaults() {
            return new Options(ReadLimits.DEFAULT, LocalDate.now());
        }
    }

    private final ModelSource source;
    private final Options options;

    public ModelLoader(ModelSource source, Options options) {
        this.source = source;
        this.options = options;
    }

    /** Loads from the file system with default limits, judging dates against today. */
    public static LoadResult loadFiles(List<Path> roots) {
        return new ModelLoader(ModelSource.fileSystem(), Options.defaults()).load(roots);
    }

    /** A file read as a tree and checked at its top level. */
    private record ParsedFile(Path path, String name, CheckedObject root) {}

    public LoadResult load(List<Path> roots) {
        return load(roots, Map.of());
    }

    /**
     * Loads as {@link #load(List)} does, except that the files in {@code prepared} are not read:
     * the caller has already turned them into trees, as for a model in another tool's format
     * converted in memory. Their nodes keep the locations the caller gave them, so that what the
     * loader and the analyses report points into the file the user wrote.
     */
    public LoadResult load(List<Path> roots, Map<Path, Node> prepared) {
        Diagnostics diagnostics = new Diagnostics();
        VocabularyBuilder vocabulary = new VocabularyBuilder(diagnostics);
        vocabulary.seed(BuiltInVocabulary.get());
        CheckedObject.Context context = new CheckedObject.Context(diagnostics, vocabulary::current);

        Map<Path, ParsedFile> files = new LinkedHashMap<>();
        try (ReadsAhead<ReadFile> ahead = ReadsAhead.onEveryCore(this::readFile)) {
            Walk walk = new Walk(files, context, prepared, ahead);
            for (Path root : roots) {
                Path normal = root.normalize();
                if (!files.containsKey(normal)) {
                    walk(normal, null, new ArrayDeque<>(), walk);
                }
            }
        }
        if (files.isEmpty()) {
            return new LoadResult(Optional.empty(), diagnostics.sorted());
        }

        vocabulary.addAll(files.values().stream()
                .map(f -> f.root().object("vocabulary"))
                .flatMap(Optional::stream)
                .toList());
        Vocabulary words = vocabulary.current();
        Landscape landscape = bind(new ArrayList<>(files.values()), words, context, diagnostics);
        Validator validator = new Validator(landscape, diagnostics, options.today());
        validator.validate();
        return new LoadResult(
                diagnostics.hasErrors() ? Optional.empty() : Optional.of(landscape),
                diagnostics.sorted(),
                diagnostics.hasErrors() ? Optional.empty() : Optional.of(validator.index()));
    }

    /**
     * What one load's walk over the files shares: the files read so far, the context they are
     * checked in, the trees handed in, and the files being read ahead.
     */
    private record Walk(
            Map<Path, ParsedFile> files,
            CheckedObject.Context context,
            Map<Path, Node> prepared,
            ReadsAhead<ReadFile> ahead) {}

    /** Reads {@code path} and, depth first, what it imports; {@code importedAt} is null for a root. */
    private void walk(Path path, ScalarNode importedAt, Deque<Path> stack, Walk walk) {
        Map<Path, ParsedFile> files = walk.files();
        CheckedObject.Context context = walk.context();
        Diagnostics diagnostics = context.diagnostics();
        String name = path.toString();
        if (files.size() >= options.limits().maxFiles()) {
            diagnostics.error(
                    importedAt.at(),
                    "too-many-files",
                    "the landscape imports more than " + options.limits().maxFiles() + " files");
            return;
        }
        Optional<Node> tree = Optional.ofNullable(walk.prepared().get(path));
        if (tree.isEmpty()) {
            tree = read(path, importedAt, diagnostics, walk.ahead().take(path));
        }
        if (tree.isEmpty()) {
            return;
        }
        Optional<CheckedObject> root = CheckedObject.check(tree.get(), Grammar.FILE, context);
        if (root.isEmpty()) {
            return;
        }
        files.put(path, new ParsedFile(path, name, root.get()));
        stack.push(path);
        Path dir = path.getParent() == null ? Path.of("") : path.getParent();
        Map<ScalarNode, Path> imports = new LinkedHashMap<>();
        for (ScalarNode entry : root.get().scalars("imports")) {
            Path target;
            try {
                if (Path.of(entry.text()).isAbsolute()) {
                    diagnostics.error(
                            entry.at(),
                            "outside-landscape",
                            "cannot import '" + entry.text() + "': imports are paths relative to the importing file,"
                                    + " inside the landscape folder, and this one is absolute");
                    continue;
                }
                target = dir.resolve(entry.text()).normalize();
            } catch (InvalidPathException e) {
                diagnostics.error(
                        entry.at(),
                        "missing-file",
                        "cannot import '" + entry.text() + "': it is not a valid file name (" + e.getReason() + ")");
                continue;
            }
            imports.put(entry, target);
        }
        // The files this one imports are parsed ahead, several at once, while the walk goes on.
        walk.ahead()
                .start(
                        imports.values().stream()
                                .filter(t -> !files.containsKey(t)
                                        && !stack.contains(t)
                                        && !walk.prepared().containsKey(t))
                                .toList(),
                        options.limits().maxFiles()
                                - files.size()
                                - walk.ahead().pending());
        for (Map.Entry<ScalarNode, Path> imported : imports.entrySet()) {
            ScalarNode entry = imported.getKey();
            Path target = imported.getValue();
            if (stack.contains(target)) {
                List<Path> cycle = new ArrayList<>(stack);
                java.util.Collections.reverse(cycle);
                cycle = cycle.subList(cycle.indexOf(target), cycle.size());
                diagnostics.error(
                        entry.at(),
                        "import-cycle",
                        "import cycle: " + cycle.stream().map(Path::toString).collect(Collectors.joining(" -> "))
                                + " -> " + target + "; a file cannot import itself, directly or not");
            } else if (!files.containsKey(target)) {
                walk(target, entry, stack, walk);
            }
        }
        stack.pop();
    }

    /**
     * One file as read from the source and parsed, before the loader judges it.
     *
     * @param found whether the source has the file
     * @param tree the parsed tree, empty when it did not parse (or was not found, or failed)
     * @param parsing what the parser said
     * @param mentionsVersion for a file that did not parse: whether it looks like a model all the same
     * @param failure why the source could not read it, or null
     */
    private record ReadFile(
            boolean found, Optional<Node> tree, Diagnostics parsing, boolean mentionsVersion, IOException failure) {}

    /**
     * Reads and parses {@code path}; safe on any thread (the source and the cache are, and each
     * file gets its own parser and diagnostics). The bytes are not kept: a parsed file is its tree.
     */
    private ReadFile readFile(Path path) {
        Optional<byte[]> bytes;
        try {
            bytes = source.read(path);
        } catch (IOException e) {
            return new ReadFile(false, Optional.empty(), new Diagnostics(), false, e);
        }
        if (bytes.isEmpty()) {
            return new ReadFile(false, Optional.empty(), new Diagnostics(), false, null);
        }
        String name = path.toString();
        Diagnostics parsing = new Diagnostics();
        Optional<Node> tree = new TreeReader(options.limits(), options.cache())
                .read(name, bytes.get(), TreeReader.Syntax.forFileName(name), parsing);
        return new ReadFile(true, tree, parsing, tree.isEmpty() && mentionsVersionKey(bytes.get()), null);
    }

    /** Judges {@code file}, the read of {@code path}, as a model file; {@code importedAt} is null for a root. */
    private Optional<Node> read(Path path, ScalarNode importedAt, Diagnostics diagnostics, ReadFile file) {
        String name = path.toString();
        SourceLocation at = importedAt != null ? importedAt.at() : SourceLocation.startOf(name);
        if (file.failure() instanceof RefusedFileException e) {
            // The source's message names the file; an import adds which entry named it.
            String what = importedAt != null ? "cannot import '" + importedAt.text() + "': " : "";
            diagnostics.error(at, e.code(), what + e.getMessage());
            return Optional.empty();
        }
        if (file.failure() != null) {
            diagnostics.error(at, "unreadable", "cannot read " + name + " (" + reason(file.failure()) + ")");
            return Optional.empty();
        }
        if (!file.found()) {
            if (importedAt == null) {
                diagnostics.error(SourceLocation.startOf(name), "missing-file", "no such file: " + name);
            } else {
                diagnostics.error(
                        importedAt.at(),
                        "missing-file",
                        "cannot import '" + importedAt.text() + "': there is no file " + name
                                + " (imports are relative to the importing file)");
            }
            return Optional.empty();
        }
        Diagnostics parsing = file.parsing();
        Optional<Node> tree = file.tree();
        if (tree.isPresent() && lacksOnlyTheVersion(tree.get())) {
            diagnostics.error(
                    importedAt != null ? at : tree.get().at(),
                    "missing-key",
                    (importedAt != null ? "cannot import '" + importedAt.text() + "': " + name + " " : "the file ")
                            + "lacks the required key 'mamori: 1' (the model language version), so it is not read"
                            + " as a Mamori model");
            return Optional.empty();
        }
        if (tree.isPresent() && !isModel(tree.get())) {
            // Whatever the file holds (an .env file, a password list) is not echoed into a CI log.
            diagnostics.error(
                    at,
                    "not-a-model",
                    (importedAt != null ? "cannot import '" + importedAt.text() + "': " + name + " is " : "")
                            + "not a Mamori model: expected a mapping with 'mamori: 1' and the landscape's sections"
                            + " (stakeholders, systems, flows, ...); its content is not shown");
            return Optional.empty();
        }
        if (tree.isEmpty() && !file.mentionsVersion()) {
            // A file that did not parse and does not look like a model: what the parser said about
            // its keys and aliases would quote it, so only what quotes nothing of it is kept.
            List<Diagnostic> said = parsing.sorted();
            List<Diagnostic> kept =
                    said.stream().filter(d -> QUOTES_NOTHING.contains(d.code())).toList();
            diagnostics.addAll(kept);
            if (kept.size() < said.size()) {
                diagnostics.error(
                        at,
                        "not-a-model",
                        (importedAt != null ? "cannot import '" + importedAt.text() + "': " + name + " is " : "")
                                + "not a Mamori model: expected a mapping with 'mamori: 1' and the landscape's"
                                + " sections; its content is not shown");
            }
            return tree;
        }
        diagnostics.addAll(parsing.sorted());
        return tree;
    }

    /** Codes of the reader's diagnostics whose messages quote nothing the file holds. */
    private static final java.util.Set<String> QUOTES_NOTHING = java.util.Set.of(
            "syntax", "encoding", "binary-file", "file-too-large", "empty-file", "too-deep", "several-documents");

    /** Whether the text has a {@code mamori} key at the start of a line, as every model does. */
    private static boolean mentionsVersionKey(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.startsWith("mamori") || text.contains("\nmamori") || text.contains("\"mamori\"");
    }

    /** A model file is a mapping that says which version of the language it is written in. */
    private static boolean isModel(Node tree) {
        return tree instanceof MapNode map && map.entry("mamori").isPresent();
    }

    /** A mapping with keys of a model file but without its version: most likely a model missing it. */
    private static boolean lacksOnlyTheVersion(Node tree) {
        return tree instanceof MapNode map
                && !isModel(map)
                && map.entries().stream()
                        .anyMatch(e -> Grammar.FILE.field(e.key()).isPresent());
    }

    /** Why a file could not be read, in words and without the exception's class. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? "an input error" : e.getMessage();
    }

    private Landscape bind(
            List<ParsedFile> files, Vocabulary words, CheckedObject.Context context, Diagnostics diagnostics) {
        LandscapeBinder binder = new LandscapeBinder(diagnostics, words);
        Unique unique = new Unique(diagnostics);
        Map<String, Stakeholder> stakeholders = new LinkedHashMap<>();
        Map<String, IotSystem> systems = new LinkedHashMap<>();
        List<Flow> flows = new ArrayList<>();
        List<CredentialRelation> credentials = new ArrayList<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        Map<String, DataAsset> data = new LinkedHashMap<>();
        Map<String, Mission> missions = new LinkedHashMap<>();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        List<Responsibility> responsibilities = new ArrayList<>();
        List<Treatment> treatments = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<Ref> jurisdictions = new ArrayList<>();
        List<Ref> catalogs = new ArrayList<>();
        for (ParsedFile file : files) {
            CheckedObject o = file.root();
            o.scalars("jurisdictions").forEach(j -> jurisdictions.add(new Ref(j.text(), null, j.at())));
            o.scalars("catalogs").forEach(c -> catalogs.add(new Ref(c.text(), null, c.at())));
            for (CheckedObject.Keyed e : o.entries("stakeholders")) {
                if (unique.first("stakeholder", e.id(), e.at())) {
                    stakeholders.put(e.id(), binder.stakeholder(e.id(), e.at(), e.value()));
                }
            }
            for (CheckedObject.Keyed e : o.entries("systems")) {
                if (unique.first("system", e.id(), e.at())) {
                    systems.put(e.id(), binder.system(e.id(), e.at(), e.value()));
                }
            }
            o.objects("flows").forEach(f -> flows.add(binder.flow(null, f)));
            o.objects("credentials").forEach(c -> credentials.add(binder.credential(null, c)));
            for (CheckedObject.Keyed e : o.entries("accounts")) {
                if (unique.first("account", e.id(), e.at())) {
                    accounts.put(e.id(), binder.account(null, e));
                }
            }
            for (CheckedObject.Keyed e : o.entries("data")) {
                if (unique.first("data asset", e.id(), e.at())) {
                    data.put(e.id(), binder.dataAsset(null, e));
                }
            }
            for (CheckedObject.Keyed e : o.entries("missions")) {
                if (unique.first("mission", e.id(), e.at())) {
                    binder.mission(e.id(), e.at(), e.value()).ifPresent(m -> missions.put(e.id(), m));
                }
            }
            for (CheckedObject.Keyed e : o.entries("scenarios")) {
                if (unique.first("scenario", e.id(), e.at())) {
                    scenarios.put(e.id(), binder.scenario(e.id(), e.at(), e.value()));
                }
            }
            o.objects("responsibilities").forEach(r -> responsibilities.add(binder.responsibility(null, r)));
            o.objects("treatments").forEach(t -> treatments.add(binder.treatment(t)));
            o.objects("marks").forEach(m -> marks.add(binder.mark(m)));
        }
        // The landscape is named by the first file that names it (the root, when it does); a file
        // that names it differently is read for its content, and the user is told its name is not used.
        ParsedFile root = files.get(0);
        ParsedFile naming = files.stream()
                .filter(f -> f.root().has("landscape"))
                .findFirst()
                .orElse(root);
        String name = naming.root()
                .text("landscape", root.path().getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
        for (ParsedFile file : files) {
            file.root()
                    .text("landscape")
                    .filter(other -> !other.equals(name))
                    .ifPresent(other -> diagnostics.warning(
                            file.root().at("landscape"),
                            "ignored-landscape-name",
                            "this file names the landscape '" + other + "', but it is part of '" + name + "' (named in "
                                    + naming.name() + "); only the first name counts"));
        }
        return new Landscape(
                name,
                naming.root().text("description", ""),
                files.stream().map(ParsedFile::name).toList(),
                stakeholders,
                systems,
                flows,
                credentials,
                accounts,
                data,
                missions,
                scenarios,
                responsibilities,
                treatments,
                marks,
                jurisdictions,
                catalogs,
                words,
                binder.assumptions(root.root()),
                root.root().at());
    }

    /** Ids defined at landscape level must be unique across all files. */
    private static final class Unique {
        private final Diagnostics diagnostics;
        private final Map<String, SourceLocation> seen = new HashMap<>();

        Unique(Diagnostics diagnostics) {
            this.diagnostics = diagnostics;
        }

        boolean first(String kind, String id, SourceLocation at) {
            SourceLocation earlier = seen.putIfAbsent(kind + "/" + id, at);
            if (earlier == null) {
                return true;
            }
            diagnostics.error(
                    at,
                    "duplicate-id",
                    "the " + kind + " '" + id + "' is already defined at " + earlier + "; ids must be unique"
                            + " across the files of a landscape");
            return false;
        }
    }
}
