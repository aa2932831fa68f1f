package dev.mamori.model.vocabulary;

import dev.mamori.model.Layer;
import dev.mamori.model.grammar.Grammar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The open vocabularies of the language (roles, kinds, protocols, …) with the facts rules need
 * about each word. The built-in words are data ({@code vocabulary.yaml}); a landscape adds its own
 * under {@code vocabulary}.
 */
public record Vocabulary(
        Map<String, Term> roles,
        Map<String, Category> categories,
        Map<String, Term> sectors,
        Map<String, ComponentKind> componentKinds,
        Map<String, Protocol> protocols,
        Map<String, Means> encryption,
        Map<String, Means> authentication,
        Map<String, Term> debugInterfaces,
        Map<String, Term> credentialKinds) {

    public Vocabulary {
        roles = frozen(roles);
        categories = frozen(categories);
        sectors = frozen(sectors);
        componentKinds = frozen(componentKinds);
        protocols = frozen(protocols);
        encryption = frozen(encryption);
        authentication = frozen(authentication);
        debugInterfaces = frozen(debugInterfaces);
        credentialKinds = frozen(credentialKinds);
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public static Vocabulary empty() {
        return new Vocabulary(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The words of the vocabulary named as under the model's {@code vocabulary} key. */
    public Set<String> words(String vocabulary) {
        return switch (vocabulary) {
            case Grammar.ROLES -> roles.keySet();
            case Grammar.CATEGORIES -> categories.keySet();
            case Grammar.SECTORS -> sectors.keySet();
            case Grammar.COMPONENT_KINDS -> componentKinds.keySet();
            case Grammar.PROTOCOLS -> protocols.keySet();
            case Grammar.ENCRYPTION -> encryption.keySet();
            case Grammar.AUTHENTICATION -> authentication.keySet();
            case Grammar.DEBUG_INTERFACES -> debugInterfaces.keySet();
            case Grammar.CREDENTIAL_KINDS -> credentialKinds.keySet();
            default -> throw new IllegalArgumentException("no vocabulary " + vocabulary);
        };
    }

    /** How strong a means of encryption is; a word the vocabulary does not know counts as none. */
    public Strength encryptionStrength(String means) {
        Means m = encryption.get(means);
        return m == null ? Strength.NONE : m.strength();
    }

    /**
     * The encryption to set on a flow of {@code protocol}: the first of {@code preferred} the protocol
     * can run with, else the strongest it can; none when it can run with nothing stronger than none.
     */
    public java.util.Optional<String> encryptionFor(String protocol, String... preferred) {
        Protocol p = protocols.get(protocol);
        List<String> allowed =
                p == null || p.encryption().isEmpty() ? List.copyOf(encryption.keySet()) : p.encryption();
        for (String word : preferred) {
            if (allowed.contains(word) && encryptionStrength(word) != Strength.NONE) {
                return java.util.Optional.of(word);
            }
        }
        return allowed.stream()
                .filter(w -> encryptionStrength(w) != Strength.NONE)
                .max(java.util.Comparator.comparing(this::encryptionStrength));
    }

    /** How strong a means of authentication is; a word the vocabulary does not know counts as none. */
    public Strength authenticationStrength(String means) {
        Means m = authentication.get(means);
        return m == null ? Strength.NONE : m.strength();
    }

    /** A word with its meaning. */
    public record Term(String id, String description) {}

    /**
     * A category of system by inherent risk.
     *
     * @param critical whether its systems serve society or bodies directly, so that losing a mission
     *     that depends on them weighs more
     * @param weight how much reaching one of its systems weighs in a blast radius (1 for most, more
     *     for categories where harm spreads beyond the owner)
     */
    public record Category(String id, String description, boolean critical, int weight) {
        public Category {
            if (weight < 1) {
                throw new IllegalArgumentException("a category weighs at least 1: " + id);
            }
        }
    }

    /**
     * A kind of component.
     *
     * @param actuates whether it changes the physical world
     * @param radio whether it is a network that carries flows by radio (Wi-Fi, cellular, LPWAN, …),
     *     so that anyone within range reaches what travels over it
     */
    public record ComponentKind(String id, List<Layer> layers, boolean actuates, boolean radio, String description) {
        public ComponentKind {
            layers = List.copyOf(layers);
        }

        /** A kind that is no radio network. */
        public ComponentKind(String id, List<Layer> layers, boolean actuates, String description) {
            this(id, layers, actuates, false, description);
        }

        public Layer defaultLayer() {
            return layers.get(0);
        }
    }

    /** How strong a means of encryption or authentication is. */
    public enum Strength {
        NONE,
        WEAK,
        MODERATE,
        STRONG
    }

    /** A means of encryption or authentication. */
    public record Means(String id, Strength strength, String description) {}

    /**
     * A protocol and what rules need to know of it.
     *
     * @param transport tcp, udp, radio, bus, serial, cellular or any
     * @param commands whether it can carry commands
     * @param encryption the kinds of encryption it can run with
     * @param authentication the kinds of authentication it can run with
     * @param port the well-known port a flow of it goes to, when it has one
     */
    public record Protocol(
            String id,
            String transport,
            boolean commands,
            List<String> encryption,
            List<String> authentication,
            String defaultEncryption,
            String defaultAuthentication,
            String description,
            OptionalInt port) {
        public Protocol {
            encryption = List.copyOf(encryption);
            authentication = List.copyOf(authentication);
        }
    }
}
