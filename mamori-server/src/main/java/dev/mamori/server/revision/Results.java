package dev.mamori.server.revision;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.Landscape;
import dev.mamori.model.Mission;
import dev.mamori.model.Ref;
import dev.mamori.model.Treatment;
import dev.mamori.report.assessment.AssessmentJson;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The assessment of a revision as the server stores it: findings (each in the JSON assessment's
 * form) with the stakeholders they concern, systemic paths, the model's treatments and the missions.
 * Built before anything is written, so that a re-assessment can be compared with the stored one and
 * dropped when nothing changed.
 */
final class Results {

    record FindingRow(
            String rule,
            String element,
            String severity,
            int rank,
            String system,
            boolean open,
            Set<String> touched,
            String copyBody,
            String layer,
            String properties,
            String status,
            String copyWords) {}

    record PathRow(String target, String targetSystem, String entry, double probability, String hops) {}

    record TreatmentRow(
            String rule,
            Optional<String> element,
            String status,
            Optional<String> decidedBy,
            String reason,
            Optional<java.time.LocalDate> until,
            Optional<String> ticket,
            String file,
            int line,
            Set<String> stakeholders) {}

    record MissionRow(String mission, String name, Set<String> stakeholders, boolean stoppable) {}

    /** A system's compliance in a revision: requirements that apply and those satisfied. */
    record ComplianceRow(String system, int requirements, int satisfied) {}

    private final List<FindingRow> findings;
    private final List<PathRow> paths;
    private final List<TreatmentRow> treatments;
    private final List<MissionRow> missions;
    private final List<ComplianceRow> compliance;

    private Results(
            List<FindingRow> findings,
            List<PathRow> paths,
            List<TreatmentRow> treatments,
            List<MissionRow> missions,
            List<ComplianceRow> compliance) {
        this.findings = findings;
        this.paths = paths;
        this.treatments = treatments;
        this.missions = missions;
        this.compliance = compliance;
    }

    /**
     * A finding as stored: its JSON (the JSON assessment's form) and the facets drawn from it. A pure
     * function of the finding (and the rule's fixed metadata), so one made for an earlier revision
     * serves every equal finding of a later one. The JSON and the words, the long columns, are kept
     * already escaped for {@link Copy}: escaping them was a tenth of a push's CPU, for findings that
     * mostly did not change since the revision before.
     */
    record Rendered(
            String copyBody,
            String element,
            String elementKind,
            String system,
            String file,
            String layer,
            String properties,
            String status,
            String copyWords) {

        static Rendered of(Finding f, Assessment assessment) {
            Map<String, Object> json = AssessmentJson.finding(f, assessment);
            Object location = json.get("location");
            return new Rendered(
                    Copy.escape(Json.write(json)),
                    String.valueOf(json.get("element")),
                    String.valueOf(json.get("elementKind")),
                    (String) json.get("system"),
                    location instanceof Map<?, ?> m ? String.valueOf(m.get("file")) : null,
                    (String) json.get("layer"),
                    json.get("properties") instanceof List<?> l
                            ? String.join("", l.stream().map(String::valueOf).toList())
                            : "",
                    String.valueOf(json.get("status")),
                    Copy.escape(Results.words(json)));
        }
    }

    static Results of(Assessment assessment, Map<String, String> systemOwners, Map<String, String> fileOwners) {
        return of(assessment, systemOwners, fileOwners, Map.of(), new java.util.HashMap<>());
    }

    /**
     * The results of an assessment; each finding's JSON is taken from {@code earlier} when an equal
     * finding was rendered before (most of a landscape's findings do not change with one
     * stakeholder's push), and every finding's rendering is put in {@code rendered} for the next.
     */
    static Results of(
            Assessment assessment,
            Map<String, String> systemOwners,
            Map<String, String> fileOwners,
            Map<Finding, Rendered> earlier,
            Map<Finding, Rendered> rendered) {
        Landscape landscape = assessment.landscape();
        List<FindingRow> findings = new ArrayList<>();
        Revisions.Ends ends = Revisions.Ends.of(landscape);
        for (Finding f : assessment.risk().findings()) {
            Rendered r = earlier.get(f);
            if (r == null) {
                r = Rendered.of(f, assessment);
            }
            rendered.put(f, r);
            Set<String> touched = Revisions.touches(
                    r.system(), r.elementKind(), r.element(), r.file(), landscape, ends, systemOwners, fileOwners);
            findings.add(new FindingRow(
                    f.rule(),
                    r.element(),
                    f.severity().word(),
                    f.severity().ordinal(),
                    r.system(),
                    f.open(),
                    touched,
                    r.copyBody(),
                    r.layer(),
                    r.properties(),
                    r.status(),
                    r.copyWords()));
        }
        List<PathRow> paths = new ArrayList<>();
        for (SystemicAnalysis.Path p : assessment.systemic().paths()) {
            List<Map<String, Object>> hops = new ArrayList<>();
            for (Hop h : p.hops()) {
                Map<String, Object> hop = new LinkedHashMap<>();
                hop.put("from", h.from());
                hop.put("to", h.to());
                hop.put("relation", h.relation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                hop.put("weakness", h.weakness());
                hop.put("probability", h.probability());
                hops.add(hop);
            }
            paths.add(new PathRow(p.target(), p.targetSystem(), p.entry(), p.probability(), Json.write(hops)));
        }
        List<TreatmentRow> treatments = new ArrayList<>();
        for (Treatment t : landscape.treatments()) {
            String file = Revisions.relative(t.at().file());
            Set<String> concerned = new TreeSet<>();
            Optional.ofNullable(fileOwners.get(file)).ifPresent(concerned::add);
            t.decidedBy().map(Ref::text).ifPresent(concerned::add);
            treatments.add(new TreatmentRow(
                    t.rule(),
                    t.element().map(Ref::text),
                    t.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    t.decidedBy().map(Ref::text),
                    t.reason(),
                    t.until(),
                    t.ticket(),
                    file,
                    t.at().line(),
                    concerned));
        }
        List<MissionRow> missions = new ArrayList<>();
        for (MissionAnalysis.MissionCriticality m : assessment.missions().missions()) {
            Set<String> concerned = new TreeSet<>();
            Mission mission = landscape.missions().get(m.mission());
            if (mission != null) {
                mission.owner().map(Ref::text).ifPresent(concerned::add);
                Revisions.systemsOf(mission.needs()).stream()
                        .map(systemOwners::get)
                        .filter(Objects::nonNull)
                        .forEach(concerned::add);
            }
            missions.add(new MissionRow(m.mission(), m.name(), concerned, m.stoppedUnderAttack()));
        }
        List<ComplianceRow> compliance = new ArrayList<>();
        for (ComplianceResult.SystemCompliance s : assessment.compliance().systems()) {
            int satisfied = (int) s.requirements().stream()
                    .filter(r -> r.verdict().word().equals("satisfied"))
                    .count();
            compliance.add(new ComplianceRow(s.system(), s.requirements().size(), satisfied));
        }
        return new Results(
                List.copyOf(findings),
                List.copyOf(paths),
                List.copyOf(treatments),
                List.copyOf(missions),
                List.copyOf(compliance));
    }

    /** What a search by words looks in: rule, title, element and explanation, lower case. */
    static String words(Map<String, Object> json) {
        return String.join(
                        " ",
                        String.valueOf(json.get("rule")),
                        String.valueOf(json.getOrDefault("title", "")),
                        String.valueOf(json.get("element")),
                        String.valueOf(json.getOrDefault("explanation", "")))
                .toLowerCase(Locale.ROOT);
    }

    /** The findings, in the order they are stored. */
    List<FindingRow> findings() {
        return findings;
    }

    /** The open findings per severity that concern {@code stakeholder}. */
    Map<String, Integer> openFor(String stakeholder) {
        Map<String, Integer> open = new TreeMap<>();
        for (FindingRow f : findings) {
            if (f.open() && f.touched().contains(stakeholder)) {
                open.merge(f.severity(), 1, Integer::sum);
            }
        }
        return open;
    }

    /** Whether revision {@code id} was assessed to exactly these findings, paths and missions. */
    boolean sameAs(Connection c, long id) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT body, array_to_string(stakeholders, ',') FROM finding"
                + " WHERE revision_id = ? ORDER BY seq")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.add(Copy.escape(rs.getString(1)) + "|" + rs.getString(2));
                }
            }
        }
        List<String> now = findings.stream()
                .map(f -> f.copyBody() + "|" + String.join(",", f.touched()))
                .toList();
        if (!stored.equals(now)) {
            return false;
        }
        List<String> storedPaths = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT target, entry, probability, hops FROM systemic_path WHERE revision_id = ? ORDER BY seq")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    storedPaths.add(
                            rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getDouble(3) + "|" + rs.getString(4));
                }
            }
        }
        List<String> nowPaths = paths.stream()
                .map(p -> p.target() + "|" + p.entry() + "|" + p.probability() + "|" + p.hops())
                .toList();
        if (!storedPaths.equals(nowPaths)) {
            return false;
        }
        Set<String> storedMissions = new TreeSet<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT mission, stoppable FROM revision_mission WHERE revision_id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    storedMissions.add(rs.getString(1) + "|" + rs.getBoolean(2));
                }
            }
        }
        Set<String> nowMissions = new TreeSet<>();
        missions.forEach(m -> nowMissions.add(m.mission() + "|" + m.stoppable()));
        return storedMissions.equals(nowMissions);
    }

    void store(Connection c, long revision) throws SQLException {
        // The findings are most of what a revision writes (tens of thousands for a large landscape):
        // one COPY stream instead of a statement per row.
        Copy findingRows = new Copy(
                c,
                "finding (revision_id, seq, rule, severity, severity_rank, system_id, open, stakeholders, body,"
                        + " element, layer, properties, status, words)");
        int findingSeq = 0;
        for (FindingRow f : findings) {
            findingRows
                    .add(revision)
                    .add(++findingSeq)
                    .add(f.rule())
                    .add(f.severity())
                    .add(f.rank())
                    .add(f.system())
                    .add(f.open())
                    .add(f.touched())
                    .addEscaped(f.copyBody())
                    .add(f.element())
                    .add(f.layer())
                    .add(f.properties())
                    .add(f.status())
                    .addEscaped(f.copyWords())
                    .end();
        }
        findingRows.finish();
        Copy pathRows =
                new Copy(c, "systemic_path (revision_id, seq, target, target_system, entry, probability, hops)");
        int pathSeq = 0;
        for (PathRow p : paths) {
            pathRows.add(revision)
                    .add(++pathSeq)
                    .add(p.target())
                    .add(p.targetSystem())
                    .add(p.entry())
                    .add(p.probability())
                    .add(p.hops())
                    .end();
        }
        pathRows.finish();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO revision_treatment (revision_id, seq, rule,"
                + " element, status, decided_by, reason, until, ticket, file, line, stakeholders)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (TreatmentRow t : treatments) {
                insert.setLong(1, revision);
                insert.setInt(2, ++seq);
                insert.setString(3, t.rule());
                insert.setString(4, t.element().orElse(null));
                insert.setString(5, t.status());
                insert.setString(6, t.decidedBy().orElse(null));
                insert.setString(7, t.reason());
                insert.setDate(8, t.until().map(Date::valueOf).orElse(null));
                insert.setString(9, t.ticket().orElse(null));
                insert.setString(10, t.file());
                insert.setInt(11, t.line());
                insert.setArray(12, c.createArrayOf("text", t.stakeholders().toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO revision_mission (revision_id, mission, name,"
                + " stakeholders, stoppable) VALUES (?, ?, ?, ?, ?)")) {
            for (MissionRow m : missions) {
                insert.setLong(1, revision);
                insert.setString(2, m.mission());
                insert.setString(3, m.name());
                insert.setArray(4, c.createArrayOf("text", m.stakeholders().toArray()));
                insert.setBoolean(5, m.stoppable());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO revision_compliance (revision_id, system_id,"
                + " requirements, satisfied) VALUES (?, ?, ?, ?)")) {
            for (ComplianceRow r : compliance) {
                insert.setLong(1, revision);
                insert.setString(2, r.system());
                insert.setInt(3, r.requirements());
                insert.setInt(4, r.satisfied());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
