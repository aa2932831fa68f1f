package dev.mamori.vulns.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the versions of one ecosystem are ordered: the versioning schemes of the {@code vers}
 * specification that advisories use. Each compares two versions as that ecosystem does, pre-releases
 * and epochs included; a scheme without its own rules here is ordered as {@link #GENERIC}.
 */
public enum VersionScheme {
    /** Semantic versioning 2.0 (npm, Go, Cargo, NuGet): pre-releases sort before their release. */
    SEMVER,
    /** Debian and Ubuntu: {@code epoch:upstream-revision}, '~' sorts before anything, even the end. */
    DEB,
    /** Python (PEP 440): {@code N!} epochs, a/b/rc pre-releases, .post and .dev releases. */
    PYPI,
    /**
     * Anything else (generic, Maven, Alpine, RPM, vendors' firmware): an optional {@code N:} epoch,
     * then runs of digits compared as numbers and runs of letters as words, where alpha, beta,
     * milestone, rc, pre, preview, snapshot and dev mark a pre-release of what comes before them, and
     * any other letters a later patch (OpenSSL's 1.0.1g after 1.0.1).
     */
    GENERIC;

    /** The scheme of a {@code vers} scheme name or of an OSV ecosystem or a purl type. */
    public static VersionScheme of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        int colon = n.indexOf(':');
        if (colon > 0) {
            n = n.substring(0, colon); // OSV ecosystems carry a release: "Debian:12"
        }
        return switch (n) {
            case "semver", "npm", "golang", "go", "cargo", "crates.io", "nuget", "hex", "pub", "swift" -> SEMVER;
            case "deb", "debian", "ubuntu" -> DEB;
            case "pypi" -> PYPI;
            default -> GENERIC;
        };
    }

    /** Compares two versions of this scheme: negative, zero or positive as {@code a} is older, equal or newer. */
    public int compare(String a, String b) {
        return switch (this) {
            case SEMVER -> semver(a, b);
            case DEB -> deb(a, b);
            case PYPI -> pypi(a, b);
            case GENERIC -> generic(a, b);
        };
    }

    /**
     * A version read once for many comparisons: matching compares each package's version with the
     * bounds of every advisory of its product, and reading the text again each time was most of
     * the cost (docs/performance.md).
     */
    public Version parse(String text) {
        return switch (this) {
            case SEMVER -> Version.semver(text);
            case GENERIC -> Version.generic(text);
            case PYPI -> new Version(this, text, null, null, Pep440.parse(text));
            case DEB -> new Version(this, text, null, null, null);
        };
    }

    // A release key holds the scheme in the two bits above the packed numbers (which take 61 bits).
    private static final int KEY_SHIFT = 61;
    private static final long KEY_NUMBERS = (1L << KEY_SHIFT) - 1;

    /**
     * The key of {@code text} read by this scheme, for matching without reading the text again:
     * when it is a release of up to three numbers that fit ({@link Version#packed()} not -1 and
     * nothing compared further), its packed numbers tagged with this scheme; else -1. Computed
     * once per package when it is read, so that matching millions of packages does not look each
     * version's text up in a map (docs/performance.md).
     */
    public long releaseKey(String text) {
        if (this != SEMVER && this != GENERIC) {
            return -1; // only these pack their versions
        }
        long numbers = plainNumbers(text);
        if (numbers >= 0) {
            return ((long) ordinal() << KEY_SHIFT) | numbers;
        }
        Version v = parse(text);
        return v.packed() >= 0 && !v.comparesFurther() ? ((long) ordinal() << KEY_SHIFT) | v.packed() : -1;
    }

    /**
     * The packed form of a text of one to three runs of one to six digits joined by dots, read
     * without making a version (most packages' versions, read once each); -1 for any other text.
     * Both schemes that pack read such a text as those numbers, a release: a semver core without
     * pre-release, a generic version without epoch whose zeros (before the end, or leading) change
     * no number.
     */
    private static long plainNumbers(String text) {
        long out = 0;
        int parts = 0;
        int i = 0;
        int n = text.length();
        while (true) {
            int start = i;
            long number = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                number = number * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > 6 || parts == 3) {
                return -1;
            }
            out = (out << 20) | number;
            parts++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
        out <<= 20 * (3 - parts); // missing numbers are zeros
        return (out << 1) | 1;
    }

    /** Whether {@code key} is a {@link #releaseKey} of this scheme. */
    public boolean holds(long key) {
        return key >= 0 && (key >>> KEY_SHIFT) == ordinal();
    }

    /** The packed numbers ({@link Version#packed()}) of a {@link #releaseKey}. */
    public static long packedOf(long key) {
        return key & KEY_NUMBERS;
    }

    /** A parsed version of one scheme; compare it only with versions of the same scheme. */
    public static final class Version implements Comparable<Version> {
        private final VersionScheme scheme;
        private final String text;
        // SEMVER: core parts and pre-release identifiers; GENERIC: the epoch, then the tokens.
        private final String[] first;
        private final String[] second;
        // Whether each part is a run of digits, worked out once.
        private final boolean[] firstDigits;
        private final boolean[] secondDigits;
        private final Object pep440;
        // Most versions are up to three numbers: those carry them packed in one long, compared
        // first (negative when the version does not fit). Whether equal packed numbers make equal
        // versions depends on what follows them: a semver pre-release is compared further.
        private final long packed;
        private final boolean more;

        private Version(VersionScheme scheme, String text, String[] first, String[] second, Object pep440) {
            this.scheme = scheme;
            this.text = text;
            this.first = first;
            this.second = second;
            this.firstDigits = digitFlags(first);
            this.secondDigits = digitFlags(second);
            this.pep440 = pep440;
            this.packed = pack();
            this.more = scheme == SEMVER && second.length > 0;
        }

        /**
         * The numbers packed, 20 bits each, then one bit that sorts a semver pre-release before its
         * release; -1 when the version is not up to three numbers that fit. Generic versions pack
         * only when they are numbers alone, with no epoch: their zeros before the end are dropped
         * when read, so padding with zeros keeps their order (1.2 before 1.2.1, 1.0 equal to 1.0.0).
         */
        private long pack() {
            String[] numbers;
            boolean release;
            if (scheme == SEMVER) {
                numbers = first;
                release = second.length == 0;
            } else if (scheme == GENERIC) {
                if (!first[0].equals("0") || second.length == 0) {
                    return -1;
                }
                numbers = second;
                release = true;
            } else {
                return -1;
            }
            if (numbers.length > 3) {
                return -1;
            }
            long out = 0;
            for (int i = 0; i < 3; i++) {
                long n = 0;
                if (i < numbers.length) {
                    String part = numbers[i];
                    if (part.isEmpty() || part.length() > 6 || !isDigits(part)) {
                        return -1;
                    }
                    n = Long.parseLong(part);
                    if (n >= 1 << 20) {
                        return -1;
                    }
                }
                out = (out << 20) | n;
            }
            return (out << 1) | (release ? 1 : 0);
        }

        /**
         * The numbers of the version packed in one long, or -1; for a version whose packed form is
         * not -1, comparing packed forms orders it as {@link #compareTo} does unless they are equal
         * and {@link #comparesFurther()}.
         */
        public long packed() {
            return packed;
        }

        /** Whether two versions of equal {@link #packed()} numbers still compare by what follows them. */
        public boolean comparesFurther() {
            return more;
        }

        private static boolean[] digitFlags(String[] parts) {
            if (parts == null) {
                return new boolean[0];
            }
            boolean[] flags = new boolean[parts.length];
            for (int i = 0; i < parts.length; i++) {
                flags[i] = isDigits(parts[i]);
            }
            return flags;
        }

        static Version semver(String text) {
            String[] parts = splitBuild(stripV(text));
            return new Version(SEMVER, text, dots(parts[0]), parts[1].isEmpty() ? new String[0] : dots(parts[1]), null);
        }

        /** The parts of {@code s} between dots, without a regular expression. */
        private static String[] dots(String s) {
            int count = 1;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '.') {
                    count++;
                }
            }
            String[] out = new String[count];
            int start = 0;
            int k = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == '.') {
                    out[k++] = s.substring(start, i);
                    start = i + 1;
                }
            }
            return out;
        }

        static Version generic(String text) {
            String[] e = genericEpoch(text);
            return new Version(GENERIC, text, new String[] {e[0]}, tokens(e[1]).toArray(new String[0]), null);
        }

        @Override
        public int compareTo(Version o) {
            if (packed >= 0 && o.packed >= 0 && (packed != o.packed || !(more || o.more))) {
                return Long.compare(packed, o.packed);
            }
            return switch (scheme) {
                case SEMVER -> compareSemver(o);
                case GENERIC -> compareGeneric(o);
                case PYPI -> ((Pep440) pep440).compareTo((Pep440) o.pep440);
                case DEB -> deb(text, o.text);
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Version v && v.scheme == scheme && compareTo(v) == 0;
        }

        @Override
        public int hashCode() {
            return scheme.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }

        private int compareSemver(Version o) {
            for (int i = 0; i < Math.max(first.length, o.first.length); i++) {
                String x = i < first.length ? first[i] : "0";
                String y = i < o.first.length ? o.first[i] : "0";
                boolean xd = i >= first.length || firstDigits[i];
                boolean yd = i >= o.first.length || o.firstDigits[i];
                int c = xd && yd ? digits(x, y) : x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            if (second.length == 0 || o.second.length == 0) {
                return Boolean.compare(second.length == 0, o.second.length == 0);
            }
            for (int i = 0; i < Math.min(second.length, o.second.length); i++) {
                boolean pn = secondDigits[i];
                boolean qn = o.secondDigits[i];
                int c = pn && qn
                        ? digits(second[i], o.second[i])
                        : pn != qn ? (pn ? -1 : 1) : second[i].compareTo(o.second[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(second.length, o.second.length);
        }

        private int compareGeneric(Version o) {
            int c = digits(first[0], o.first[0]);
            if (c != 0) {
                return c;
            }
            for (int i = 0; i < Math.max(second.length, o.second.length); i++) {
                String s = i < second.length ? second[i] : null;
                String t = i < o.second.length ? o.second[i] : null;
                c = Integer.compare(rank(s), rank(t));
                if (c == 0 && s != null && t != null) {
                    c = secondDigits[i] && o.secondDigits[i]
                            ? digits(s, t)
                            : preIndex(s) >= 0 && preIndex(t) >= 0
                                    ? Integer.compare(preIndex(s), preIndex(t))
                                    : s.compareTo(t);
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /** Compares two runs of digits as numbers, without converting them or copying them. */
    private static int digits(String a, String b) {
        int i = 0;
        while (i < a.length() - 1 && a.charAt(i) == '0') {
            i++;
        }
        int j = 0;
        while (j < b.length() - 1 && b.charAt(j) == '0') {
            j++;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        for (; c == 0 && i < a.length(); i++, j++) {
            c = Character.compare(a.charAt(i), b.charAt(j));
        }
        return c;
    }

    // ---- semver -----------------------------------------------------------------------------

    private static int semver(String a, String b) {
        return Version.semver(a).compareTo(Version.semver(b));
    }

    private static String stripV(String v) {
        return v.startsWith("v") || v.startsWith("V") ? v.substring(1) : v;
    }

    /** {core, pre-release}; build metadata after '+' does not order. */
    private static String[] splitBuild(String v) {
        int plus = v.indexOf('+');
        String noBuild = plus >= 0 ? v.substring(0, plus) : v;
        int dash = noBuild.indexOf('-');
        return dash >= 0
                ? new String[] {noBuild.substring(0, dash), noBuild.substring(dash + 1)}
                : new String[] {noBuild, ""};
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    // ---- Debian -----------------------------------------------------------------------------

    private static int deb(String a, String b) {
        String[] x = debParts(a);
        String[] y = debParts(b);
        int c = new BigInteger(x[0]).compareTo(new BigInteger(y[0]));
        if (c == 0) {
            c = debCompare(x[1], y[1]);
        }
        return c == 0 ? debCompare(x[2], y[2]) : c;
    }

    /** {epoch, upstream, revision}. */
    private static String[] debParts(String v) {
        int colon = v.indexOf(':');
        String epoch = colon > 0 && isDigits(v.substring(0, colon)) ? v.substring(0, colon) : "0";
        String rest = colon > 0 && isDigits(v.substring(0, colon)) ? v.substring(colon + 1) : v;
        int dash = rest.lastIndexOf('-');
        return dash >= 0
                ? new String[] {epoch, rest.substring(0, dash), rest.substring(dash + 1)}
                : new String[] {epoch, rest, "0"};
    }

    /** Debian's comparison: alternating non-digit and digit runs; '~' before everything, letters before others. */
    private static int debCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int first = 0;
            while ((i < a.length() && !Character.isDigit(a.charAt(i)))
                    || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = i < a.length() && !Character.isDigit(a.charAt(i)) ? debOrder(a.charAt(i)) : 0;
                int bc = j < b.length() && !Character.isDigit(b.charAt(j)) ? debOrder(b.charAt(j)) : 0;
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                if (i < a.length() && !Character.isDigit(a.charAt(i))) {
                    i++;
                }
                if (j < b.length() && !Character.isDigit(b.charAt(j))) {
                    j++;
                }
            }
            int si = i;
            while (i < a.length() && Character.isDigit(a.charAt(i))) {
                i++;
            }
            int sj = j;
            while (j < b.length() && Character.isDigit(b.charAt(j))) {
                j++;
            }
            BigInteger x = si == i ? BigInteger.ZERO : new BigInteger(a.substring(si, i));
            BigInteger y = sj == j ? BigInteger.ZERO : new BigInteger(b.substring(sj, j));
            first = x.compareTo(y);
            if (first != 0) {
                return first;
            }
        }
        return 0;
    }

    private static int debOrder(char c) {
        if (c == '~') {
            return -1;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        return c + 256;
    }

    // ---- PEP 440 ----------------------------------------------------------------------------

    private static int pypi(String a, String b) {
        Pep440 x = Pep440.parse(a);
        Pep440 y = Pep440.parse(b);
        return x.compareTo(y);
    }

    private record Pep440(
            BigInteger epoch, List<BigInteger> release, int preKind, BigInteger pre, BigInteger post, BigInteger dev)
            implements Comparable<Pep440> {

        // preKind: -2 a dev release of the release itself, -1 alpha..: 0 a, 1 b, 2 rc, 3 none (the release)
        static Pep440 parse(String text) {
            String v = text.toLowerCase(Locale.ROOT).strip();
            if (v.startsWith("v")) {
                v = v.substring(1);
            }
            BigInteger epoch = BigInteger.ZERO;
            int bang = v.indexOf('!');
            if (bang > 0) {
                epoch = new BigInteger(v.substring(0, bang));
                v = v.substring(bang + 1);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "(\\d+(?:\\.\\d+)*)[-_.]?(?:(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?"
                                    + "(?:[-_.]?(?:post|rev|r)[-_.]?(\\d*)|-(\\d+))?(?:[-_.]?dev[-_.]?(\\d*))?(?:\\+.*)?")
                    .matcher(v);
            if (!m.matches()) {
                return new Pep440(epoch, List.of(), 3, BigInteger.ZERO, BigInteger.valueOf(-1), null);
            }
            List<BigInteger> release = new ArrayList<>();
            for (String part : m.group(1).split("\\.")) {
                release.add(new BigInteger(part));
            }
            while (release.size() > 1 && release.get(release.size() - 1).signum() == 0) {
                release.remove(release.size() - 1);
            }
            int preKind = 3;
            BigInteger pre = BigInteger.ZERO;
            if (m.group(2) != null) {
                preKind = switch (m.group(2)) {
                    case "a", "alpha" -> 0;
                    case "b", "beta" -> 1;
                    default -> 2;
                };
                pre = m.group(3).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(3));
            }
            BigInteger post = BigInteger.valueOf(-1);
            if (m.group(4) != null) {
                post = m.group(4).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(4));
            } else if (m.group(5) != null) {
                post = new BigInteger(m.group(5));
            }
            BigInteger dev = null;
            if (m.group(6) != null) {
                dev = m.group(6).isEmpty() ? BigInteger.ZERO : new BigInteger(m.group(6));
                if (preKind == 3 && post.signum() < 0) {
                    preKind = -1; // 1.0.dev1 comes before 1.0a1
                }
            }
            return new Pep440(epoch, release, preKind, pre, post, dev);
        }

        @Override
        public int compareTo(Pep440 o) {
            int c = epoch.compareTo(o.epoch);
            if (c != 0) {
                return c;
            }
            for (int i = 0; i < Math.max(release.size(), o.release.size()); i++) {
                BigInteger x = i < release.size() ? release.get(i) : BigInteger.ZERO;
                BigInteger y = i < o.release.size() ? o.release.get(i) : BigInteger.ZERO;
                c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            c = Integer.compare(preKind, o.preKind);
            if (c == 0) {
                c = pre.compareTo(o.pre);
            }
            if (c == 0) {
                c = post.compareTo(o.post);
            }
            if (c == 0) {
                // A dev release comes before the same version without it.
                if (dev == null || o.dev == null) {
                    c = Boolean.compare(dev == null, o.dev == null);
                } else {
                    c = dev.compareTo(o.dev);
                }
            }
            return c;
        }
    }

    // ---- generic ----------------------------------------------------------------------------

    /**
     * Words that mark a pre-release, in their order. Single letters are not among them: in OpenSSL's
     * 1.0.1a or a vendor's 2.3b a letter is a later patch, not an alpha.
     */
    private static final List<String> PRE_RELEASE =
            List.of("dev", "snapshot", "alpha", "beta", "milestone", "pre", "preview", "rc", "cr");

    private static int generic(String a, String b) {
        return Version.generic(a).compareTo(Version.generic(b));
    }

    /**
     * Where a token sorts against the end of a shorter version: a pre-release word before the end
     * (1.0-rc1 before 1.0), the end before any number or other word (1.0 before 1.0.1 and 1.0a).
     */
    private static int rank(String token) {
        if (token == null) {
            return 1;
        }
        if (preIndex(token) >= 0) {
            return 0;
        }
        return isDigits(token) ? 3 : 2;
    }

    private static int preIndex(String token) {
        return PRE_RELEASE.indexOf(token);
    }

    private static String[] genericEpoch(String v) {
        int colon = v.indexOf(':');
        if (colon > 0 && isDigits(v.substring(0, colon))) {
            return new String[] {v.substring(0, colon), v.substring(colon + 1)};
        }
        return new String[] {"0", v};
    }

    private static List<String> tokens(String v) {
        String s = stripV(v).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            if (Character.isDigit(c)) {
                while (j < s.length() && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j).replaceFirst("^0+(?=\\d)", ""));
            } else if (Character.isLetter(c)) {
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
            } else {
                j++;
            }
            i = j;
        }
        // Zeros do not make a version newer before its end or a pre-release word: 1.0 equals 1.0.0,
        // and 1.0-rc1 is 1-rc1, a pre-release of 1.
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < out.size(); k++) {
            int next = k;
            while (next < out.size() && out.get(next).equals("0")) {
                next++;
            }
            boolean droppable = next > k && (next == out.size() || preIndex(out.get(next)) >= 0);
            if (droppable && k > 0) {
                k = next - 1;
                continue;
            }
            kept.add(out.get(k));
        }
        return kept;
    }
}
