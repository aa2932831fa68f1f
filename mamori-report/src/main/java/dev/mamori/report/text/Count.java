package dev.mamori.report.text;

/** A number with its noun in the right number: "1 system", "2 systems", "0 findings". */
public final class Count {

    private Count() {}

    /** {@code n} and {@code singular}, with an "s" unless {@code n} is one. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
