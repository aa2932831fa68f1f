package dev.mamori.engine.compliance;

/** Where a requirement, a means or one element stands. */
public enum Verdict {
    SATISFIED("satisfied"),
    NEEDS_REVIEW("needs-review"),
    NOT_SATISFIED("not-satisfied"),
    NOT_APPLICABLE("not-applicable");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The worse of two verdicts on applicable elements: not satisfied over needs review over satisfied. */
    static Verdict worse(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case NOT_APPLICABLE -> 0;
            case SATISFIED -> 1;
            case NEEDS_REVIEW -> 2;
            case NOT_SATISFIED -> 3;
        };
    }
}
