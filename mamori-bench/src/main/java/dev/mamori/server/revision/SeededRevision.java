package dev.mamori.server.revision;

import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.model.IotSystem;
import dev.mamori.server.MamoriServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A revision brought into a running server without a push: the landscape's files assessed here,
 * as a push assesses them ({@link Workspace}, every file named, the root first), and stored through
 * the server's own code for a revision's results ({@link Results#of} and {@link Results#store}),
 * with its files and systems. It writes no inbox items and no audit record.
 *
 * <p>For benchmarks of reads of a landscape too large to bring in by pushes in reasonable time: a
 * push carries at most 200 files and 16 MiB, so 100,000 components take several pushes, each
 * assessing and storing the whole landscape so far. It lives in the server's package (in the bench
 * module) because the storing code is the server's own and not public.
 */
public final class SeededRevision {

    private SeededRevision() {}

    /** What was stored: the revision's number and how many findings it holds. */
    public record Seeded(int revision, int findings, long assessMillis, long storeMillis) {}

    /**
     * Assesses {@code files} (path → content; {@code root} among them) and stores the result as the
     * next revision of {@code landscape}, made by {@code stakeholder}, every file and system given to
     * its system's owner (a file without systems to {@code stakeholder}).
     */
    public static Seeded seed(
            MamoriServer server, String landscape, String root, String stakeholder, Map<String, String> files) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("mamori-seed");
            List<Path> roots = new ArrayList<>();
            roots.add(Path.of(root));
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = folder.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue());
                if (!e.getKey().equals(root)) {
                    roots.add(Path.of(e.getKey()));
                }
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            Workspace workspace = Workspace.onDisk(folder, roots, Optional.of(folder));
            Loaded loaded = workspace.load(roots, today);
            if (!loaded.valid()) {
                throw new IllegalStateException("the seeded landscape is invalid: "
                        + loaded.diagnostics().get(0));
            }
            Assessment assessment = workspace.assess(loaded, AssessmentOptions.on(today));
            Map<String, String> systemOwners = new TreeMap<>();
            Map<String, String> systemFiles = new TreeMap<>();
            Map<String, String> fileOwners = new TreeMap<>();
            files.keySet().forEach(p -> fileOwners.put(p, stakeholder));
            for (IotSystem system : assessment.landscape().systems().values()) {
                String file = Revisions.relative(system.at().file());
                systemOwners.put(system.id(), system.owner().text());
                systemFiles.put(system.id(), file);
                fileOwners.put(file, system.owner().text());
            }
            Results results = Results.of(assessment, systemOwners, fileOwners);
            long assessed = System.nanoTime();
            int number = server.services().transactions().run(c -> {
                Revisions.lock(c, landscape);
                int next;
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT COALESCE(max(number), 0) + 1 FROM revision WHERE landscape_id = ?")) {
                    q.setString(1, landscape);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        next = rs.getInt(1);
                    }
                }
                long id;
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO revision (landscape_id, number,"
                        + " stakeholder, author, message, content_hash, created_at, kind)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'push') RETURNING id")) {
                    Map<String, Revisions.Kept> kept = new TreeMap<>();
                    files.forEach((p, content) -> kept.put(
                            p,
                            new Revisions.Kept(
                                    fileOwners.get(p),
                                    content.getBytes(StandardCharsets.UTF_8),
                                    Revisions.FileKind.MODEL)));
                    insert.setString(1, landscape);
                    insert.setInt(2, next);
                    insert.setString(3, stakeholder);
                    insert.setString(4, "seed");
                    insert.setString(5, "seeded for a benchmark");
                    insert.setString(6, Revisions.contentHash(kept));
                    insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement file = c.prepareStatement("INSERT INTO revision_file (revision_id, path,"
                        + " stakeholder, sha256, content, kind) VALUES (?, ?, ?, ?, ?, 'model')")) {
                    for (Map.Entry<String, String> e : files.entrySet()) {
                        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
                        file.setLong(1, id);
                        file.setString(2, e.getKey());
                        file.setString(3, fileOwners.get(e.getKey()));
                        file.setString(4, Revisions.sha256(bytes));
                        file.setBytes(5, bytes);
                        file.addBatch();
                    }
                    file.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO revision_system (revision_id, system_id, owner, file) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> e : systemOwners.entrySet()) {
                        insert.setLong(1, id);
                        insert.setString(2, e.getKey());
                        insert.setString(3, e.getValue());
                        insert.setString(4, systemFiles.get(e.getKey()));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                results.store(c, id);
                server.services().revisions().wrote(results.findings().size());
                return next;
            });
            // As after a push: the table tidied for the planner once many findings were written.
            server.services().revisions().tidyIfDue();
            long stored = System.nanoTime();
            return new Seeded(
                    number,
                    assessment.risk().findings().size(),
                    (assessed - start) / 1_000_000,
                    (stored - assessed) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
