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
import dev.mamori.vulns.version.VersionScheme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * names the product alone), the latest document first, an affected statement winning a tie.
 */
public final class Matcher {

    private final Map<String, List<Entry>> byProduct = new HashMap<>();
    private final VulnerabilityData data;
    private final Map<String, List<VexStatement>> vexByVulnerability = new HashMap<>();
    // A vector is scored once however many packages it is matched on.
    private final Map<String, Optional<Severity>> severities = new HashMap<>();

    private record Entry(Advisory advisory, Affected affected) {}

    public Matcher(VulnerabilityData data) {
        this.data = data;
        for (Advisory a : data.advisories()) {
            for (Affected f : a.affected()) {
                byProduct.computeIfAbsent(f.product(), k -> new ArrayList<>()).add(new Entry(a, f));
            }
        }
        for (VexStatement s : data.vex()) {
            vexByVulnerability
                    .computeIfAbsent(s.vulnerability(), k -> new ArrayList<>())
                    .add(s);
        }
    }

    /** Every match of {@code inventory}, affected or cleared, by component in declaration order, then by id. */
    public List<Match> match(Inventory inventory, List<Treatment> treatments, LocalDate today) {
        List<Match> out = new ArrayList<>();
        for (Map.Entry<String, List<InstalledPackage>> c : inventory.packages().entrySet()) {
            for (InstalledPackage pkg : c.getValue()) {
                // Most packages match nothing: the maps are made at the first product with advisories.
                Map<String, List<Entry>> byVulnerability = null;
                Map<VersionScheme, VersionScheme.Version> parsed = null;
                for (int n = -1; n < pkg.aliases().size(); n++) {
                    ProductKey name = n < 0 ? pkg.product() : pkg.aliases().get(n);
                    List<Entry> entries = byProduct.get(name.key());
                    if (entries == null) {
                        continue;
                    }
                    if (parsed == null) {
                        // The package's version is read once per scheme, for all the ranges of its product.
                        parsed = new java.util.EnumMap<>(VersionScheme.class);
                        byVulnerability = new java.util.TreeMap<>();
                    }
                    for (Entry e : entries) {
                        VersionScheme.Version version =
                                parsed.computeIfAbsent(e.affected().range().scheme(), s -> s.parse(pkg.version()));
                        if (e.affected().range().contains(version)) {
                            byVulnerability
                                    .computeIfAbsent(e.advisory().cve(), k -> new ArrayList<>())
                                    .add(e);
                        }
                    }
                }
                if (byVulnerability != null) {
                    for (Map.Entry<String, List<Entry>> v : byVulnerability.entrySet()) {
                        out.add(match(c.getKey(), pkg, v.getKey(), v.getValue(), treatments, today));
                    }
                }
            }
        }
        return out;
    }

    private Match match(
            String component,
            InstalledPackage pkg,
            String id,
            List<Entry> entries,
            List<Treatment> treatments,
            LocalDate today) {
        TreeSet<String> ids = new TreeSet<>();
        TreeSet<String> sources = new TreeSet<>();
        Optional<Severity> severity = Optional.empty();
        Optional<String> fixed = Optional.empty();
        String summary = "";
        VersionScheme scheme = VersionScheme.GENERIC;
        for (Entry e : entries) {
            ids.add(e.advisory().id());
            ids.addAll(e.advisory().aliases());
            sources.add(e.advisory().source());
            if (severity.isEmpty()) {
                severity = e.advisory().cvss().flatMap(v -> severities.computeIfAbsent(v, Severity::of));
            }
            if (summary.isEmpty() || summary.equals(id)) {
                summary = e.advisory().summary();
            }
            scheme = e.affected().range().scheme();
            Optional<String> f = e.affected().fixed();
            // The lowest fix above the version run: the smallest step that removes it.
            if (f.isPresent() && (fixed.isEmpty() || scheme.compare(f.get(), fixed.get()) < 0)) {
                fixed = f;
            }
        }
        Optional<String> notAffected =
                treated(component, ids, treatments, today).or(() -> vex(pkg, ids));
        return new Match(
                component,
                pkg,
                id,
                List.copyOf(ids),
                summary,
                severity,
                Optional.ofNullable(data.epss().get(id)),
                Optional.ofNullable(data.exploited().get(id)),
                fixed,
                notAffected,
                List.copyOf(sources));
    }

    private static Optional<String> treated(
            String component, TreeSet<String> ids, List<Treatment> treatments, LocalDate today) {
        for (Treatment t : treatments) {
            if (t.vulnerability().isEmpty() || !ids.contains(t.vulnerability().get())) {
                continue;
            }
            boolean here = t.element()
                    .map(Ref::text)
                    .map(e -> e.equals(component) || component.endsWith("." + e))
                    .orElse(true);
            boolean clears = t.status() == TreatmentStatus.NOT_APPLICABLE
                    || t.status() == TreatmentStatus.FALSE_POSITIVE
                    || t.status() == TreatmentStatus.MITIGATED;
            boolean lapsed = t.until().map(u -> u.isBefore(today)).orElse(false);
            if (here && clears && !lapsed) {
                return Optional.of("not affected by the treatment at " + t.at()
                        + t.justification().map(j -> " (" + j + ")").orElse("")
                        + t.decidedBy().map(b -> ", decided by " + b.text()).orElse("")
                        + ": " + t.reason());
            }
        }
        return Optional.empty();
    }

    private Optional<String> vex(InstalledPackage pkg, TreeSet<String> ids) {
        List<VexStatement> relevant = new ArrayList<>();
        for (String id : ids) {
            for (VexStatement s : vexByVulnerability.getOrDefault(id, List.of())) {
                if (pkg.names().stream().anyMatch(n -> n.key().equals(s.product()))
                        && s.version()
                                .map(v -> VersionScheme.of(pkg.product().ecosystem())
                                                .compare(v, pkg.version())
                                        == 0)
                                .orElse(true)) {
                    relevant.add(s);
                }
            }
        }
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        VexStatement decisive = relevant.stream()
                .max(Comparator.<VexStatement, Boolean>comparing(
                                s -> s.version().isPresent())
                        .thenComparing(VexStatement::timestamp)
                        .thenComparing(s -> !s.status().clears()))
                .orElseThrow();
        if (!decisive.status().clears()) {
            return Optional.empty();
        }
        return Optional.of((decisive.status() == VexStatement.Status.FIXED ? "fixed" : "not affected")
                + " according to " + decisive.source()
                + decisive.justification().map(j -> " (" + j + ")").orElse(""));
    }
}
