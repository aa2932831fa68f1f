package dev.mamori.model.diagnostics;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys, words and references. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate closest to {@code typed}, if it is close enough to be a plausible typo: an edit
     * distance of at most a third of the word (at least 1, at most 3), or the typed word differing
     * only in case or separators.
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String normalisedTyped = normalise(typed);
        for (String candidate : candidates) {
            if (normalise(candidate).equals(normalisedTyped)) {
                return Optional.of(candidate);
            }
            int distance = distance(typed, candidate);
            if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(3, Math.max(1, typed.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse("");
    }

    private static String normalise(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("_", "-").replace(" ", "-");
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
