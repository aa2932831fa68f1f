package dev.mamori.engine.risk;

import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Values for fixes that the vocabulary allows where they go: never one that makes the model invalid. */
public final class Remedies {

    private Remedies() {}

    /**
     * The encryption to set on a flow of {@code protocol}: the first of {@code preferred} the protocol
     * can run with, else the strongest it can; none when it can run with nothing stronger than none.
     */
    public static Optional<String> encryption(Vocabulary vocabulary, String protocol, String... preferred) {
        Vocabulary.Protocol p = vocabulary.protocols().get(protocol);
        List<String> allowed = p == null || p.encryption().isEmpty()
                ? List.copyOf(vocabulary.encryption().keySet())
                : p.encryption();
        for (String word : preferred) {
            if (allowed.contains(word) && vocabulary.encryptionStrength(word) != Strength.NONE) {
                return Optional.of(word);
            }
        }
        return allowed.stream()
                .filter(w -> vocabulary.encryptionStrength(w) != Strength.NONE)
                .max(Comparator.comparing(vocabulary::encryptionStrength));
    }

    /** The first authentication {@code protocol} allows that tells who sends; none when it allows none. */
    public static Optional<String> authentication(Vocabulary vocabulary, String protocol) {
        Vocabulary.Protocol p = vocabulary.protocols().get(protocol);
        return p == null
                ? Optional.empty()
                : p.authentication().stream()
                        .filter(a -> vocabulary.authenticationStrength(a) != Strength.NONE)
                        .findFirst();
    }
}
