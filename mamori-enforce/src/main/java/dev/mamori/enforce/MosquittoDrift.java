package dev.mamori.enforce;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployed Mosquitto ACL file against the grants the model gives at its broker: a grant the file
 * makes that no flow asks for (a client that may publish or subscribe where the model says
 * nothing), and a grant of the model the file does not make (a modelled flow the broker will
 * refuse), each located in the model and in the file. {@code readwrite} counts as both; a line
 * before any {@code user} line grants to anonymous clients, as in Mosquitto. {@code pattern} lines
 * grant by a client's name at run time, which the model cannot check: each is a difference.
 */
public final class MosquittoDrift {

    private MosquittoDrift() {}

    /** One grant: to whom (empty: anonymous clients), read or write (null for a denial), which topic filter. */
    private record Key(Optional<String> user, MosquittoTarget.Access access, String topic) {
        String who() {
            return user.isPresent() ? "user " + user.get() : "anonymous clients";
        }

        String words() {
            return who() + " may " + (access == MosquittoTarget.Access.WRITE ? "publish to " : "subscribe to ") + topic;
        }
    }

    /**
     * The differences between the model's grants at {@code broker} and the ACL in {@code text}.
     *
     * @param file the ACL file's name, for locating
     * @throws Drift.Unreadable when a line is not one Mosquitto reads in an ACL file
     */
    public static List<Drift.Difference> compare(MosquittoTarget.Broker broker, String text, String file)
            throws Drift.Unreadable {
        return compareAll(broker, text, file).differences();
    }

    /**
     * The differences, and the deployed grants among them that no flow asks for.
     *
     * @param grants in the order of the differences
     */
    public record Result(List<Drift.Difference> differences, List<AclGrant> grants) {
        public Result {
            differences = List.copyOf(differences);
            grants = List.copyOf(grants);
        }
    }

    /** As {@link #compare(MosquittoTarget.Broker, String, String)}, with the grants the model lacks. */
    public static Result compareAll(MosquittoTarget.Broker broker, String text, String file) throws Drift.Unreadable {
        List<AclGrant> grants = new ArrayList<>();
        Map<Key, Integer> deployed = new LinkedHashMap<>();
        // Denials (topic deny), by user and topic: an isolation plan's cuts.
        Map<Key, Integer> deniedDeployed = new LinkedHashMap<>();
        List<Drift.Difference> out = new ArrayList<>();
        SourceLocation brokerAt = broker.component().at();
        Optional<String> user = Optional.empty();
        String[] lines = text.split("\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            switch (words[0]) {
                case "user" -> user = Optional.of(argument(words, file, n));
                case "topic" -> {
                    String rest = argument(words, file, n);
                    String[] parts = rest.split("\\s+", 2);
                    List<MosquittoTarget.Access> access;
                    String topic;
                    if (parts.length == 2
                            && List.of("read", "write", "readwrite", "deny").contains(parts[0])) {
                        access = switch (parts[0]) {
                            case "read" -> List.of(MosquittoTarget.Access.READ);
                            case "write" -> List.of(MosquittoTarget.Access.WRITE);
                            case "readwrite" -> List.of(MosquittoTarget.Access.READ, MosquittoTarget.Access.WRITE);
                            default -> List.of(); // deny grants nothing
                        };
                        topic = parts[1];
                        if (parts[0].equals("deny")) {
                            deniedDeployed.putIfAbsent(new Key(user, null, topic), n);
                        }
                    } else {
                        access = List.of(MosquittoTarget.Access.READ, MosquittoTarget.Access.WRITE);
                        topic = rest;
                    }
                    for (MosquittoTarget.Access a : access) {
                        deployed.putIfAbsent(new Key(user, a, topic), n);
                    }
                }
                case "pattern" ->
                    out.add(new Drift.Difference(
                            Drift.Kind.NOT_IN_MODEL,
                            brokerAt,
                            file + ":" + n,
                            "'" + line + "' grants by the client's name at run time, which the model cannot check"));
                default ->
                    throw new Drift.Unreadable(file + ":" + n + ": '" + words[0]
                            + "' is not a line of a Mosquitto ACL file (user, topic," + " pattern or a # comment)");
            }
        }
        Map<Key, MosquittoTarget.Grant> modelled = new LinkedHashMap<>();
        for (MosquittoTarget.Grant g : broker.grants()) {
            modelled.putIfAbsent(new Key(g.user(), g.access(), g.topic()), g);
        }
        for (Map.Entry<Key, MosquittoTarget.Grant> m : modelled.entrySet()) {
            if (!deployed.containsKey(m.getKey())) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        m.getValue().flow().at(),
                        file + " grants no such thing",
                        "flow " + m.getValue().flow().id() + ": " + m.getKey().words() + " at "
                                + broker.component().id() + ", but the deployed ACL does not let it"));
            }
        }
        Map<Key, MosquittoTarget.Grant> denials = new LinkedHashMap<>();
        for (MosquittoTarget.Grant g : broker.denials()) {
            denials.putIfAbsent(new Key(g.user(), null, g.topic()), g);
        }
        for (Map.Entry<Key, MosquittoTarget.Grant> m : denials.entrySet()) {
            if (!deniedDeployed.containsKey(m.getKey())) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_DEPLOYED,
                        m.getValue().flow().at(),
                        file + " denies no such thing",
                        "flow " + m.getValue().flow().id() + ", cut by the plan: "
                                + m.getKey().who() + " should be denied "
                                + m.getKey().topic() + " at "
                                + broker.component().id() + ", but the deployed ACL does not deny it"));
            }
        }
        for (Map.Entry<Key, Integer> d : deniedDeployed.entrySet()) {
            if (!denials.containsKey(d.getKey())) {
                out.add(new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        brokerAt,
                        file + ":" + d.getValue(),
                        "the deployed ACL denies " + d.getKey().who() + " "
                                + d.getKey().topic() + " at "
                                + broker.component().id() + ", which neither the model nor its plan asks for"));
            }
        }
        for (Map.Entry<Key, Integer> d : deployed.entrySet()) {
            if (!modelled.containsKey(d.getKey())) {
                Drift.Difference difference = new Drift.Difference(
                        Drift.Kind.NOT_IN_MODEL,
                        brokerAt,
                        file + ":" + d.getValue(),
                        "the deployed ACL says " + d.getKey().words() + " at "
                                + broker.component().id() + ", which no flow of the model asks for");
                out.add(difference);
                grants.add(new AclGrant(
                        difference,
                        broker,
                        d.getKey().user(),
                        d.getKey().access(),
                        d.getKey().topic()));
            }
        }
        List<Drift.Difference> sorted = Drift.sorted(out);
        grants.sort(java.util.Comparator.comparing(AclGrant::difference, Drift.Difference.ORDER));
        return new Result(sorted, grants);
    }

    private static String argument(String[] words, String file, int line) throws Drift.Unreadable {
        if (words.length < 2 || words[1].isBlank()) {
            throw new Drift.Unreadable(file + ":" + line + ": '" + words[0] + "' without a value");
        }
        return words[1].strip();
    }
}
