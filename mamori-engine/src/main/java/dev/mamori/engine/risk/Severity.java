package dev.mamori.engine.risk;

import java.util.Optional;

/** Five levels, from likelihood × impact (each 1–5). */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /**
     * 20–25 critical, 15–19 high, 8–14 medium, 4–7 low, 1–3 info. High takes at least a likely
     * attack on a major harm (4 × 4) or a possible one on a catastrophic harm (3 × 5), so that what is
     * urgent stays a few findings, not most of them.
     */
    public static Severity of(int likelihood, int impact) {
        int score = likelihood * impact;
        if (score >= 20) {
            return CRITICAL;
        }
        if (score >= 15) {
            return HIGH;
        }
        if (score >= 8) {
            return MEDIUM;
        }
        return score >= 4 ? LOW : INFO;
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
