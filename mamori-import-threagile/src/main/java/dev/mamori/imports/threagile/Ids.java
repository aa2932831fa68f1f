package dev.mamori.imports.threagile;

import java.util.Locale;

/** How Threagile names become Mamori ids. */
final class Ids {

    private Ids() {}

    /**
     * The part Threagile derives from a link's title for the link's id ({@code source>part}):
     * lower case, each run of other characters than letters and digits a single '-'.
     */
    static String linkSlug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** A Mamori id as close to {@code id} as the id syntax allows: letters, digits, '-' and '_'. */
    static String sanitize(String id) {
        String s = id.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return s.isEmpty() ? "unnamed" : s;
    }
}
