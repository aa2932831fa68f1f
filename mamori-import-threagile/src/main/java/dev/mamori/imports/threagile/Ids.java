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
        // By hand rather than by regular expressions: it runs for every link and asset of a model,
        // and each replaceAll compiled its pattern anew.
        String lower = title.toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.toString();
    }

    /** A Mamori id as close to {@code id} as the id syntax allows: letters, digits, '-' and '_'. */
    static String sanitize(String id) {
        String stripped = id.strip();
        StringBuilder clean = new StringBuilder(stripped.length());
        boolean gap = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean letterOrDigit = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (letterOrDigit || c == '_' || c == '-') {
                if (gap) {
                    clean.append('-');
                }
                // what comes before the first letter or digit is dropped
                if (letterOrDigit || clean.length() > 0) {
                    clean.append(c);
                }
                gap = false;
            } else {
                gap = clean.length() > 0;
            }
        }
        if (gap) {
            clean.append('-');
        }
        return clean.length() == 0 ? "unnamed" : clean.toString();
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
