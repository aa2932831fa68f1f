package dev.mamori.vulns.version;

import dev.mamori.vulns.version.VersionScheme.Version;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * A version range in the form of the {@code vers} specification
 * (github.com/package-url/vers-spec): {@code vers:SCHEME/CONSTRAINTS}, constraints separated by
 * '|', each a comparator ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=};
 * none means '=') and a version, or {@code *} for every version. Containment follows the
 * specification's algorithm: equalities first, then the remaining constraints sorted by version
 * and read pairwise as intervals, open at either end. The bounds are read and sorted once, when the
 * range is made.
 */
public final class VersionRange {

    /** One comparator and its version. */
    public record Constraint(String comparator, String version) {}

    /** Thrown for text that is not a {@code vers} range; the message says what is wrong. */
    public static final class BadRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadRange(String message) {
            super(message);
        }
    }

    private final VersionScheme scheme;
    private final String schemeName;
    private final List<Constraint> constraints;
    private final boolean all;
    // The constraints read: equalities and exclusions apart, bounds sorted by version.
    private final Version[] equal;
    private final Version[] excluded;
    private final Version[] bounds;
    private final String[] boundOps;

    private VersionRange(VersionScheme scheme, String schemeName, List<Constraint> constraints, boolean all) {
        this.scheme = scheme;
        this.schemeName = schemeName;
        this.constraints = List.copyOf(constraints);
        this.all = all;
        List<Version> eq = new ArrayList<>();
        List<Version> ne = new ArrayList<>();
        record Bound(Version version, String op) {}
        List<Bound> b = new ArrayList<>();
        for (Constraint c : constraints) {
            Version v = scheme.parse(c.version());
            switch (c.comparator()) {
                case "=" -> eq.add(v);
                case "!=" -> ne.add(v);
                default -> b.add(new Bound(v, c.comparator()));
            }
        }
        b.sort(Comparator.comparing(Bound::version));
        this.equal = eq.toArray(new Version[0]);
        this.excluded = ne.toArray(new Version[0]);
        this.bounds = b.stream().map(Bound::version).toArray(Version[]::new);
        this.boundOps = b.stream().map(Bound::op).toArray(String[]::new);
    }

    public VersionScheme scheme() {
        return scheme;
    }

    public String schemeName() {
        return schemeName;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public boolean all() {
        return all;
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
            return everything(scheme);
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
            constraints.add(new Constraint(op, URLDecoder.decode(version, StandardCharsets.UTF_8)));
        }
        return of(scheme, constraints);
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
        return all || contains(scheme.parse(version));
    }

    /** Whether {@code version}, read by this range's scheme, lies in the range. */
    public boolean contains(Version version) {
        return contains(version::compareTo);
    }

    /**
     * Whether a version lies in the range, given only how it compares with each of the range's
     * {@link #points()}: {@code compare} returns a negative number, zero or a positive number as the
     * version is older than, equal to or newer than the point it is given. Matching uses this to
     * decide a range once for every version that compares alike with its points, rather than once
     * per package.
     */
    public boolean contains(ToIntFunction<Version> compare) {
        if (all) {
            return true;
        }
        for (Version v : equal) {
            if (compare.applyAsInt(v) == 0) {
                return true;
            }
        }
        for (Version v : excluded) {
            if (compare.applyAsInt(v) == 0) {
                return false;
            }
        }
        if (bounds.length == 0) {
            return equal.length == 0 && excluded.length > 0;
        }
        for (int i = 0; i < bounds.length; i++) {
            boolean below = boundOps[i].startsWith("<");
            if (i == 0 && below && satisfies(compare, i)) {
                return true; // open below: everything up to the first upper bound
            }
            if (i == bounds.length - 1 && !below && satisfies(compare, i)) {
                return true; // open above: everything from the last lower bound
            }
            if (!below
                    && i + 1 < bounds.length
                    && boundOps[i + 1].startsWith("<")
                    && satisfies(compare, i)
                    && satisfies(compare, i + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Every version the constraints name, read by the range's scheme (none for every version). */
    public List<Version> points() {
        List<Version> out = new ArrayList<>(equal.length + excluded.length + bounds.length);
        out.addAll(Arrays.asList(equal));
        out.addAll(Arrays.asList(excluded));
        out.addAll(Arrays.asList(bounds));
        return out;
    }

    private boolean satisfies(ToIntFunction<Version> compare, int bound) {
        int cmp = compare.applyAsInt(bounds[bound]);
        return switch (boundOps[bound]) {
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
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
            out.append(i == 0 ? "" : "|")
                    .append(c.comparator().equals("=") ? "" : c.comparator())
                    .append(c.version());
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
