package dev.mamori.model.load;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lexical forms of ids, references and durations. */
final class Syntax {

    private Syntax() {}

    /** An id: letters, digits, '-' and '_', not starting with a separator. No dots: dots qualify. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** A reference: an id qualified by at most two more ids ({@code system.component.hazard}). */
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9][A-Za-z0-9_-]*){0,2}");

    /**
     * The longest duration a model may state: restore times and objectives are hours to months, and
     * a bound keeps sums of them far from overflow and their printing readable.
     */
    static final Duration LONGEST_SPAN = Duration.ofDays(36_500);

    private static final Pattern SPAN = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    // Ids and references are checked for every key and reference of a model: a character loop,
    // equivalent to the patterns above, keeps that off the profile of large models.
    static boolean isId(String s) {
        return isId(s, 0, s.length());
    }

    private static boolean isId(String s, int from, int to) {
        if (from >= to || !Character.isLetterOrDigit(s.charAt(from)) || s.charAt(from) > 127) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            char c = s.charAt(i);
            boolean ascii = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!ascii && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    static boolean isReference(String s) {
        int parts = 0;
        int start = 0;
        while (true) {
            int dot = s.indexOf('.', start);
            int end = dot < 0 ? s.length() : dot;
            if (!isId(s, start, end) || ++parts > 3) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            start = dot + 1;
        }
    }

    /** {@code 90s}, {@code 15m}, {@code 4h}, {@code 2d}, {@code 1h30m}, or ISO-8601 {@code PT15M}. */
    static Optional<Duration> span(String text) {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(s.toUpperCase(java.util.Locale.ROOT)));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = SPAN.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        try {
            long seconds = 0;
            long[] unit = {86_400, 3_600, 60, 1};
            for (int g = 1; g <= 4; g++) {
                if (m.group(g) != null) {
                    seconds = Math.addExact(seconds, Math.multiplyExact(Long.parseLong(m.group(g)), unit[g - 1]));
                }
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The form of a package URL: {@code pkg:}, a type of letters, digits, '.', '+' or '-' starting
     * with a letter, then at least a name, no spaces.
     */
    private static final Pattern PACKAGE_URL =
            Pattern.compile("pkg:/*[A-Za-z][A-Za-z0-9.+-]*/[^\\s@?#]*[^\\s@?#/][^\\s]*");

    static boolean isPackageUrl(String s) {
        return PACKAGE_URL.matcher(s).matches();
    }

    /** A CPE 2.3 formatted string: {@code cpe:2.3:} and eleven more parts, the part a, o or h. */
    static boolean isCpe23(String s) {
        if (!s.startsWith("cpe:2.3:") || s.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        // Colons escaped with a backslash belong to a part.
        String[] parts = s.split("(?<!\\\\):", -1);
        return parts.length == 13 && parts[2].matches("[aoh*-]") && !parts[3].isEmpty() && !parts[4].isEmpty();
    }
}
