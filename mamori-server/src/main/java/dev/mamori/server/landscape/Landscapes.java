package dev.mamori.server.landscape;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import dev.mamori.server.db.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The landscapes the server keeps: made by the server's admins, seen by their members. */
public final class Landscapes {

    private static final String ID = "[a-z0-9][a-z0-9-]{0,62}";

    private final Transactions tx;
    private final Accounts.Recorder audit;

    public Landscapes(Transactions tx, Accounts.Recorder audit) {
        this.tx = tx;
        this.audit = audit;
    }

    /** A landscape's id and the name of its root file (the one that imports the others). */
    public record Info(String id, String rootFile) {}

    public Info create(Principal who, String id, String rootFile) {
        if (!who.serverAdmin()) {
            throw ApiError.forbidden("only the server's admins make landscapes");
        }
        if (!id.matches(ID)) {
            throw ApiError.badRequest(
                    "a landscape id is 1-63 lower-case letters, digits and -, starting with a" + " letter or digit");
        }
        String root = FileNames.checkedName(rootFile);
        return tx.run(c -> {
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO landscape (id, root_file) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, id);
                insert.setString(2, root);
                if (insert.executeUpdate() == 0) {
                    throw new ApiError(409, "exists", "there is already a landscape " + id);
                }
            }
            audit.record(c, who.name(), "landscape.create", id, Map.of("root", root));
            return new Info(id, root);
        });
    }

    /** The landscape, if it exists and {@code who} may know of it (a member, or a server admin). */
    public Info visible(Principal who, String id) {
        Optional<Info> info = find(id);
        if (info.isEmpty() || !(who.serverAdmin() || who.memberOf(id))) {
            // The same answer whether it does not exist or is not the caller's: ids are not disclosed.
            throw ApiError.notFound("no landscape " + id + " of yours");
        }
        return info.get();
    }

    public Optional<Info> find(String id) {
        if (!id.matches(ID)) {
            return Optional.empty();
        }
        return tx.run(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT id, root_file FROM landscape WHERE id = ?")) {
                q.setString(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new Info(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /** Every landscape's id, in order: for work over all of them (re-assessment). */
    public List<String> ids() {
        return tx.run(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id FROM landscape ORDER BY id");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    public List<Map<String, Object>> list(Principal who) {
        return tx.run(c -> {
            List<Map<String, Object>> list = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, root_file FROM landscape ORDER BY id");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (who.serverAdmin() || who.memberOf(id)) {
                        Map<String, Object> l = new LinkedHashMap<>();
                        l.put("id", id);
                        l.put("root", rs.getString(2));
                        l.put(
                                "stakeholders",
                                who.memberships().stream()
                                        .filter(m -> m.landscape().equals(id))
                                        .map(m -> Map.of(
                                                "stakeholder",
                                                m.stakeholder(),
                                                "role",
                                                m.role().word()))
                                        .toList());
                        list.add(l);
                    }
                }
            }
            return list;
        });
    }
}
