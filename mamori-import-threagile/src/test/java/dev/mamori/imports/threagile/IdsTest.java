package dev.mamori.imports.threagile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The id helpers are written by hand for speed; these tests hold them to the regular expressions
 * that define them (Threagile's own link ids are made that way), on chosen and on random titles.
 */
class IdsTest {

    /** The definition: lower case, every run of other characters than a-z and 0-9 one '-', none at the ends. */
    private static String slugByDefinition(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** The definition: runs of characters an id cannot hold become one '-'; nothing before the first letter or digit. */
    private static String sanitizeByDefinition(String id) {
        String s = id.strip().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    @Test
    void chosenTitles() {
        assertEquals("web-server-db", Ids.linkSlug("  Web Server -> DB! "));
        assertEquals("", Ids.linkSlug("--- ###"));
        assertEquals("caf-2", Ids.linkSlug("Café 2"));
        assertEquals("a--b", Ids.sanitize("a  -b"));
        assertEquals("ab-", Ids.sanitize("ab!!"));
        assertEquals("x_y", Ids.sanitize("__-x_y"));
        assertEquals("unnamed", Ids.sanitize(" _-!! "));
        assertEquals("d-mon", Ids.sanitize("dæmon"));
    }

    @Test
    void randomTitlesAgreeWithTheDefinition() {
        Random random = new Random(21);
        String alphabet = "aZz09 _-.!>\t\nÉéæ\u00a0ß𝔸";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.appendCodePoint(alphabet.codePointAt(
                        alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String title = s.toString();
            assertEquals(slugByDefinition(title), Ids.linkSlug(title), () -> "linkSlug of '" + title + "'");
            assertEquals(sanitizeByDefinition(title), Ids.sanitize(title), () -> "sanitize of '" + title + "'");
        }
    }
}
