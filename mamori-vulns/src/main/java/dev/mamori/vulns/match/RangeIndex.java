package dev.mamori.vulns.match;

import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionScheme;
import dev.mamori.vulns.version.VersionScheme.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The version ranges of one product in one version scheme, compiled so that a package's version is
 * compared with the product's versions once, not once per advisory.
 *
 * <p>The versions the ranges name (their points), sorted, cut the line of versions into cells: cell
 * {@code 2i+1} is point {@code i} itself, cell {@code 2i} the versions between point {@code i-1}
 * and point {@code i}. Whether a range contains a version depends only on how the version compares
 * with the range's points, which is the same for every version of a cell; so each range is read
 * once into the intervals of cells it contains. Matching a version is then a binary search for its
 * cell and a scan of integer intervals, without reading a version again and without allocating.
 */
final class RangeIndex {

    private final VersionScheme scheme;
    // The distinct points of all the ranges, sorted.
    private final Version[] points;
    // Their packed numbers (Version.packed), searched before the points themselves are read: a
    // search then touches one array rather than a version object per step.
    private final long[] packed;
    private final boolean[] further;
    // Per range, in the order given: the entry it stands for, and its intervals of cells,
    // low[k]..high[k] for k from offsets[r] to offsets[r+1].
    private final int[] entries;
    private final int[] offsets;
    private final int[] low;
    private final int[] high;

    RangeIndex(VersionScheme scheme, List<VersionRange> ranges, int[] entries) {
        this.scheme = scheme;
        this.entries = entries.clone();
        List<Version> all = new ArrayList<>();
        for (VersionRange r : ranges) {
            all.addAll(r.points());
        }
        all.sort(null); // the versions of one scheme, in its order
        List<Version> distinct = new ArrayList<>();
        for (Version v : all) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).compareTo(v) != 0) {
                distinct.add(v);
            }
        }
        this.points = distinct.toArray(new Version[0]);
        this.packed = new long[points.length];
        this.further = new boolean[points.length];
        for (int i = 0; i < points.length; i++) {
            packed[i] = points[i].packed();
            further[i] = points[i].comparesFurther();
        }
        this.offsets = new int[ranges.size() + 1];
        int[] lo = new int[ranges.size()];
        int[] hi = new int[ranges.size()];
        int n = 0;
        for (int r = 0; r < ranges.size(); r++) {
            int[] intervals = intervals(ranges.get(r));
            for (int k = 0; k < intervals.length; k += 2) {
                if (n == lo.length) {
                    lo = Arrays.copyOf(lo, n * 2);
                    hi = Arrays.copyOf(hi, n * 2);
                }
                lo[n] = intervals[k];
                hi[n] = intervals[k + 1];
                n++;
            }
            offsets[r + 1] = n;
        }
        this.low = Arrays.copyOf(lo, n);
        this.high = Arrays.copyOf(hi, n);
    }

    VersionScheme scheme() {
        return scheme;
    }

    /** The cell of {@code version} (read by this index's scheme). */
    int cell(Version version) {
        long p = version.packed();
        boolean f = version.comparesFurther();
        int lo = 0;
        int hi = points.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = p >= 0 && packed[mid] >= 0 && (p != packed[mid] || !(f || further[mid]))
                    ? Long.compare(p, packed[mid])
                    : version.compareTo(points[mid]);
            if (c > 0) {
                lo = mid + 1;
            } else if (c < 0) {
                hi = mid - 1;
            } else {
                return 2 * mid + 1;
            }
        }
        return 2 * lo;
    }

    /**
     * The cell of a release whose packed numbers are {@code p} (a {@link VersionScheme#releaseKey}
     * of this index's scheme, untagged), found on the packed numbers alone; -1 when a point it
     * meets does not pack, so that the version itself must be compared.
     */
    int cellOfRelease(long p) {
        int lo = 0;
        int hi = points.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (packed[mid] < 0 || (p == packed[mid] && further[mid])) {
                return -1;
            }
            int c = Long.compare(p, packed[mid]);
            if (c > 0) {
                lo = mid + 1;
            } else if (c < 0) {
                hi = mid - 1;
            } else {
                return 2 * mid + 1;
            }
        }
        return 2 * lo;
    }

    /** Adds to {@code out} the entry of every range that contains the versions of {@code cell}, in range order. */
    void collect(int cell, Ints out) {
        for (int r = 0; r < entries.length; r++) {
            for (int k = offsets[r]; k < offsets[r + 1]; k++) {
                if (low[k] <= cell && cell <= high[k]) {
                    out.add(entries[r]);
                    break;
                }
            }
        }
    }

    /**
     * The cells {@code range} contains, as pairs of first and last cell. Between two consecutive
     * points of the range itself nothing changes, so the range is asked once per such stretch and
     * once per point, with a cell of it standing for all its versions.
     */
    private int[] intervals(VersionRange range) {
        int last = 2 * points.length;
        if (range.all()) {
            return new int[] {0, last};
        }
        List<Version> own = range.points();
        int[] ranks = new int[own.size()];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = rank(own.get(i));
        }
        Arrays.sort(ranks);
        // The stretches: [0, 2*r0], {2*r0+1}, [2*r0+2, 2*r1], …, [2*r(m-1)+2, last], for the
        // distinct ranks r of the range's own points.
        int[] out = new int[4 * ranks.length + 2];
        int n = 0;
        int from = 0;
        for (int i = 0; i <= ranks.length; i++) {
            if (i > 0 && i < ranks.length && ranks[i] == ranks[i - 1]) {
                continue;
            }
            int end = i < ranks.length ? 2 * ranks[i] : last;
            n = add(range, from, end, out, n);
            if (i < ranks.length) {
                n = add(range, end + 1, end + 1, out, n);
                from = end + 2;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Adds the stretch of cells {@code low..high} to the intervals {@code out[0..n)} if the range contains it. */
    private int add(VersionRange range, int low, int high, int[] out, int n) {
        if (low > high || !range.contains(point -> Integer.compare(low, 2 * rank(point) + 1))) {
            return n;
        }
        if (n > 0 && out[n - 1] + 1 == low) {
            out[n - 1] = high; // joins the interval before
            return n;
        }
        out[n] = low;
        out[n + 1] = high;
        return n + 2;
    }

    private int rank(Version point) {
        int at = Arrays.binarySearch(points, point);
        if (at < 0) {
            throw new IllegalStateException("a point of a range is missing from its index: " + point);
        }
        return at;
    }

    /** A growing list of ints, reused from package to package. */
    static final class Ints {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int get(int i) {
            return values[i];
        }

        void clear() {
            size = 0;
        }

        /** Keeps the values {@code keep} accepts, in their order. */
        void retain(java.util.function.IntPredicate keep) {
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (keep.test(values[i])) {
                    values[n++] = values[i];
                }
            }
            size = n;
        }

        /** Sorts the values and drops repeated ones. */
        void sortDistinct() {
            Arrays.sort(values, 0, size);
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n == 0 || values[n - 1] != values[i]) {
                    values[n++] = values[i];
                }
            }
            size = n;
        }
    }
}
