package dev.mamori.engine.risk;

/** One level (1–5) of likelihood or impact, with the reason in words. */
public record Factor(int level, String reason) {

    public Factor {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("levels run from 1 to 5: " + level);
        }
    }

    public static Factor of(int level, String reason) {
        return new Factor(level, reason);
    }

    /** The larger; on a tie, the first. */
    public Factor max(Factor other) {
        return other.level > level ? other : this;
    }
}
