package dev.mamori.imports.threagile;

import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The words an imported model adds to Mamori's vocabulary, through its own {@code vocabulary}
 * section, for what Threagile names and Mamori's built-in words do not: protocols such as LDAP or
 * SMB, process-local calls, and the generic IoT device. A word is written into the model only when
 * the model uses it, so that the imported file stays as short as the input allows.
 */
final class ThreagileVocabulary {

    private ThreagileVocabulary() {}

    /** Threagile's generic IoT device: on the device layer; whether it actuates is not said. */
    static final String IOT_DEVICE = "iot-device";

    /** Traffic that never leaves its host: nothing on a network path can read it. */
    static final String HOST_LOCAL = "host-local";

    static final String IOT_DEVICE_DESCRIPTION =
            "An IoT device of unstated kind (imported from Threagile; whether it actuates is not known)";
    static final String HOST_LOCAL_DESCRIPTION =
            "Never leaves its host (an in-process call, a local file, a container started locally): no network"
                    + " path to eavesdrop on";

    private static final List<String> USUAL_AUTH = List.of("none", "password", "token", "certificate");

    /** The protocols added for Threagile, with their facts as a landscape would declare them. */
    static final Map<String, Protocol> PROTOCOLS = protocols();

    private static Map<String, Protocol> protocols() {
        Map<String, Protocol> m = new LinkedHashMap<>();
        add(m, "nosql", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "A NoSQL database access protocol");
        add(m, "ldap", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "LDAP, or LDAPS over TLS");
        add(m, "jms", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "Java Message Service");
        add(m, "nfs", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "Network File System");
        add(m, "smb", "tcp", true, List.of("none", "application"), USUAL_AUTH, "SMB/CIFS file sharing");
        add(m, "nrpe", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "Nagios remote plugin executor");
        add(m, "iiop", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "CORBA IIOP remote calls");
        add(m, "jrmp", "tcp", true, List.of("none", "tls"), USUAL_AUTH, "Java RMI remote calls");
        add(m, "pop3", "tcp", false, List.of("none", "tls"), USUAL_AUTH, "POP3 mail retrieval");
        add(m, "imap", "tcp", false, List.of("none", "tls"), USUAL_AUTH, "IMAP mail access");
        add(m, "local-file", "any", false, List.of(HOST_LOCAL), List.of("none"), "Access to a local file system");
        add(
                m,
                "in-process",
                "any",
                true,
                List.of(HOST_LOCAL),
                List.of("none"),
                "A call to a library in the same process");
        add(
                m,
                "container-spawning",
                "any",
                true,
                List.of(HOST_LOCAL),
                USUAL_AUTH,
                "A container platform starting a container");
        return Map.copyOf(m);
    }

    private static void add(
            Map<String, Protocol> m,
            String id,
            String transport,
            boolean commands,
            List<String> encryption,
            List<String> authentication,
            String description) {
        m.put(
                id,
                new Protocol(
                        id,
                        transport,
                        commands,
                        encryption,
                        authentication,
                        encryption.get(0),
                        authentication.get(0),
                        description,
                        OptionalInt.empty()));
    }

    /** The facts of a protocol word, built in or added for Threagile. */
    static Optional<Protocol> protocol(String id) {
        Protocol builtIn = BuiltInVocabulary.get().protocols().get(id);
        return Optional.ofNullable(builtIn != null ? builtIn : PROTOCOLS.get(id));
    }

    static boolean isAdded(String protocol) {
        return PROTOCOLS.containsKey(protocol)
                && !BuiltInVocabulary.get().protocols().containsKey(protocol);
    }

    /**
     * Of the authentication means {@code protocol} can run with, the one closest in strength to
     * {@code wanted}; on a tie the weaker, so that an import never claims more than the input said.
     */
    static String nearestAuthentication(Protocol protocol, String wanted) {
        if (protocol.authentication().contains(wanted)) {
            return wanted;
        }
        Vocabulary builtIn = BuiltInVocabulary.get();
        int target = strength(builtIn, wanted).ordinal();
        String best = protocol.authentication().get(0);
        int bestDistance = Integer.MAX_VALUE;
        int bestStrength = Integer.MAX_VALUE;
        for (String candidate : protocol.authentication()) {
            int s = strength(builtIn, candidate).ordinal();
            int distance = Math.abs(s - target);
            if (distance < bestDistance || (distance == bestDistance && s < bestStrength)) {
                best = candidate;
                bestDistance = distance;
                bestStrength = s;
            }
        }
        return best;
    }

    private static Strength strength(Vocabulary vocabulary, String means) {
        Vocabulary.Means m = vocabulary.authentication().get(means);
        return m == null ? Strength.NONE : m.strength();
    }

    /** The protocol as a {@code vocabulary: protocols} entry, in the shape the grammar reads. */
    static Map<String, Object> declaration(Protocol p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transport", p.transport());
        out.put("commands", p.commands());
        out.put("encryption", p.encryption());
        out.put("authentication", p.authentication());
        out.put("default-encryption", p.defaultEncryption());
        out.put("default-authentication", p.defaultAuthentication());
        out.put("description", p.description() + " (added by the Threagile import)");
        return out;
    }
}
