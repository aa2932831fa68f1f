package dev.mamori.enforce;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.Comparator;
import java.util.List;

/**
 * The differences between what is deployed and what the model asks for, each located twice: at
 * the element of the model concerned and at the deployed rule or line.
 */
public final class Drift {

    private Drift() {}

    /** How the deployment differs from the model. */
    public enum Kind {
        /** Deployed, but the model does not ask for it: a path the analyses do not know. */
        NOT_IN_MODEL("not in the model"),
        /** The model asks for it, but it is not deployed: something the model needs will not work. */
        NOT_DEPLOYED("not deployed"),
        /** Deployed, but in another place than the model's: in a firewall the first match decides. */
        MOVED("moved");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One difference.
     *
     * @param model the element of the model concerned (the flow, the zone, the broker)
     * @param deployed where in the deployed configuration: a file and a rule's place in it
     * @param message what differs, with the rule in the deployed syntax
     */
    public record Difference(Kind kind, SourceLocation model, String deployed, String message) {

        /** In file order of the model, then of the deployment. */
        public static final Comparator<Difference> ORDER = Comparator.comparing(Difference::model)
                .thenComparing(Difference::deployed)
                .thenComparing(Difference::message);

        @Override
        public String toString() {
            return model + ": drift (" + kind.words() + "): " + message + "\n    deployed: " + deployed;
        }
    }

    /** The deployed configuration cannot be read: says where and why. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        public Unreadable(String message) {
            super(message);
        }
    }

    static List<Difference> sorted(List<Difference> differences) {
        return differences.stream().sorted(Difference.ORDER).toList();
    }
}
