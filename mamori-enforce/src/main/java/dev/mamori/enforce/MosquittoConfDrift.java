package dev.mamori.enforce;

import dev.mamori.model.IpPrefix;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deployed Mosquitto configuration file against what the model asks of its broker: who may log
 * in without a name ({@code allow_anonymous}), where it listens ({@code listener}, {@code port}),
 * and that it has an ACL ({@code acl_file}) and, when flows log in by password, a
 * {@code password_file}. The other settings of Mosquitto (TLS files, persistence, logging,
 * bridges) are not the model's and are not compared; a file it includes ({@code include_dir}) is
 * not read, which the notes say.
 */
public final class MosquittoConfDrift {

    private MosquittoConfDrift() {}

    /**
     * The differences, and what was not compared.
     *
     * @param differences in file order
     * @param notes what of the file was not read (an included folder), for the reader
     * @param anonymousRefused where the file refuses clients without a name ({@code FILE:LINE}, or
     *     the file when it leaves {@code allow_anonymous} at Mosquitto's default, false); empty when it
     *     lets them in. Grants of the ACL to anonymous clients have no effect while it refuses them.
     */
    public record Result(
            List<Drift.Difference> differences, List<String> notes, java.util.Optional<String> anonymousRefused) {
        public Result {
            differences = List.copyOf(differences);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Compares the configuration in {@code text} with what the model asks of {@code broker}.
     *
     * @param file the file's name, for locating
     * @throws Drift.Unreadable when a setting the comparison reads has a value Mosquitto would refuse
     */
    public static Result compare(MosquittoTarget.Broker broker, String text, String file) throws Drift.Unreadable {
        SourceLocation at = broker.component().at();
        String id = broker.component().id();
        List<Drift.Difference> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, Integer> listeners = new LinkedHashMap<>(); // "PORT ADDRESS" (address empty: all) to line
        int anonymousLine = 0;
        boolean anonymous = false;
        int aclLine = 0;
        int passwordLine = 0;
        String[] lines = text.split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "allow_anonymous" -> {
                    String value = value(words, file, n);
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new Drift.Unreadable(
                                file + ":" + n + ": allow_anonymous is true or false, not '" + value + "'");
                    }
                    // With settings per listener, one listener that lets anonymous clients in is enough.
                    if (value.equals("true")) {
                        anonymous = true;
                        anonymousLine = n;
                    } else if (!anonymous) {
                        anonymousLine = n;
                    }
                }
                case "listener" -> {
                    String port = value(words, file, n);
                    if (!port.matches("[0-9]{1,5}")) {
                        throw new Drift.Unreadable(
                                file + ":" + n + ": a listener's port is a number, not '" + port + "'");
                    }
                    listeners.putIfAbsent(port + " " + (words.length > 2 ? address(words[2]) : ""), n);
                }
                case "port" -> listeners.putIfAbsent(value(words, file, n) + " ", n);
                case "acl_file" -> aclLine = aclLine == 0 ? n : aclLine;
                case "password_file" -> passwordLine = passwordLine == 0 ? n : passwordLine;
                case "per_listener_settings" -> {
                    if (value(words, file, n).equals("true")) {
                        out.add(new Drift.Difference(
                                Drift.Kind.NOT_IN_MODEL,
                                at,
                                file + ":" + n,
                                "per_listener_settings true: each listener has settings of its own, but the model's"
                                        + " are for the whole broker " + id
                                        + " (compared as if any listener's applied)"));
                    }
                }
                case "include_dir" ->
                    notes.add(file + ":" + n + ": the files of " + value(words, file, n) + " are not read: compare"
                            + " the one Mamori generated for broker " + id + " (BROKER.conf) if it is there");
                default -> {
                    // TLS, persistence, logging, bridges: not what the model says
                }
            }
        }
        boolean modelAnonymous = broker.grants().stream().anyMatch(g -> g.user().isEmpty());
        if (anonymous && !modelAnonymous) {
            out.add(new Drift.Difference(
                    Drift.Kind.NOT_IN_MODEL,
                    at,
                    file + ":" + anonymousLine,
                    "broker " + id + " lets clients in without a name (allow_anonymous true), but no flow to or from"
                            + " it says authentication: none"));
        } else if (!anonymous && modelAnonymous) {
            out.add(new Drift.Difference(
                    Drift.Kind.NOT_DEPLOYED,
                    at,
                    file + (anonymousLine == 0 ? ": no allow_anonymous (false by default)" : ":" + anonymousLine),
                    "broker " + id + " refuses clients without a name, but a flow to or from it says authentication:"
                            + " none: that flow will not connect"));
        }
        // Listeners: one per port the model's flows use, bound to the broker's address when it has one.
        String bind = broker.component()
                .address()
                .filter(IpPrefix::host)
                .map(IpPrefix::toString)
                .orElse("");
        TreeSet<String> wanted = new TreeSet<>();
        broker.ports().forEach(p -> wanted.add(p + " " + bind));
        for (String w : wanted) {
            String port = w.substring(0, w.indexOf(' '));
            boolean served = listeners.containsKey(w) || listeners.containsKey(port + " ");
            if (!served) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        at,
                        file + " has no listener " + w.strip(),
                        "broker " + id + " does not listen on port " + port + (bind.isEmpty() ? "" : " at " + bind)
                                + ": the flows to it on that port will not connect"));
            }
        }
        for (Map.Entry<String, Integer> l : listeners.entrySet()) {
            if (wanted.contains(l.getKey())) {
                continue;
            }
            String port = l.getKey().substring(0, l.getKey().indexOf(' '));
            String address = l.getKey().substring(l.getKey().indexOf(' ') + 1);
            boolean modelPort = wanted.contains(port + " " + bind);
            out.add(new Drift.Difference(
                    Drift.Kind.NOT_IN_MODEL,
                    at,
                    file + ":" + l.getValue(),
                    modelPort
                            ? "broker " + id + " listens on port " + port + " at every address, not only at " + bind
                            : "broker " + id + " listens on port " + port
                                    + (address.isEmpty() ? "" : " at " + address)
                                    + ", which no flow of the model uses"));
        }
        if (aclLine == 0) {
            out.add(new Drift.Difference(
                    Drift.Kind.NOT_IN_MODEL,
                    at,
                    file + " has no acl_file",
                    "broker " + id + " has no ACL: every client that logs in may publish and subscribe to every"
                            + " topic, not only those of its flows"));
        }
        boolean passwords = broker.grants().stream()
                .anyMatch(g -> g.user().isPresent() && g.flow().authentication().equals("password"));
        if (passwords && passwordLine == 0) {
            out.add(new Drift.Difference(
                    Drift.Kind.NOT_DEPLOYED,
                    at,
                    file + " has no password_file",
                    "broker " + id + " has no password_file: the clients whose flows log in by password cannot"));
        }
        java.util.Optional<String> refused = anonymous
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        anonymousLine == 0
                                ? file + " (no allow_anonymous: false by default)"
                                : file + ":" + anonymousLine);
        return new Result(Drift.sorted(out), notes, refused);
    }

    private static String value(String[] words, String file, int line) throws Drift.Unreadable {
        if (words.length < 2) {
            throw new Drift.Unreadable(file + ":" + line + ": '" + words[0] + "' without a value");
        }
        return words[1];
    }

    /** An address canonical, so that {@code ::1} and {@code 0:0::1} are one; a host name as written. */
    private static String address(String text) {
        return IpPrefix.parse(text) instanceof IpPrefix.Parsed.Ok ok
                ? ok.prefix().toString()
                : text;
    }
}
