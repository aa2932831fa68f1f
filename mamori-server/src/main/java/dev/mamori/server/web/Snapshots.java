package dev.mamori.server.web;

import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.server.ApiError;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.revision.Views;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The revisions the pages read, beyond what the API's views give: a revision's files, its systems'
 * owners, and the whole assessment of a revision (missions, compliance, diagrams, reports), made
 * again from the revision's files as on the day it was pushed. A revision never changes, so its
 * assessment is kept for the next page (the few most recent only).
 */
final class Snapshots {

    /** A revision as the pages address it: its row id, its number, and the day it was pushed. */
    record Revision(long id, int number, LocalDate day) {}

    /** A revision's assessment with the owners of its systems and files. */
    record Snapshot(
            Revision revision,
            Assessment assessment,
            Map<String, String> systemOwners,
            Map<String, String> fileOwners) {

        /** The systems a stakeholder owns. */
        Set<String> systemsOf(String stakeholder) {
            Set<String> own = new TreeSet<>();
            systemOwners.forEach((system, owner) -> {
                if (owner.equals(stakeholder)) {
                    own.add(system);
                }
            });
            return own;
        }
    }

    private static final int KEPT = 4;

    private final Transactions tx;
    private final Map<Long, Snapshot> kept = new LinkedHashMap<>(8, 0.75f, true);

    Snapshots(Transactions tx) {
        this.tx = tx;
    }

    /** The revision numbered, or the latest. */
    Revision revision(Views.Viewer v, Optional<Integer> number) {
        return tx.run(c -> {
            String sql = "SELECT id, number, created_at FROM revision WHERE landscape_id = ?"
                    + (number.isPresent() ? " AND number = ?" : " ORDER BY number DESC LIMIT 1");
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, v.landscape().id());
                if (number.isPresent()) {
                    q.setInt(2, number.get());
                }
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiError.notFound(
                                number.map(n -> "no revision " + n).orElse("the landscape has no revision yet"));
                    }
                    return new Revision(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getObject(3, OffsetDateTime.class)
                                    .withOffsetSameInstant(ZoneOffset.UTC)
                                    .toLocalDate());
                }
            }
        });
    }

    /** Whether the landscape has a revision yet. */
    boolean any(Views.Viewer v) {
        return tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM revision WHERE landscape_id = ? LIMIT 1")) {
                q.setString(1, v.landscape().id());
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The revision's whole assessment, made once and kept while it is among the most recent read. */
    Snapshot snapshot(Views.Viewer v, Revision revision) {
        synchronized (kept) {
            Snapshot s = kept.get(revision.id());
            if (s != null) {
                return s;
            }
        }
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> fileOwners = new TreeMap<>();
        Map<String, String> systemOwners = new TreeMap<>();
        Set<String> others = new TreeSet<>();
        tx.run(c -> {
            readFiles(c, revision.id(), files, fileOwners, others);
            try (PreparedStatement q =
                    c.prepareStatement("SELECT system_id, owner FROM revision_system WHERE revision_id = ?")) {
                q.setLong(1, revision.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        systemOwners.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return null;
        });
        Snapshot s = new Snapshot(
                revision,
                assess(v.landscape().rootFile(), files, others, AssessmentOptions.on(revision.day())),
                Map.copyOf(systemOwners),
                Map.copyOf(fileOwners));
        synchronized (kept) {
            kept.put(revision.id(), s);
            while (kept.size() > KEPT) {
                Long eldest = kept.keySet().iterator().next();
                kept.remove(eldest);
            }
        }
        return s;
    }

    /** A revision's files and their owners; {@code others} gets those that are no model file (bills of materials). */
    private static void readFiles(
            Connection c, long revision, Map<String, byte[]> files, Map<String, String> owners, Set<String> others)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT path, stakeholder, content, kind FROM revision_file WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.put(rs.getString(1), rs.getBytes(3));
                    if (!rs.getString(4).equals("model")) {
                        others.add(rs.getString(1));
                    }
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    /**
     * The findings of the revision the stakeholder may see, by their place in the assessment's list
     * (the order they were stored in): the same rule the API applies, read from what was stored.
     */
    Set<Integer> visibleFindings(Snapshot s, String stakeholder) {
        return tx.run(c -> {
            Set<Integer> seqs = new TreeSet<>();
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT seq, rule FROM finding WHERE revision_id = ? AND ? = ANY (stakeholders)")) {
                q.setLong(1, s.revision().id());
                q.setString(2, stakeholder);
                try (ResultSet rs = q.executeQuery()) {
                    List<Finding> all = s.assessment().risk().findings();
                    while (rs.next()) {
                        int seq = rs.getInt(1);
                        // The assessment made again must be the one stored; a mismatch shows nothing rather than a
                        // wrong thing.
                        if (seq >= 1
                                && seq <= all.size()
                                && all.get(seq - 1).rule().equals(rs.getString(2))) {
                            seqs.add(seq);
                        }
                    }
                }
            }
            return seqs;
        });
    }

    /** The same rule as {@link #visibleFindings}, as the findings themselves. */
    List<Finding> visible(Snapshot s, String stakeholder) {
        List<Finding> all = s.assessment().risk().findings();
        List<Finding> shown = new ArrayList<>();
        for (int seq : visibleFindings(s, stakeholder)) {
            shown.add(all.get(seq - 1));
        }
        return shown;
    }

    /**
     * The revision assessed again with a systemic question (as {@code mamori systemic --from
     * --protect}): made for this answer, not kept.
     */
    Assessment ask(Views.Viewer v, Revision revision, SystemicAnalyzer.Options question) {
        Map<String, byte[]> files = new TreeMap<>();
        Set<String> others = new TreeSet<>();
        tx.run(c -> {
            readFiles(c, revision.id(), files, new TreeMap<>(), others);
            return null;
        });
        return assess(
                v.landscape().rootFile(),
                files,
                others,
                AssessmentOptions.on(revision.day()).withSystemic(question));
    }

    private static Assessment assess(
            String root, Map<String, byte[]> files, Set<String> notModels, AssessmentOptions options) {
        LocalDate day = options.today();
        Path folder = null;
        try {
            folder = Files.createTempDirectory("mamori-web");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = folder.resolve(e.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalStateException("a stored file name leaves the folder: " + e.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            // As the push did: every file named, the root first, imports confined to the folder.
            List<Path> roots = new ArrayList<>();
            roots.add(Path.of(root));
            files.keySet().stream()
                    .filter(p -> !p.equals(root) && !notModels.contains(p))
                    .map(Path::of)
                    .forEach(roots::add);
            Workspace workspace = Workspace.onDisk(folder, roots, Optional.of(folder));
            Loaded loaded = workspace.load(roots, day);
            if (!loaded.valid()) {
                throw new IllegalStateException("a stored revision no longer loads");
            }
            return workspace.assess(loaded, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no reason to fail the page.
        }
    }
}
