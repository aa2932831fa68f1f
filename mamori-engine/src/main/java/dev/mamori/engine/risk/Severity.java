package dev.mamori.engine.risk;

import java.util.Optional;

/** Five levels, from likelihood × impact (each 1–5). */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** 20–25 critical, 12–19 high, 6–11 medium, 3–5 low, 1–2 info. */
    public static Severity of(int likelihood, int impact) {
        int score = likelihood * impact;
        if (score >= 20) {
            return CRITICAL;
        }
        if (score >= 12) {
            return HIGH;
        }
        if (score >= 6) {
            return MEDIUM;
        }
        return score >= 3 ? LOW : INFO;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value whose {@link #word()} is {@code word}, or empty. */
    public static Optional<Severity> ofWord(String word) {
        for (Severity value : values()) {
            if (value.word().equals(word)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
