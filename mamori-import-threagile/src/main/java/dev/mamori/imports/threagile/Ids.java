package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostics;
import java.util.Locale;
import java.util.Set;

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

    /**
     * A Mamori id for a Threagile one, unique among {@code used} (to which it is added); a changed
     * spelling is reported at the element's id.
     */
    static String mamoriId(String threagileId, Set<String> used, In element, Diagnostics diagnostics) {
        String clean = sanitize(threagileId);
        String id = unique(clean, used);
        if (!id.equals(threagileId)) {
            diagnostics.warning(
                    element.at("id"),
                    "imported-approximately",
                    "the id '" + threagileId + "' is written '" + id + "' in Mamori"
                            + (clean.equals(id)
                                    ? ", whose ids are letters, digits, '-' and '_'"
                                    : ", as the other is taken"));
        }
        return id;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, … the first not in {@code used}, which is added. */
    static String unique(String base, Set<String> used) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** An id made of a title: its link slug, at most 48 characters, or {@code otherwise} when empty. */
    static String slug(String text, String otherwise) {
        String s = linkSlug(text);
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? otherwise : sanitize(s);
    }
}
