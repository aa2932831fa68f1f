package dev.mamori.vulns.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A version range in the form of the {@code vers} specification
 * (github.com/package-url/vers-spec): {@code vers:SCHEME/CONSTRAINTS}, constraints separated by
 * '|', each a comparator ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=};
 * none means '=') and a version, or {@code *} for every version. Containment follows the
 * specification's algorithm: equalities first, then the remaining constraints sorted by version
 * and read pairwise as intervals, open at either end.
 */
public record VersionRange(VersionScheme scheme, String schemeName, List<Constraint> constraints, boolean all) {

    /** One comparator and its version. */
    public record Constraint(String comparator, String version) {}

    public VersionRange {
        constraints = List.copyOf(constraints);
    }

    /** Thrown for text that is not a {@code vers} range; the message says what is wrong. */
    public static final class BadRange extends IllegalArgumentException {
        BadRange(String message) {
            super(message);
        }
    }

    /** Parses {@code vers:scheme/constraints}. */
    public static VersionRange parse(String text) {
        String s = text.strip();
        if (!s.toLowerCase(Locale.ROOT).startsWith("vers:")) {
            throw new BadRange("'" + text + "' is not a vers range: it starts with vers:SCHEME/");
        }
        int slash = s.indexOf('/', 5);
        if (slash < 0) {
            throw new BadRange("'" + text + "' names no scheme: vers:SCHEME/CONSTRAINTS");
        }
        String scheme = s.substring(5, slash).toLowerCase(Locale.ROOT);
        String body = s.substring(slash + 1).replace(" ", "");
        if (scheme.isEmpty() || body.isEmpty()) {
            throw new BadRange("'" + text + "' has an empty scheme or no constraints");
        }
        if (body.equals("*")) {
            return new VersionRange(VersionScheme.of(scheme), scheme, List.of(), true);
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String part : body.split("\\|", -1)) {
            String op = part.startsWith(">=") || part.startsWith("<=") || part.startsWith("!=")
                    ? part.substring(0, 2)
                    : part.startsWith(">") || part.startsWith("<") || part.startsWith("=") ? part.substring(0, 1) : "=";
            String version = part.startsWith(op) ? part.substring(op.length()) : part;
            if (version.isEmpty() || version.equals("*")) {
                throw new BadRange("'" + text + "' has a constraint without a version: '" + part + "'");
            }
            constraints.add(new Constraint(op, java.net.URLDecoder.decode(version, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new VersionRange(VersionScheme.of(scheme), scheme, constraints, false);
    }

    /** A range from constraints already split (OSV events, NVD bounds), in any order. */
    public static VersionRange of(String schemeName, List<Constraint> constraints) {
        return new VersionRange(VersionScheme.of(schemeName), schemeName, constraints, false);
    }

    /** Every version. */
    public static VersionRange everything(String schemeName) {
        return new VersionRange(VersionScheme.of(schemeName), schemeName, List.of(), true);
    }

    /** Whether {@code version} lies in the range. */
    public boolean contains(String version) {
        if (all) {
            return true;
        }
        boolean onlyExclusions = true;
        for (Constraint c : constraints) {
            boolean equal = scheme.compare(version, c.version()) == 0;
            if (c.comparator().equals("=") && equal) {
                return true;
            }
            if (c.comparator().equals("!=") && equal) {
                return false;
            }
            onlyExclusions &= c.comparator().equals("!=");
        }
        if (onlyExclusions) {
            return !constraints.isEmpty();
        }
        List<Constraint> bounds = constraints.stream()
                .filter(c -> !c.comparator().equals("=") && !c.comparator().equals("!="))
                .sorted(Comparator.comparing(Constraint::version, scheme::compare))
                .toList();
        for (int i = 0; i < bounds.size(); i++) {
            Constraint c = bounds.get(i);
            boolean below = c.comparator().startsWith("<");
            if (i == 0 && below && satisfies(version, c)) {
                return true; // open below: everything up to the first upper bound
            }
            if (i == bounds.size() - 1 && !below && satisfies(version, c)) {
                return true; // open above: everything from the last lower bound
            }
            if (!below && i + 1 < bounds.size()) {
                Constraint next = bounds.get(i + 1);
                if (next.comparator().startsWith("<") && satisfies(version, c) && satisfies(version, next)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean satisfies(String version, Constraint c) {
        int cmp = scheme.compare(version, c.version());
        return switch (c.comparator()) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            default -> cmp == 0;
        };
    }

    @Override
    public String toString() {
        if (all) {
            return "vers:" + schemeName + "/*";
        }
        StringBuilder out = new StringBuilder("vers:").append(schemeName).append('/');
        for (int i = 0; i < constraints.size(); i++) {
            Constraint c = constraints.get(i);
            out.append(i == 0 ? "" : "|").append(c.comparator().equals("=") ? "" : c.comparator()).append(c.version());
        }
        return out.toString();
    }
}
