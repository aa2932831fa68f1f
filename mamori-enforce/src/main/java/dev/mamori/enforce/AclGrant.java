package dev.mamori.enforce;

import java.util.Optional;

/**
 * A grant of a deployed Mosquitto ACL that no flow of the model asks for.
 *
 * @param broker the broker whose ACL it is
 * @param user the client it is granted to; empty: anonymous clients
 * @param access publish ({@code WRITE}) or subscribe ({@code READ})
 * @param topic the topic filter granted
 */
public record AclGrant(
        Drift.Difference difference,
        MosquittoTarget.Broker broker,
        Optional<String> user,
        MosquittoTarget.Access access,
        String topic)
        implements Unmodelled {

    @Override
    public String words() {
        return (user.isPresent() ? "user " + user.get() : "anonymous clients") + " may "
                + (access == MosquittoTarget.Access.WRITE ? "publish to " : "subscribe to ") + topic + " at "
                + broker.component().id();
    }

    /**
     * Whether two MQTT topic filters match a topic in common: level by level, {@code +} matches any
     * one level and {@code #} the rest (the parent level included).
     */
    static boolean overlap(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; ; i++) {
            boolean xEnds = i >= x.length;
            boolean yEnds = i >= y.length;
            if (xEnds && yEnds) {
                return true;
            }
            if ((!xEnds && x[i].equals("#")) || (!yEnds && y[i].equals("#"))) {
                return true;
            }
            if (xEnds || yEnds) {
                return false;
            }
            if (!x[i].equals(y[i]) && !x[i].equals("+") && !y[i].equals("+")) {
                return false;
            }
        }
    }
}
