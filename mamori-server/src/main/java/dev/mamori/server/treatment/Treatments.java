package dev.mamori.server.treatment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.ApiError;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.db.Transactions;
import dev.mamori.server.landscape.Landscapes;
import dev.mamori.server.revision.Revisions;
import dev.mamori.server.revision.Views;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Treatments recorded through the server. A maintainer decides about a finding on its own
 * stakeholder's elements (accepted, mitigating, transferred, …, with why and until when); the server
 * writes the decision into the stakeholder's treatments file, {@code treatments/STAKEHOLDER.yaml},
 * and makes a new revision of it like a push, so the model files stay the truth and the next
 * assessment shows the finding treated. Expiry is read back from what the revisions' models state.
 */
public final class Treatments {

    /** The statuses of the model's treatments. */
    public static final List<String> STATUSES =
            List.of("accepted", "mitigating", "mitigated", "transferred", "false-positive", "not-applicable");

    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern ELEMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,299}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decision as the API takes it. */
    public record Decision(
            String stakeholder,
            String rule,
            String element,
            String status,
            String reason,
            LocalDate until,
            Optional<String> ticket) {}

    private record Row(
            String rule,
            Optional<String> element,
            String status,
            Optional<String> by,
            String reason,
            Optional<LocalDate> until,
            Optional<String> ticket) {}

    private final Transactions tx;
    private final Landscapes landscapes;
    private final Revisions revisions;
    private final Accounts.Recorder audit;
    private final Clock clock;

    public Treatments(
            Transactions tx, Landscapes landscapes, Revisions revisions, Accounts.Recorder audit, Clock clock) {
        this.tx = tx;
        this.landscapes = landscapes;
        this.revisions = revisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The file a stakeholder's treatments are written to. */
    public static String file(String stakeholder) {
        return "treatments/" + stakeholder + ".yaml";
    }

    /**
     * Checks a decision's fields as the API received them.
     *
     * @throws ApiError 400 naming the field that is wrong
     */
    public Decision decision(
            String stakeholder,
            String rule,
            String element,
            String status,
            String reason,
            String until,
            Optional<String> ticket) {
        if (!RULE.matcher(rule).matches()) {
            throw ApiError.badRequest("'rule' is a rule's id (lower-case letters, digits and -)");
        }
        if (!ELEMENT.matcher(element).matches()) {
            throw ApiError.badRequest("'element' is the qualified id of the finding's element, as the findings list"
                    + " names it (system.component)");
        }
        if (!STATUSES.contains(status)) {
            throw ApiError.badRequest("'status' is one of " + String.join(", ", STATUSES));
        }
        text("reason", reason, 2000);
        ticket.ifPresent(t -> text("ticket", t, 200));
        LocalDate date;
        try {
            date = LocalDate.parse(until);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'until' is a date, YYYY-MM-DD");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!date.isAfter(today)) {
            throw ApiError.badRequest("'until' is a day after today (" + today + "): a decision lapses then and the"
                    + " finding re-opens");
        }
        if (date.isAfter(today.plusYears(5))) {
            throw ApiError.badRequest("'until' is at most five years ahead: a decision is looked at again");
        }
        return new Decision(stakeholder, rule, element, status, reason, date, ticket);
    }

    private static void text(String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw ApiError.badRequest("'" + field + "' is 1 to " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if ((Character.isISOControl(ch) && ch != '\n')
                    || Character.isSurrogate(ch)
                    || ch == '\uFFFE'
                    || ch == '\uFFFF') {
                // Surrogate pairs are refused with lone ones: a reason is words, not emoji.
                throw ApiError.badRequest("'" + field + "' holds a control character");
            }
        }
    }

    /**
     * Records a decision: a new revision whose treatments file holds it (replacing an earlier
     * decision on the same rule and element).
     *
     * @throws ApiError 403 unless {@code who} maintains the stakeholder whose element the finding is
     *     on; 404 when the latest revision has no such finding
     */
    public Map<String, Object> record(Principal who, String landscapeId, Decision d) {
        Landscapes.Info info = landscapes.visible(who, landscapeId);
        if (!who.has(info.id(), d.stakeholder(), Role.MAINTAINER)) {
            throw ApiError.forbidden("only " + d.stakeholder() + "'s maintainers treat its findings");
        }
        return revisions.serially(
                info.id(),
                () -> tx.run(c -> {
                    Revisions.lock(c, info.id());
                    long latest = latestId(c, info.id());
                    String owner = ownerOfFinding(c, latest, d);
                    if (!owner.equals(d.stakeholder())) {
                        throw ApiError.forbidden("the finding " + d.rule() + " on " + d.element()
                                + " is on an element of " + owner + "; only " + owner + "'s maintainers treat it");
                    }
                    String file = file(d.stakeholder());
                    List<Row> rows = new ArrayList<>();
                    for (Row r : rows(c, latest, file)) {
                        if (!(r.rule().equals(d.rule()) && r.element().equals(Optional.of(d.element())))) {
                            rows.add(r);
                        }
                    }
                    rows.add(new Row(
                            d.rule(),
                            Optional.of(d.element()),
                            d.status(),
                            Optional.of(d.stakeholder()),
                            d.reason(),
                            Optional.of(d.until()),
                            d.ticket()));
                    rows.sort(Comparator.comparing(Row::rule)
                            .thenComparing(r -> r.element().orElse("")));
                    String message = d.status() + " " + d.rule() + " on " + d.element() + " until " + d.until() + ": "
                            + firstLine(d.reason());
                    Map<String, Object> revision = revisions.pushIn(
                            c,
                            who,
                            info,
                            d.stakeholder(),
                            message,
                            List.of(new Revisions.PushedFile(
                                    file, render(d.stakeholder(), rows).getBytes(StandardCharsets.UTF_8))),
                            Revisions.Kind.TREATMENT);
                    int number = (Integer) revision.get("revision");
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("stakeholder", d.stakeholder());
                    detail.put("rule", d.rule());
                    detail.put("element", d.element());
                    detail.put("status", d.status());
                    detail.put("until", d.until().toString());
                    detail.put("revision", number);
                    audit.record(c, who.name(), "treatment", info.id(), detail);
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("revision", number);
                    answer.put("file", file);
                    answer.put("rule", d.rule());
                    answer.put("element", d.element());
                    answer.put("status", d.status());
                    answer.put("until", d.until().toString());
                    answer.put("finding", findingAfter(c, info.id(), number, d));
                    answer.put("warnings", revision.get("warnings"));
                    return answer;
                }));
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static long latestId(Connection c, String landscape) throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("SELECT id FROM revision WHERE landscape_id = ? ORDER BY number DESC LIMIT 1")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("the landscape has no revision yet");
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * The stakeholder whose element the finding is on: the owner of its system, or for an element
     * of no system (a landscape-level interconnection, a mission) the owner of the file it is
     * written in.
     */
    private static String ownerOfFinding(Connection c, long revision, Decision d) throws SQLException {
        return ownerOfFinding(c, revision, d.rule(), d.element());
    }

    /**
     * The stakeholder whose maintainers treat the finding {@code rule} on {@code element} of
     * revision {@code revision} (by its database id): as {@link #record} decides it.
     *
     * @throws ApiError 404 when the revision has no such finding; 403 when it is on no stakeholder's element
     */
    public static String ownerOfFinding(Connection c, long revision, String rule, String element) throws SQLException {
        Decision d = new Decision("", rule, element, "", "", LocalDate.MIN, Optional.empty());
        String system;
        String body;
        try (PreparedStatement q = c.prepareStatement("SELECT system_id, body FROM finding"
                + " WHERE revision_id = ? AND rule = ? AND element = ? ORDER BY seq LIMIT 1")) {
            q.setLong(1, revision);
            q.setString(2, d.rule());
            q.setString(3, d.element());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("the latest revision has no finding " + d.rule() + " on " + d.element());
                }
                system = rs.getString(1);
                body = rs.getString(2);
            }
        }
        if (system != null) {
            try (PreparedStatement q =
                    c.prepareStatement("SELECT owner FROM revision_system WHERE revision_id = ? AND system_id = ?")) {
                q.setLong(1, revision);
                q.setString(2, system);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
        }
        String file = json(body).path("location").path("file").asText().replaceFirst("^\\./", "");
        try (PreparedStatement q =
                c.prepareStatement("SELECT stakeholder FROM revision_file WHERE revision_id = ? AND path = ?")) {
            q.setLong(1, revision);
            q.setString(2, file);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        throw ApiError.forbidden("the finding " + d.rule() + " on " + d.element() + " is on no stakeholder's element");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored finding does not parse", e);
        }
    }

    private static Map<String, Object> findingAfter(Connection c, String landscape, int number, Decision d)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT f.body FROM finding f JOIN revision r ON r.id ="
                + " f.revision_id WHERE r.landscape_id = ? AND r.number = ? AND f.rule = ? AND f.element = ?"
                + " ORDER BY f.seq LIMIT 1")) {
            q.setString(1, landscape);
            q.setInt(2, number);
            q.setString(3, d.rule());
            q.setString(4, d.element());
            try (ResultSet rs = q.executeQuery()) {
                Map<String, Object> f = new LinkedHashMap<>();
                if (rs.next()) {
                    JsonNode body = json(rs.getString(1));
                    f.put("status", body.path("status").asText());
                    f.put("open", body.path("open").asBoolean());
                } else {
                    f.put("status", "gone");
                    f.put("open", false);
                }
                return f;
            }
        }
    }

    private static List<Row> rows(Connection c, long revision, String file) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT rule, element, status, decided_by, reason, until,"
                + " ticket FROM revision_treatment WHERE revision_id = ? AND file = ? ORDER BY seq")) {
            q.setLong(1, revision);
            q.setString(2, file);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate(6);
                    rows.add(new Row(
                            rs.getString(1),
                            Optional.ofNullable(rs.getString(2)),
                            rs.getString(3),
                            Optional.ofNullable(rs.getString(4)),
                            rs.getString(5),
                            Optional.ofNullable(until).map(Date::toLocalDate),
                            Optional.ofNullable(rs.getString(7))));
                }
            }
        }
        return rows;
    }

    /**
     * The treatments file: every text as a double-quoted scalar (JSON's escapes are YAML's), the
     * date plain, in a fixed order, so the same decisions always give the same bytes.
     */
    static String render(String stakeholder, List<Row> rows) {
        StringBuilder y = new StringBuilder();
        y.append("# Treatments of ").append(stakeholder).append("'s findings, recorded through the Mamori server\n");
        y.append("# (POST /api/v1/landscapes/LANDSCAPE/treatments). The server writes this file whole:\n");
        y.append("# keep nothing else in it.\n");
        y.append("mamori: 1\n\ntreatments:\n");
        for (Row r : rows) {
            y.append("  - rule: ").append(quoted(r.rule())).append('\n');
            r.element().ifPresent(e -> y.append("    on: ").append(quoted(e)).append('\n'));
            y.append("    status: ").append(r.status()).append('\n');
            r.by().ifPresent(b -> y.append("    by: ").append(quoted(b)).append('\n'));
            y.append("    reason: ").append(quoted(r.reason())).append('\n');
            r.until().ifPresent(u -> y.append("    until: ").append(u).append('\n'));
            r.ticket().ifPresent(t -> y.append("    ticket: ").append(quoted(t)).append('\n'));
        }
        return y.toString();
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("text not writable", e);
        }
    }

    /** How many days ahead a lapsing treatment is announced in its stakeholders' inboxes. */
    public static final int WARN_DAYS = 14;

    /**
     * Announces, in the inboxes (and so to the webhooks) of the stakeholders they concern, the
     * treatments of every landscape's latest revision that lapse within {@link #WARN_DAYS} days:
     * once per treatment and date, however often it runs. Run with every re-assessment.
     *
     * @return how many warnings were given
     */
    public int warnExpiring() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int given = 0;
        for (String landscape : landscapes.ids()) {
            given += revisions.serially(landscape, () -> tx.run(c -> warn(c, landscape, today)));
        }
        return given;
    }

    private int warn(Connection c, String landscape, LocalDate today) throws SQLException {
        Map<String, List<Map<String, Object>>> items = new java.util.TreeMap<>();
        int number;
        try (PreparedStatement q = c.prepareStatement(
                "SELECT id, number FROM revision WHERE landscape_id = ? ORDER BY number DESC LIMIT 1")) {
            q.setString(1, landscape);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                number = rs.getInt(2);
                long latest = rs.getLong(1);
                try (PreparedStatement t = c.prepareStatement("SELECT rule, element, status, until, file, line,"
                                + " stakeholders FROM revision_treatment WHERE revision_id = ? AND until IS NOT NULL"
                                + " AND until >= ? AND until <= ? ORDER BY seq");
                        PreparedStatement mark = c.prepareStatement(
                                "INSERT INTO treatment_warning (landscape_id,"
                                        + " stakeholder, rule, element, until) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                    t.setLong(1, latest);
                    t.setDate(2, Date.valueOf(today));
                    t.setDate(3, Date.valueOf(today.plusDays(WARN_DAYS)));
                    try (ResultSet tr = t.executeQuery()) {
                        while (tr.next()) {
                            String element =
                                    Optional.ofNullable(tr.getString(2)).orElse("");
                            LocalDate until = tr.getDate(4).toLocalDate();
                            for (String s : (String[]) tr.getArray(7).getArray()) {
                                mark.setString(1, landscape);
                                mark.setString(2, s);
                                mark.setString(3, tr.getString(1));
                                mark.setString(4, element);
                                mark.setDate(5, Date.valueOf(until));
                                if (mark.executeUpdate() == 0) {
                                    continue; // told already
                                }
                                Map<String, Object> item = new LinkedHashMap<>();
                                item.put("kind", "treatment-expiring");
                                item.put("rule", tr.getString(1));
                                if (!element.isEmpty()) {
                                    item.put("element", element);
                                }
                                item.put("status", tr.getString(3));
                                item.put("until", until.toString());
                                item.put("daysLeft", ChronoUnit.DAYS.between(today, until));
                                item.put("file", tr.getString(5));
                                item.put("line", tr.getInt(6));
                                items.computeIfAbsent(s, k -> new ArrayList<>()).add(item);
                            }
                        }
                    }
                }
            }
        }
        if (items.isEmpty()) {
            return 0;
        }
        dev.mamori.server.revision.Inbox.tell(c, landscape, number, Optional.empty(), clock.instant(), items);
        return items.values().stream().mapToInt(List::size).sum();
    }

    /**
     * The treatments of the latest revision that concern the reader (written in its files or decided
     * by it), each with the days left until it lapses; with {@code withinDays}, only those that
     * lapse within that many days (and those that have lapsed).
     */
    public Map<String, Object> list(Views.Viewer v, Optional<Integer> withinDays) {
        if (withinDays.isPresent() && (withinDays.get() < 0 || withinDays.get() > 3660)) {
            throw ApiError.badRequest("?expiring= is a number of days, 0 to 3660");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return tx.run(c -> {
            long latest = latestId(c, v.landscape().id());
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT rule, element, status, decided_by, reason, until,"
                    + " ticket, file, line FROM revision_treatment WHERE revision_id = ? AND ? = ANY (stakeholders)"
                    + (withinDays.isPresent() ? " AND until IS NOT NULL AND until <= ?" : "")
                    + " ORDER BY until NULLS LAST, rule, element, seq")) {
                q.setLong(1, latest);
                q.setString(2, v.stakeholder());
                if (withinDays.isPresent()) {
                    q.setDate(3, Date.valueOf(today.plusDays(withinDays.get())));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("rule", rs.getString(1));
                        Optional.ofNullable(rs.getString(2)).ifPresent(e -> t.put("element", e));
                        t.put("status", rs.getString(3));
                        Optional.ofNullable(rs.getString(4)).ifPresent(b -> t.put("by", b));
                        t.put("reason", rs.getString(5));
                        Date until = rs.getDate(6);
                        if (until != null) {
                            LocalDate u = until.toLocalDate();
                            t.put("until", u.toString());
                            t.put("daysLeft", ChronoUnit.DAYS.between(today, u));
                            t.put("expired", u.isBefore(today));
                        }
                        Optional.ofNullable(rs.getString(7)).ifPresent(k -> t.put("ticket", k));
                        t.put("file", rs.getString(8));
                        t.put("line", rs.getInt(9));
                        list.add(t);
                    }
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("stakeholder", v.stakeholder());
            answer.put("today", today.toString());
            withinDays.ifPresent(n -> answer.put("expiringWithinDays", n));
            answer.put("treatments", list);
            return answer;
        });
    }
}
