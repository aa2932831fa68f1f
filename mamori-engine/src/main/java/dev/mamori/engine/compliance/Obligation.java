package dev.mamori.engine.compliance;

import java.util.Optional;

/** How strongly a profile asks for a requirement (NISC 4.1), strongest first. */
public enum Obligation {
    STATUTORY("statutory"),
    ESSENTIAL("essential"),
    ADDITIONAL("additional");

    private final String word;

    Obligation(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The value whose {@link #word()} is {@code word}, or empty. */
    public static Optional<Obligation> ofWord(String word) {
        for (Obligation value : values()) {
            if (value.word().equals(word)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
