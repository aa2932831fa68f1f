package dev.mamori.vulns.match;

import dev.mamori.model.Ref;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Treatment;
import dev.mamori.vulns.feed.Advisory;
import dev.mamori.vulns.feed.Affected;
import dev.mamori.vulns.feed.VexStatement;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.sbom.InstalledPackage;
import dev.mamori.vulns.sbom.Inventory;
import dev.mamori.vulns.sbom.ProductKey;
import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Matches what components run against vulnerability data: by product key (package URL type,
 * namespace and name; CPE part, vendor and product), then by version range in the ecosystem's
 * order. Advisories of one vulnerability from several sources (an OSV record, NVD's CVE, a
 * vendor's CSAF) are one match, joined by their CVE. A match is then cleared, in this order of
 * precedence, by a treatment of the model that names the vulnerability (not-applicable or
 * false-positive, not lapsed), else by the VEX statement that names the version (before one that
 * names the product alone; one on the platform the component runs before one on any), the latest
 * document first, an affected statement winning a tie.
 */
public final class Matcher {

    private final VulnerabilityData data;
    // Every (advisory, affected product) pair, sorted by the id findings use, then as the data lists
    // them: a package's matches are then its entries' numbers in ascending order, grouped by id.
    private final Entry[] entries;
    // The number of each entry's id among the distinct ids, to group a package's entries by id
    // without reading the entries.
    private final int[] idNumber;
    // Whether some entry holds only on a platform (a CSAF relationship): then a package's entries
    // are checked against what else its component runs.
    private final boolean platforms;
    // What the matches say, each vulnerability described once, numbered by its place here: the
    // matches hold the numbers.
    private final List<Vulnerability> described = new ArrayList<>();
    // The number (plus one; 0 when not yet described) of what a match of an entry alone says, made
    // when the entry first matches and shared by all its matches: most entries match many packages
    // or none.
    private final int[] known;
    // The same for entries of one id that match together (sources joined by their CVE).
    private final Map<EntrySet, Integer> mergedNumbers = new HashMap<>();
    // The ranges by product key, one index per version scheme the product's ranges use.
    private final Map<String, RangeIndex[]> byProduct = new HashMap<>();
    private final Map<String, List<VexStatement>> vexByVulnerability = new HashMap<>();
    // A vector is scored once however many packages it is matched on.
    private final Map<String, Optional<Severity>> severities = new HashMap<>();

    private record Entry(Advisory advisory, Affected affected, String id) {}

    public Matcher(VulnerabilityData data) {
        this.data = data;
        List<Entry> list = new ArrayList<>();
        for (Advisory a : data.advisories()) {
            String id = a.cve();
            for (Affected f : a.affected()) {
                list.add(new Entry(a, f, id));
            }
        }
        // A stable sort: entries of one id keep the data's order.
        list.sort(Comparator.comparing(Entry::id));
        this.entries = list.toArray(new Entry[0]);
        this.known = new int[entries.length];
        this.platforms = list.stream().anyMatch(e -> e.affected().platform().isPresent());
        this.idNumber = new int[entries.length];
        for (int i = 1; i < entries.length; i++) {
            idNumber[i] = idNumber[i - 1] + (entries[i].id().equals(entries[i - 1].id()) ? 0 : 1);
        }
        // The entries by product and scheme: sorted so that each (product, scheme) is one run,
        // entries ascending within it; no map per product, as most products have one advisory.
        Integer[] order = new Integer[entries.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order,
                Comparator.<Integer, String>comparing(i -> entries[i].affected().product())
                        .thenComparingInt(
                                i -> entries[i].affected().range().scheme().ordinal())
                        .thenComparingInt(i -> i));
        List<RangeIndex> ofProduct = new ArrayList<>(1);
        for (int from = 0; from < order.length; ) {
            Affected first = entries[order[from]].affected();
            int to = from + 1;
            while (to < order.length
                    && entries[order[to]].affected().product().equals(first.product())
                    && entries[order[to]].affected().range().scheme()
                            == first.range().scheme()) {
                to++;
            }
            List<VersionRange> ranges = new ArrayList<>(to - from);
            int[] numbers = new int[to - from];
            for (int k = from; k < to; k++) {
                ranges.add(entries[order[k]].affected().range());
                numbers[k - from] = order[k];
            }
            ofProduct.add(new RangeIndex(first.range().scheme(), ranges, numbers));
            boolean last = to == order.length
                    || !entries[order[to]].affected().product().equals(first.product());
            if (last) {
                byProduct.put(first.product(), ofProduct.toArray(new RangeIndex[0]));
                ofProduct.clear();
            }
            from = to;
        }
        for (VexStatement s : data.vex()) {
            vexByVulnerability
                    .computeIfAbsent(s.vulnerability(), k -> new ArrayList<>())
                    .add(s);
        }
    }

    /**
     * Every match of {@code inventory}, affected or cleared, by component in declaration order, then
     * by id. A package list several components share (a fleet's bill of materials named by each of
     * its groups) is matched once, and its matches are given to each of them; only the model's
     * treatments, which name components, are then applied per component. The list holds its matches
     * as numbers and makes each {@link Match} when it is read (see {@link Matches}).
     */
    public List<Match> match(Inventory inventory, List<Treatment> treatments, LocalDate today) {
        Treatments treated = new Treatments(treatments, today);
        Matches.Builder out = new Matches.Builder();
        Lookup lookup = new Lookup();
        Map<List<InstalledPackage>, Integer> uses = new IdentityHashMap<>();
        for (List<InstalledPackage> list : inventory.packages().values()) {
            uses.merge(list, 1, Integer::sum);
        }
        // A shared list's hits, three numbers each: the package's place, the vulnerability, the VEX reason.
        Map<List<InstalledPackage>, RangeIndex.Ints> shared = new IdentityHashMap<>();
        for (Map.Entry<String, List<InstalledPackage>> c : inventory.packages().entrySet()) {
            String component = c.getKey();
            List<InstalledPackage> runs = c.getValue();
            int number = out.component(component, runs);
            if (uses.get(runs) > 1) {
                RangeIndex.Ints hits = shared.get(runs);
                if (hits == null) {
                    RangeIndex.Ints found = new RangeIndex.Ints();
                    hits(runs, lookup, (pkg, v, vex) -> {
                        found.add(pkg);
                        found.add(v);
                        found.add(out.reason(vex));
                    });
                    hits = found;
                    shared.put(runs, hits);
                }
                for (int h = 0; h < hits.size(); h += 3) {
                    int v = hits.get(h + 1);
                    Optional<String> cleared = treated.none()
                            ? Optional.empty()
                            : treated.clearing(component, described.get(v).ids());
                    int reason = cleared.isPresent() ? out.reason(cleared) : hits.get(h + 2);
                    out.add(number, hits.get(h), v, reason);
                }
            } else {
                // Most lists are one component's: their matches are added as they are found.
                hits(runs, lookup, (pkg, v, vex) -> {
                    Optional<String> reason = treated.none()
                            ? vex
                            : treated.clearing(component, described.get(v).ids())
                                    .or(() -> vex);
                    out.add(number, pkg, v, out.reason(reason));
                });
            }
        }
        return out.build(described);
    }

    /**
     * How many packages were looked up in the index over every call of {@link #match}: a list of
     * packages shared by several components is looked up once.
     */
    public long packagesLookedUp() {
        return packagesLookedUp;
    }

    private long packagesLookedUp;

    /** Takes the vulnerabilities of the packages of a list, one at a time. */
    @FunctionalInterface
    private interface Hits {
        /**
         * @param pkg the package's place in its list
         * @param vulnerability the vulnerability's number in {@link #described}
         * @param vex why a VEX statement says the package is not affected, when one does
         */
        void hit(int pkg, int vulnerability, Optional<String> vex);
    }

    /** What one call of {@link #match} keeps between packages. */
    private static final class Lookup {
        final RangeIndex.Ints found = new RangeIndex.Ints();
        // The package's version read once per scheme, for all the ranges of its products; and each
        // version text read once per scheme, as many packages run the same versions.
        final VersionScheme.Version[] parsed = new VersionScheme.Version[VersionScheme.values().length];
        final List<Map<String, VersionScheme.Version>> versions = new ArrayList<>();

        Lookup() {
            for (VersionScheme s : VersionScheme.values()) {
                versions.add(new HashMap<>());
            }
        }
    }

    /** The vulnerabilities of each package of {@code runs} (the packages one component runs), in order. */
    private void hits(List<InstalledPackage> runs, Lookup lookup, Hits hits) {
        RangeIndex.Ints found = lookup.found;
        VersionScheme.Version[] parsed = lookup.parsed;
        for (int at = 0; at < runs.size(); at++) {
            InstalledPackage pkg = runs.get(at);
            packagesLookedUp++;
            found.clear();
            java.util.Arrays.fill(parsed, null);
            long key = pkg.versionKey();
            int indexes = 0;
            for (int n = -1; n < pkg.aliases().size(); n++) {
                ProductKey name = n < 0 ? pkg.product() : pkg.aliases().get(n);
                RangeIndex[] ranges = byProduct.get(name.key());
                if (ranges == null) {
                    continue;
                }
                for (RangeIndex index : ranges) {
                    // A release of up to three numbers was packed when the package was read: its
                    // cell is found on numbers, without the version's text or a map.
                    int cell = index.scheme().holds(key) ? index.cellOfRelease(VersionScheme.packedOf(key)) : -1;
                    if (cell < 0) {
                        int s = index.scheme().ordinal();
                        if (parsed[s] == null) {
                            parsed[s] = lookup.versions.get(s).computeIfAbsent(pkg.version(), index.scheme()::parse);
                        }
                        cell = index.cell(parsed[s]);
                    }
                    index.collect(cell, found);
                    indexes++;
                }
            }
            if (found.size() == 0) {
                continue;
            }
            if (indexes > 1) {
                found.sortDistinct(); // one index gives its entries in ascending order already
            }
            if (platforms) {
                found.retain(e -> entries[e]
                        .affected()
                        .platform()
                        .map(p -> onPlatform(p, runs))
                        .orElse(true));
                if (found.size() == 0) {
                    continue;
                }
            }
            for (int i = 0; i < found.size(); ) {
                int j = i + 1;
                while (j < found.size() && idNumber[found.get(j)] == idNumber[found.get(i)]) {
                    j++;
                }
                int v = j - i == 1 ? known(found.get(i)) : merged(found, i, j);
                hits.hit(at, v, vex(pkg, v, runs));
                i = j;
            }
        }
    }

    /** The number of what entry {@code entry} alone says, described at its first match. */
    private int known(int entry) {
        int k = known[entry];
        if (k == 0) {
            described.add(describe(List.of(entries[entry])));
            k = described.size();
            known[entry] = k;
        }
        return k - 1;
    }

    /** The number of what the entries {@code found[from..to)} of one id say together, described once. */
    private int merged(RangeIndex.Ints found, int from, int to) {
        int[] numbers = new int[to - from];
        for (int i = from; i < to; i++) {
            numbers[i - from] = found.get(i);
        }
        return mergedNumbers.computeIfAbsent(new EntrySet(numbers), key -> {
            List<Entry> matched = new ArrayList<>();
            for (int e : key.entries()) {
                matched.add(entries[e]);
            }
            described.add(describe(matched));
            return described.size() - 1;
        });
    }

    /** Entries of one id that matched together, as a key: by their numbers. */
    private record EntrySet(int[] entries) {
        @Override
        public boolean equals(Object o) {
            return o instanceof EntrySet other && java.util.Arrays.equals(entries, other.entries);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(entries);
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(entries);
        }
    }

    /** What the sources say of one vulnerability, joined over the entries of it that matched. */
    private Vulnerability describe(List<Entry> matched) {
        String id = matched.get(0).id();
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        Optional<Severity> severity = Optional.empty();
        Optional<String> fixed = Optional.empty();
        String summary = "";
        for (Entry e : matched) {
            ids.add(e.advisory().id());
            ids.addAll(e.advisory().aliases());
            sources.add(e.advisory().source());
            if (severity.isEmpty()) {
                severity = e.advisory().cvss().flatMap(v -> severities.computeIfAbsent(v, Severity::of));
            }
            if (summary.isEmpty() || summary.equals(id)) {
                summary = e.advisory().summary();
            }
            VersionScheme scheme = e.affected().range().scheme();
            Optional<String> f = e.affected().fixed();
            // The lowest fix above the version run: the smallest step that removes it.
            if (f.isPresent() && (fixed.isEmpty() || scheme.compare(f.get(), fixed.get()) < 0)) {
                fixed = f;
            }
        }
        return new Vulnerability(
                id,
                List.copyOf(ids),
                summary,
                severity,
                Optional.ofNullable(data.epss().get(id)),
                Optional.ofNullable(data.exploited().get(id)),
                fixed,
                List.copyOf(sources));
    }

    /**
     * The treatments of the model that name a vulnerability, by its id, to clear matches: a
     * treatment applies to the component it names (or to every component when it names none), and
     * the first one in the model's order that clears a match decides.
     */
    private static final class Treatments {
        private final Map<String, List<Integer>> byVulnerability = new HashMap<>();
        private final List<Treatment> treatments;
        private final LocalDate today;

        Treatments(List<Treatment> treatments, LocalDate today) {
            this.treatments = treatments;
            this.today = today;
            for (int i = 0; i < treatments.size(); i++) {
                Treatment t = treatments.get(i);
                if (t.vulnerability().isPresent()) {
                    byVulnerability
                            .computeIfAbsent(t.vulnerability().get(), k -> new ArrayList<>())
                            .add(i);
                }
            }
        }

        /** Whether no treatment names a vulnerability, so that none clears a match. */
        boolean none() {
            return byVulnerability.isEmpty();
        }

        Optional<String> clearing(String component, List<String> ids) {
            if (byVulnerability.isEmpty()) {
                return Optional.empty();
            }
            int first = Integer.MAX_VALUE;
            for (String id : ids) {
                for (int i : byVulnerability.getOrDefault(id, List.of())) {
                    if (i < first && clears(treatments.get(i), component)) {
                        first = i;
                    }
                }
            }
            return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(describe(treatments.get(first)));
        }

        private boolean clears(Treatment t, String component) {
            boolean here = t.element()
                    .map(Ref::text)
                    .map(e -> e.equals(component) || component.endsWith("." + e))
                    .orElse(true);
            boolean clears = t.status() == TreatmentStatus.NOT_APPLICABLE
                    || t.status() == TreatmentStatus.FALSE_POSITIVE
                    || t.status() == TreatmentStatus.MITIGATED;
            boolean lapsed = t.until().map(u -> u.isBefore(today)).orElse(false);
            return here && clears && !lapsed;
        }

        private static String describe(Treatment t) {
            return "not affected by the treatment at " + t.at()
                    + t.justification().map(j -> " (" + j + ")").orElse("")
                    + t.decidedBy().map(b -> ", decided by " + b.text()).orElse("")
                    + ": " + t.reason();
        }
    }

    /**
     * Whether a VEX statement clears the ids of the vulnerability numbered {@code vulnerability} in {@code pkg} of a component that runs
     * {@code runs}. A statement applies when it names the package (and its version or a range that
     * holds it, when it names versions), and, when it is about the product on a platform, when the
     * component runs that platform: a statement on a firmware installed on one device clears
     * nothing on another, nor where the device is not known. Of those that apply, the one about
     * the version (or a range) beats one about the product alone, one on a platform beats one
     * without, then the latest document wins, and an affected statement wins a tie.
     */
    private Optional<String> vex(InstalledPackage pkg, int vulnerability, List<InstalledPackage> runs) {
        if (vexByVulnerability.isEmpty()) {
            return Optional.empty(); // before reading the vulnerability: most data has no VEX
        }
        List<String> ids = described.get(vulnerability).ids();
        List<VexStatement> relevant = new ArrayList<>();
        for (String id : ids) {
            for (VexStatement s : vexByVulnerability.getOrDefault(id, List.of())) {
                if (names(pkg, s.product())
                        && s.version()
                                .map(v -> VersionScheme.of(pkg.product().ecosystem())
                                                .compare(v, pkg.version())
                                        == 0)
                                .orElse(true)
                        && s.range().map(r -> r.contains(pkg.version())).orElse(true)
                        && s.platform().map(p -> runsPlatform(p, runs)).orElse(true)) {
                    relevant.add(s);
                }
            }
        }
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        VexStatement decisive = relevant.stream()
                .max(Comparator.comparing(VexStatement::namesVersions)
                        .thenComparing(s -> s.platform().isPresent())
                        .thenComparing(VexStatement::timestamp)
                        .thenComparing(s -> !s.status().clears()))
                .orElseThrow();
        if (!decisive.status().clears()) {
            return Optional.empty();
        }
        return Optional.of((decisive.status() == VexStatement.Status.FIXED ? "fixed" : "not affected")
                + decisive.platform().map(p -> " on " + p.product()).orElse("")
                + " according to " + decisive.source()
                + decisive.justification().map(j -> " (" + j + ")").orElse(""));
    }

    /** Whether a component that runs {@code packages} runs {@code platform}, in its range when it has one. */
    private static boolean runsPlatform(Affected.Platform platform, List<InstalledPackage> packages) {
        for (InstalledPackage q : packages) {
            if (names(q, platform.product())
                    && platform.range().map(r -> r.contains(q.version())).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a component that runs {@code packages} is on {@code platform}: it runs the platform
     * (in its range, when it has one), or it runs none of the platforms the advisory relates the
     * product to, so that which one is not known and the flaw is reported rather than missed.
     */
    private static boolean onPlatform(Affected.Platform platform, List<InstalledPackage> packages) {
        boolean another = false;
        for (InstalledPackage q : packages) {
            for (int n = -1; n < q.aliases().size(); n++) {
                String key = (n < 0 ? q.product() : q.aliases().get(n)).key();
                if (key.equals(platform.product())) {
                    if (platform.range().map(r -> r.contains(q.version())).orElse(true)) {
                        return true;
                    }
                    another = true; // the platform, at a version the advisory does not name
                } else if (platform.related().contains(key)) {
                    another = true;
                }
            }
        }
        return !another;
    }

    private static boolean names(InstalledPackage pkg, String product) {
        if (pkg.product().key().equals(product)) {
            return true;
        }
        for (ProductKey alias : pkg.aliases()) {
            if (alias.key().equals(product)) {
                return true;
            }
        }
        return false;
    }
}
