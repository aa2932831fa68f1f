package dev.mamori.server.revision;

import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.server.ApiError;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.FileNames;
import dev.mamori.server.landscape.Landscapes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pushes: a stakeholder's files, validated against the whole landscape through the
 * {@link Workspace} (with the command line's confinement and size limits), refused with the
 * located errors or kept as an immutable revision with its assessment.
 */
public final class Revisions {

    /** The most files one push may carry. */
    public static final int MAX_FILES = 200;

    /** The largest bill of materials a push may carry (a model file's limit is the command line's). */
    public static final int MAX_SBOM_BYTES = 8 * 1024 * 1024;

    /**
     * What a file of a landscape is: a model file (read as the landscape, every one named), or a
     * bill of materials a component names with {@code sbom:} (read only through that name).
     */
    public enum FileKind {
        MODEL,
        SBOM;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind a push names, {@code model} when it names none. */
        public static FileKind of(String word) {
            for (FileKind k : values()) {
                if (k.word().equals(word)) {
                    return k;
                }
            }
            throw ApiError.badRequest("a file's 'kind' is model or sbom, not " + FileNames.quotedForMessage(word));
        }
    }

    /** A file as pushed: its path inside the landscape, its bytes, and what it is. */
    public record PushedFile(String path, byte[] content, FileKind kind) {
        public PushedFile(String path, byte[] content) {
            this(path, content, FileKind.MODEL);
        }
    }

    /** A file of the landscape as of a revision, the stakeholder it belongs to, and what it is. */
    record Kept(String stakeholder, byte[] content, FileKind kind) {}

    private final Transactions tx;
    private final Landscapes landscapes;
    private final Accounts.Recorder audit;
    private final Clock clock;

    public Revisions(Transactions tx, Landscapes landscapes, Accounts.Recorder audit, Clock clock) {
        this.tx = tx;
        this.landscapes = landscapes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Accepts a push or refuses it whole.
     *
     * @throws ApiError 403 when {@code who} is not a maintainer of {@code stakeholder} or a file or
     *     system belongs to another stakeholder; 413 for a file over the size limit; 422 with the
     *     located errors when the landscape with these files is invalid; 400 for bad names
     */
    public Map<String, Object> push(
            Principal who, String landscapeId, String stakeholder, String message, List<PushedFile> files) {
        Landscapes.Info info = landscapes.visible(who, landscapeId);
        if (!who.has(info.id(), stakeholder, Role.MAINTAINER)) {
            throw ApiError.forbidden("only " + stakeholder + "'s maintainers push its files");
        }
        checkFiles(files);
        if (message.length() > 2000) {
            throw ApiError.badRequest("a push message is at most 2000 characters");
        }
        Map<String, Object> accepted = serially(
                info.id(),
                () -> tx.run(c -> accept(c, who, info, stakeholder, message, files, Kind.PUSH, false)
                        .orElseThrow()));
        tidyIfDue();
        return accepted;
    }

    /**
     * Brings files in as the landscape's next revision the way a push does — merged with the latest
     * revision's files, validated against the whole landscape, assessed, stored with its findings,
     * inbox items and audit record (action {@code push}, by {@code author}) — but on the operator's
     * say-so rather than a person's roles, and without a push's limit on the number of files: for
     * a landscape too large to bring in by pushes in reasonable time (a push carries at most
     * {@value #MAX_FILES} files, so 1,000 systems take several pushes, each assessing and storing the
     * whole landscape so far). Not reachable over HTTP; {@code mamori-bench} seeds its 100,000-
     * component landscape with it. A file keeps the stakeholder it already has; a new one goes to the
     * owner of the systems it defines, else to {@code stakeholder}.
     *
     * @return what a push answers: the revision's number, hash, files and open findings
     * @throws ApiError 404 for an unknown landscape, 422 with the located errors when the landscape
     *     with these files is invalid (nothing is written), 400 for bad file names, 403 for a file
     *     that would hold the systems of two stakeholders
     */
    public Map<String, Object> seed(
            String landscapeId, String stakeholder, String author, String message, List<PushedFile> files) {
        Landscapes.Info info = landscapes
                .find(landscapeId)
                .orElseThrow(() -> new ApiError(404, "not-found", "no landscape " + landscapeId));
        checkFiles(files, Integer.MAX_VALUE);
        Principal seeder = new Principal(0, author, true, List.of());
        Map<String, Object> accepted = serially(
                info.id(),
                () -> tx.run(c -> accept(c, seeder, info, stakeholder, message, files, Kind.PUSH, true)
                        .orElseThrow()));
        tidyIfDue();
        return accepted;
    }

    /** How many findings written since the finding table was last tidied make it due again. */
    static final int TIDY_AFTER = 100_000;

    private final java.util.concurrent.atomic.AtomicLong untidied = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.ExecutorService tidier =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "mamori-tidy-findings");
                t.setDaemon(true);
                return t;
            });

    /** Counts findings written (inside a write's transaction; a rolled-back one over-counts, harmlessly). */
    void wrote(int findings) {
        untidied.addAndGet(findings);
    }

    /**
     * After a write committed: once many findings were written since the last time, has PostgreSQL
     * vacuum and analyse the finding table, on a thread of its own. Until then a large revision's
     * rows are neither in the visibility map nor in the statistics: the planner guessed a dozen rows
     * for a revision of 315,000 findings, scanned and sorted them in the heap, and a page took over
     * a second instead of tens of milliseconds (docs/performance.md). Autovacuum gets there too,
     * but a minute or more later, and ever later as the table grows.
     */
    public void tidyIfDue() {
        if (untidied.get() < TIDY_AFTER || untidied.getAndSet(0) < TIDY_AFTER) {
            return;
        }
        try {
            tidier.execute(() -> {
                try {
                    tx.outside(c -> {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("VACUUM (ANALYZE) finding");
                        }
                        return null;
                    });
                } catch (RuntimeException e) {
                    // The server stopping, or the database busy: autovacuum does it later.
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shut down: nothing more to tidy.
        }
    }

    /**
     * Runs a write of a landscape after the writes of it before it in this server. The database's
     * lock (taken inside) is what keeps revisions in one order; this one keeps the writes that wait
     * from each holding a database connection meanwhile, which the reads need.
     */
    public <T> T serially(String landscape, java.util.function.Supplier<T> write) {
        java.util.concurrent.locks.ReentrantLock lock =
                writers.computeIfAbsent(landscape, l -> new java.util.concurrent.locks.ReentrantLock(true));
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    private final java.util.concurrent.ConcurrentMap<String, java.util.concurrent.locks.ReentrantLock> writers =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The trees of the model files of accepted revisions, by path and content. */
    private final ParsedFiles parsed = new ParsedFiles();

    /** The most findings whose renderings are kept per landscape (about 3 KB each). */
    static final int MAX_RENDERED = 150_000;

    /** Per landscape, the findings of its latest assessment as rendered for storing. */
    private final java.util.concurrent.ConcurrentMap<String, Map<dev.mamori.engine.risk.Finding, Results.Rendered>>
            rendered = new java.util.concurrent.ConcurrentHashMap<>();

    /** What made a revision. */
    public enum Kind {
        /** A stakeholder's files pushed. */
        PUSH,
        /** A treatment recorded through the server, written into the stakeholder's treatments file. */
        TREATMENT,
        /** The same files assessed again (a newer Mamori, a later day). */
        REASSESS;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Accepts files inside the caller's transaction, as {@link #push} does, for writes that make a
     * revision of their own kind (a treatment). The caller has checked who may write.
     */
    public Map<String, Object> pushIn(
            Connection c,
            Principal who,
            Landscapes.Info info,
            String stakeholder,
            String message,
            List<PushedFile> files,
            Kind kind)
            throws SQLException {
        checkFiles(files);
        return accept(c, who, info, stakeholder, message, files, kind, false).orElseThrow();
    }

    /** The actor of re-assessments in revisions and the audit log. */
    public static final String REASSESSOR = "mamori --reassess";

    /**
     * Assesses the latest revision of every landscape again, today, with this server's Mamori: a
     * treatment whose date has passed re-opens its finding, a newer engine's rules take effect. A
     * landscape whose assessment changed gets a new revision of the same files (kind
     * {@code reassess}); one whose assessment is the same is left as it is.
     *
     * @return per landscape: the new revision's number, "unchanged", or why it could not be assessed
     */
    public Map<String, Object> reassess() {
        Principal actor = new Principal(0, REASSESSOR, false, List.of());
        Map<String, Object> outcome = new TreeMap<>();
        for (String id : landscapes.ids()) {
            Landscapes.Info info = landscapes.find(id).orElseThrow();
            try {
                Optional<Map<String, Object>> made = serially(
                        info.id(),
                        () -> tx.run(c -> {
                            lock(c, info.id());
                            Optional<String> last = latestStakeholder(c, info.id());
                            if (last.isEmpty()) {
                                return Optional.<Map<String, Object>>empty();
                            }
                            return accept(
                                    c,
                                    actor,
                                    info,
                                    last.get(),
                                    "re-assessed on " + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                                    List.of(),
                                    Kind.REASSESS,
                                    false);
                        }));
                tidyIfDue();
                Object result = made.isPresent() ? made.get().get("revision") : "unchanged";
                outcome.put(id, result);
            } catch (ApiError e) {
                // A landscape this Mamori finds invalid stays at its last revision; its people fix it.
                outcome.put(id, "not assessed: " + e.getMessage());
            }
        }
        return outcome;
    }

    private static Optional<String> latestStakeholder(Connection c, String landscape) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT stakeholder FROM revision WHERE landscape_id = ? ORDER BY number DESC LIMIT 1")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** One write at a time per landscape: each is validated against the revision it will follow. */
    public static void lock(Connection c, String landscape) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "landscape:" + landscape);
            lock.execute();
        }
    }

    private static void checkFiles(List<PushedFile> files) {
        checkFiles(files, MAX_FILES);
    }

    private static void checkFiles(List<PushedFile> files, int maxFiles) {
        if (files.isEmpty()) {
            throw ApiError.badRequest("a push carries at least one file");
        }
        if (files.size() > maxFiles) {
            throw new ApiError(413, "too-large", "a push carries at most " + maxFiles + " files");
        }
        Set<String> seen = new TreeSet<>();
        long max = ReadLimits.DEFAULT.maxFileBytes();
        for (PushedFile f : files) {
            if (f.kind() == FileKind.SBOM) {
                FileNames.checkedSbomName(f.path());
            } else {
                FileNames.checkedName(f.path());
            }
            if (!seen.add(f.path())) {
                throw ApiError.badRequest("the push carries " + f.path() + " twice");
            }
            if (f.kind() == FileKind.SBOM && f.content().length > MAX_SBOM_BYTES) {
                throw new ApiError(
                        413,
                        "too-large",
                        f.path() + " is larger than " + MAX_SBOM_BYTES + " bytes, the limit for a bill of materials");
            }
            if (f.content().length > max) {
                throw new ApiError(
                        413,
                        "too-large",
                        f.path() + " is larger than " + max + " bytes, the limit for a model" + " file");
            }
        }
    }

    /**
     * Validates, assesses and stores a revision; for a re-assessment, only when its assessment
     * differs from the latest revision's (else empty, and nothing is written). {@code seeding}: the
     * operator brings the files in ({@link #seed}), so {@code who}'s roles are not asked.
     */
    private Optional<Map<String, Object>> accept(
            Connection c,
            Principal who,
            Landscapes.Info info,
            String stakeholder,
            String message,
            List<PushedFile> pushed,
            Kind kind,
            boolean seeding)
            throws SQLException {
        lock(c, info.id());
        Map<String, String> owners = owners(c, info.id());
        for (PushedFile f : pushed) {
            String owner = owners.get(f.path());
            if (owner != null && !seeding && !who.has(info.id(), owner, Role.MAINTAINER)) {
                throw ApiError.forbidden(f.path() + " belongs to " + owner + "; only " + owner
                        + "'s maintainers push it; nothing was changed");
            }
        }
        Optional<Long> latest = latest(c, info.id());
        Map<String, Kept> merged = new TreeMap<>(latest.isPresent() ? files(c, latest.get()) : Map.of());
        for (PushedFile f : pushed) {
            // Until the model says otherwise, a new file is the pushing stakeholder's.
            merged.put(f.path(), new Kept(owners.getOrDefault(f.path(), stakeholder), f.content(), f.kind()));
        }
        if (!merged.containsKey(info.rootFile())) {
            throw new ApiError(
                    422,
                    "invalid",
                    "the landscape has no root file " + info.rootFile()
                            + " yet: the first push carries it; nothing was changed");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Assessed assessed = assess(info.rootFile(), merged, stakeholder, today);
        Landscape landscape = assessed.assessment().landscape();
        if (!landscape.stakeholders().containsKey(stakeholder)) {
            throw new ApiError(
                    422, "invalid", "the landscape declares no stakeholder " + stakeholder + "; nothing was changed");
        }
        Map<String, String> named = sbomsNamed(landscape);
        for (PushedFile f : pushed) {
            if (f.kind() == FileKind.SBOM && !named.containsKey(f.path())) {
                throw new ApiError(
                        422,
                        "invalid",
                        f.path() + " is pushed as a bill of materials, but no component names it with sbom:;"
                                + " nothing was changed");
            }
        }
        Set<String> pushedPaths = new TreeSet<>();
        pushed.forEach(f -> pushedPaths.add(f.path()));
        Map<String, String> systemOwners = new TreeMap<>();
        Map<String, String> systemFiles = new TreeMap<>();
        Map<String, Set<String>> ownersInFile = new TreeMap<>();
        for (IotSystem system : landscape.systems().values()) {
            String file = relative(system.at().file());
            systemOwners.put(system.id(), system.owner().text());
            systemFiles.put(system.id(), file);
            ownersInFile
                    .computeIfAbsent(file, f -> new TreeSet<>())
                    .add(system.owner().text());
        }
        // A file belongs to one stakeholder: the one that first pushed it, else the owner of the
        // systems it defines, else the stakeholder pushing. Its systems must stay that stakeholder's,
        // and only that stakeholder's maintainers push it.
        // Model files first: a new bill of materials belongs to the stakeholder of the file that names it.
        List<String> inOrder = new ArrayList<>();
        pushedPaths.stream().filter(p -> merged.get(p).kind() == FileKind.MODEL).forEach(inOrder::add);
        pushedPaths.stream().filter(p -> merged.get(p).kind() != FileKind.MODEL).forEach(inOrder::add);
        for (String path : inOrder) {
            Set<String> systemsOwners = ownersInFile.getOrDefault(path, Set.of());
            String namedIn = named.get(path);
            String owner = owners.containsKey(path)
                    ? owners.get(path)
                    : systemsOwners.size() == 1
                            ? systemsOwners.iterator().next()
                            : namedIn != null && merged.containsKey(namedIn)
                                    ? merged.get(namedIn).stakeholder()
                                    : stakeholder;
            for (String o : systemsOwners) {
                if (!o.equals(owner)) {
                    throw ApiError.forbidden(path + " (of " + owner + ") defines a system of " + o + "; a file holds"
                            + " the systems of one stakeholder; nothing was changed");
                }
            }
            if (!seeding && !who.has(info.id(), owner, Role.MAINTAINER)) {
                throw ApiError.forbidden(path + " holds the systems of " + owner + "; only " + owner
                        + "'s maintainers push it; nothing was changed");
            }
            merged.put(
                    path,
                    new Kept(owner, merged.get(path).content(), merged.get(path).kind()));
        }
        Map<String, String> fileOwners = new TreeMap<>();
        merged.forEach((path, kept) -> fileOwners.put(path, kept.stakeholder()));
        Map<dev.mamori.engine.risk.Finding, Results.Rendered> next = new java.util.HashMap<>();
        Results results = Results.of(
                assessed.assessment(), systemOwners, fileOwners, rendered.getOrDefault(info.id(), Map.of()), next);
        // What this assessment rendered serves the next one (a rendering depends on the finding only,
        // so it holds whether or not this revision is kept); a very large landscape is not kept.
        rendered.put(info.id(), next.size() <= MAX_RENDERED ? next : Map.of());
        if (kind == Kind.REASSESS && latest.isPresent() && results.sameAs(c, latest.get())) {
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String contentHash = contentHash(merged);
        int number = nextNumber(c, info.id());
        long revisionId;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO revision (landscape_id, number, stakeholder,"
                + " author, message, content_hash, created_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, info.id());
            insert.setInt(2, number);
            insert.setString(3, stakeholder);
            insert.setString(4, who.name());
            insert.setString(5, message);
            insert.setString(6, contentHash);
            insert.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setString(8, kind.word());
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                revisionId = rs.getLong(1);
            }
        }
        storeFiles(c, info.id(), revisionId, merged, owners);
        storeSystems(c, revisionId, systemOwners, systemFiles);
        results.store(c, revisionId);
        wrote(results.findings().size());
        Map<String, Integer> open = results.openFor(stakeholder);
        // Whom this revision tells what: every stakeholder but the one that made it (a re-assessment
        // is no one's doing, so it tells everyone).
        Inbox.record(
                c,
                info.id(),
                latest,
                revisionId,
                Inbox.seen(results.findings()),
                number,
                kind == Kind.REASSESS ? Optional.empty() : Optional.of(stakeholder),
                now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("revision", number);
        detail.put("stakeholder", stakeholder);
        detail.put("contentHash", contentHash);
        detail.put("files", List.copyOf(pushedPaths));
        audit.record(c, who.name(), kind.word(), info.id(), detail);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("landscape", info.id());
        answer.put("revision", number);
        answer.put("stakeholder", stakeholder);
        answer.put("author", who.name());
        answer.put("message", message);
        answer.put("contentHash", contentHash);
        answer.put("created", now.toString());
        answer.put("files", List.copyOf(pushedPaths));
        answer.put("openFindingsOfYourSystems", open);
        answer.put("warnings", assessed.warnings());
        answer.put("kind", kind.word());
        return Optional.of(answer);
    }

    /** A valid landscape assessed, and the warnings in the pushing stakeholder's files. */
    private record Assessed(Assessment assessment, List<Map<String, Object>> warnings) {}

    private Assessed assess(String root, Map<String, Kept> merged, String stakeholder, LocalDate today) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("mamori-push");
            for (Map.Entry<String, Kept> e : merged.entrySet()) {
                Path target = folder.resolve(e.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw ApiError.badRequest("the file name " + e.getKey() + " leaves the landscape folder");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue().content());
            }
            // Every file is named, the root first: a stakeholder's file joins the landscape without the
            // root file (another's, perhaps) having to import it.
            List<Path> roots = new ArrayList<>();
            roots.add(Path.of(root));
            merged.forEach((p, kept) -> {
                // A bill of materials is read only where a component names it, never as a model.
                if (!p.equals(root) && kept.kind() == FileKind.MODEL) {
                    roots.add(Path.of(p));
                }
            });
            // The command line's own confinement: imports resolve inside the landscape folder only.
            Workspace workspace = Workspace.onDisk(folder, roots, Optional.of(folder));
            // The files read in an earlier accepted revision are not parsed again: their trees are kept.
            Map<Path, dev.mamori.model.syntax.Node> prepared = new java.util.HashMap<>();
            Map<String, String> hashes = new TreeMap<>();
            merged.forEach((p, kept) -> {
                if (kept.kind() == FileKind.MODEL) {
                    String hash = sha256(kept.content());
                    hashes.put(p, hash);
                    parsed.get(p, hash)
                            .ifPresent(tree -> prepared.put(Path.of(p).normalize(), tree));
                }
            });
            Loaded loaded = workspace.load(roots, today, prepared);
            if (loaded.valid()) {
                hashes.forEach((p, hash) -> {
                    if (!prepared.containsKey(Path.of(p).normalize())) {
                        parsed.read(p, hash, merged.get(p).content());
                    }
                });
            }
            if (!loaded.valid()) {
                List<Map<String, Object>> errors = new ArrayList<>();
                int hidden = 0;
                for (Diagnostic d : loaded.diagnostics()) {
                    if (d.severity() != Severity.ERROR) {
                        continue;
                    }
                    Map<String, Object> located = located(d, merged, stakeholder);
                    if (located.containsKey("file")) {
                        errors.add(located);
                    } else {
                        hidden++;
                    }
                }
                if (hidden > 0) {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("severity", "error");
                    summary.put("message", hidden + " error(s) in other stakeholders' files, not shown to you");
                    errors.add(summary);
                }
                throw new ApiError(
                        422,
                        "invalid",
                        "the landscape with these files is invalid (" + errors.size()
                                + " error(s)); nothing was changed",
                        errors);
            }
            List<Map<String, Object>> warnings = loaded.warnings().stream()
                    .map(d -> located(d, merged, stakeholder))
                    .filter(m -> m.containsKey("file"))
                    .toList();
            return new Assessed(workspace.assess(loaded, AssessmentOptions.on(today)), warnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Workspace.InvalidRequest e) {
            throw new ApiError(422, "invalid", e.getMessage());
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    /** A diagnostic for the pusher: located in full in its own files, else without the other's text. */
    private static Map<String, Object> located(Diagnostic d, Map<String, Kept> merged, String stakeholder) {
        String file = relative(d.at().file());
        Kept kept = merged.get(file);
        Map<String, Object> m = new LinkedHashMap<>();
        if (kept == null || kept.stakeholder().equals(stakeholder)) {
            m.put("file", file);
            m.put("line", d.at().line());
            m.put("column", d.at().column());
            m.put("severity", d.severity().word());
            m.put("code", d.code());
            m.put("message", d.message());
            m.put("text", d.toString());
        }
        return m;
    }

    /**
     * The files the components name with {@code sbom:}, as paths inside the landscape folder, each
     * with the model file that names it (the first, when several do).
     */
    static Map<String, String> sbomsNamed(Landscape landscape) {
        Map<String, String> named = new TreeMap<>();
        for (dev.mamori.model.Component c : landscape.components()) {
            c.sbom().ifPresent(sbom -> {
                String file = relative(sbom.at().file());
                Path base = Optional.ofNullable(Path.of(file).getParent()).orElse(Path.of(""));
                named.putIfAbsent(relative(base.resolve(sbom.path()).normalize().toString()), file);
            });
        }
        return named;
    }

    static String relative(String file) {
        return file.replace('\\', '/').replaceFirst("^\\./", "");
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing an accepted push for.
        }
    }

    static String contentHash(Map<String, Kept> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, kept) -> manifest.append(sha256(kept.content()))
                .append("  ")
                .append(path)
                .append('\n'));
        return sha256(manifest.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static Map<String, String> owners(Connection c, String landscape) throws SQLException {
        Map<String, String> owners = new TreeMap<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT path, stakeholder FROM file_owner WHERE landscape_id = ?")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return owners;
    }

    static Optional<Long> latest(Connection c, String landscape) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT id FROM revision WHERE landscape_id = ? ORDER BY number DESC LIMIT 1")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, Kept> files(Connection c, long revision) throws SQLException {
        Map<String, Kept> files = new TreeMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT path, stakeholder, content, kind FROM revision_file WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), new Kept(rs.getString(2), rs.getBytes(3), FileKind.of(rs.getString(4))));
                }
            }
        }
        return files;
    }

    private static int nextNumber(Connection c, String landscape) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1 FROM revision WHERE landscape_id = ?")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void storeFiles(
            Connection c, String landscape, long revision, Map<String, Kept> merged, Map<String, String> owners)
            throws SQLException {
        try (PreparedStatement file = c.prepareStatement("INSERT INTO revision_file (revision_id, path, stakeholder,"
                        + " sha256, content, kind) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement owner = c.prepareStatement(
                        "INSERT INTO file_owner (landscape_id, path, stakeholder) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Kept> e : merged.entrySet()) {
                file.setLong(1, revision);
                file.setString(2, e.getKey());
                file.setString(3, e.getValue().stakeholder());
                file.setString(4, sha256(e.getValue().content()));
                file.setBytes(5, e.getValue().content());
                file.setString(6, e.getValue().kind().word());
                file.addBatch();
                if (!owners.containsKey(e.getKey())) {
                    owner.setString(1, landscape);
                    owner.setString(2, e.getKey());
                    owner.setString(3, e.getValue().stakeholder());
                    owner.addBatch();
                }
            }
            file.executeBatch();
            owner.executeBatch();
        }
    }

    private static void storeSystems(Connection c, long revision, Map<String, String> owners, Map<String, String> files)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO revision_system (revision_id, system_id, owner, file) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : owners.entrySet()) {
                insert.setLong(1, revision);
                insert.setString(2, e.getKey());
                insert.setString(3, e.getValue());
                insert.setString(4, files.get(e.getKey()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The stakeholders a finding concerns: the owner of its element's system; for an
     * interconnection (a flow or a credential relation), the owners of the systems at both ends; for
     * a mission, its owner and the owners of the systems it needs; for an element of no system, the
     * owner of the file it is written in.
     */
    static Set<String> touches(
            String system,
            String kind,
            String id,
            String file,
            Landscape landscape,
            Ends ends,
            Map<String, String> systemOwners,
            Map<String, String> fileOwners) {
        Set<String> systems = new TreeSet<>();
        Set<String> touched = new TreeSet<>();
        Optional.ofNullable(system).ifPresent(systems::add);
        if (kind.equals("flow")) {
            systems.addAll(ends.flows().getOrDefault(id, Set.of()));
        } else if (kind.equals("credential relation")) {
            systems.addAll(ends.credentials().getOrDefault(id, Set.of()));
        } else if (kind.equals("mission")) {
            Mission mission = landscape.missions().get(id);
            if (mission != null) {
                mission.owner().ifPresent(o -> touched.add(o.text()));
                systems.addAll(systemsOf(mission.needs()));
            }
        }
        systems.stream()
                .map(systemOwners::get)
                .filter(java.util.Objects::nonNull)
                .forEach(touched::add);
        if (touched.isEmpty() && file != null) {
            Optional.ofNullable(fileOwners.get(relative(file))).ifPresent(touched::add);
        }
        return touched;
    }

    /**
     * The systems at the ends of each interconnection, by its id: worked out once per assessment,
     * not once per finding (a large landscape has tens of thousands of each).
     */
    record Ends(Map<String, Set<String>> flows, Map<String, Set<String>> credentials) {
        static Ends of(Landscape landscape) {
            Map<String, Set<String>> flows = new java.util.HashMap<>();
            for (dev.mamori.model.Flow flow : landscape.allFlows()) {
                Set<String> at = flows.computeIfAbsent(flow.id(), k -> new TreeSet<>());
                at.add(systemOf(flow.from()));
                at.add(systemOf(flow.to()));
            }
            Map<String, Set<String>> credentials = new java.util.HashMap<>();
            for (dev.mamori.model.CredentialRelation cr : landscape.allCredentials()) {
                Set<String> at = credentials.computeIfAbsent(cr.id(), k -> new TreeSet<>());
                at.add(systemOf(cr.holder()));
                cr.acceptedBy().forEach(r -> at.add(systemOf(r)));
            }
            return new Ends(flows, credentials);
        }
    }

    private static String systemOf(dev.mamori.model.Ref ref) {
        String text = ref.text();
        int dot = text.indexOf('.');
        return dot > 0 ? text.substring(0, dot) : String.valueOf(ref.system());
    }

    static Set<String> systemsOf(Needs needs) {
        Set<String> systems = new TreeSet<>();
        if (needs instanceof Needs.One one) {
            systems.add(systemOf(one.component()));
        } else if (needs instanceof Needs.All all) {
            all.parts().forEach(n -> systems.addAll(systemsOf(n)));
        } else if (needs instanceof Needs.Any any) {
            any.parts().forEach(n -> systems.addAll(systemsOf(n)));
        } else if (needs instanceof Needs.AtLeast atLeast) {
            atLeast.parts().forEach(n -> systems.addAll(systemsOf(n)));
        }
        return systems;
    }
}
