package dev.mamori.imports.threagile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic Threagile model of any size, for the import's tests and benchmarks at scale
 * (docs/performance.md): sites of ten technical assets each (six IoT devices behind a gateway that
 * talks to a broker, a database and a dashboard in the cloud), with their data, trust boundaries,
 * shared runtimes and some risk tracking. The same size gives the same model.
 *
 * <p>A site's own links are 1.1 per asset; a third argument K adds links inside each site (to the
 * next assets of the site, over HTTPS) until every asset has at least K, for the side-by-side runs of
 * {@code mamori-bench/threagile-side-by-side.sh}, which use K = 3 as the measurements in issue 21 did.
 * The file has no dependency beyond the JDK, so it also runs as a single-file program:
 *
 * <p>{@code java -cp mamori-import-threagile/target/test-classes
 * dev.mamori.imports.threagile.ThreagileModelGenerator 4000 /tmp/threagile-4000.yaml}
 *
 * <p>{@code java mamori-import-threagile/src/test/java/dev/mamori/imports/threagile/ThreagileModelGenerator.java
 * 4000 /tmp/threagile-4000.yaml 3}
 */
public final class ThreagileModelGenerator {

    /** Technical assets per site. */
    static final int SITE = 10;

    private ThreagileModelGenerator() {}

    public static void main(String[] args) throws IOException {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        Path out = Path.of(args.length > 1 ? args[1] : "threagile-" + assets + ".yaml");
        int links = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Files.writeString(out, model(assets, links), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": " + (Math.max(1, assets / SITE) * SITE) + " technical assets, "
                + linkCount(assets, links) + " communication links");
    }

    /** A model of {@code assets} technical assets, rounded down to whole sites, with the sites' own links. */
    static String model(int assets) {
        return model(assets, 0);
    }

    /**
     * A model of {@code assets} technical assets, rounded down to whole sites, where every asset has
     * at least {@code linksPerAsset} communication links (at most {@code SITE - 1}: they stay in the site).
     */
    static String model(int assets, int linksPerAsset) {
        if (linksPerAsset < 0 || linksPerAsset >= SITE) {
            throw new IllegalArgumentException("links per asset: 0 to " + (SITE - 1));
        }
        int sites = Math.max(1, assets / SITE);
        StringBuilder y = new StringBuilder(assets * 900);
        y.append("threagile_version: 1.0.0\n");
        y.append("title: Generated fleet of ").append(sites).append(" sites\n");
        y.append("date: 2026-01-15\n");
        y.append("author:\n  name: Generator\n");
        y.append("business_criticality: important\n");
        // Every asset has the tag "generated"; Threagile (0.9.1) rejects a model whose tags are not listed here.
        y.append("tags_available:\n  - generated\n");
        y.append("data_assets:\n");
        for (int s = 0; s < sites; s++) {
            dataAsset(
                    y,
                    "Readings " + s,
                    "readings-" + s,
                    "Site " + s + " Operator",
                    "internal",
                    "critical",
                    "important");
            dataAsset(
                    y,
                    "Settings " + s,
                    "settings-" + s,
                    "Site " + s + " Operator",
                    "confidential",
                    "mission-critical",
                    "operational");
        }
        y.append("technical_assets:\n");
        for (int s = 0; s < sites; s++) {
            site(y, s, linksPerAsset);
        }
        y.append("trust_boundaries:\n");
        y.append("  Cloud:\n    id: cloud\n    type: network-cloud-provider\n    technical_assets_inside: []\n");
        y.append("    trust_boundaries_nested:\n");
        for (int s = 0; s < sites; s++) {
            y.append("      - backend-").append(s).append('\n');
        }
        for (int s = 0; s < sites; s++) {
            y.append("  Site ").append(s).append(":\n    id: site-").append(s).append('\n');
            y.append("    type: network-on-prem\n    technical_assets_inside:\n");
            for (int d = 0; d < 6; d++) {
                y.append("      - device-").append(s).append('-').append(d).append('\n');
            }
            y.append("      - gateway-").append(s).append('\n');
            y.append("  Backend ")
                    .append(s)
                    .append(":\n    id: backend-")
                    .append(s)
                    .append('\n');
            y.append("    type: network-cloud-security-group\n    technical_assets_inside: [broker-")
                    .append(s)
                    .append(", db-")
                    .append(s)
                    .append(", dashboard-")
                    .append(s)
                    .append("]\n");
        }
        y.append("shared_runtimes:\n");
        for (int r = 0; r * 100 < sites; r++) {
            y.append("  Cluster ")
                    .append(r)
                    .append(":\n    id: cluster-")
                    .append(r)
                    .append('\n');
            y.append("    technical_assets_running:\n");
            for (int s = r * 100; s < Math.min(sites, (r + 1) * 100); s++) {
                y.append("      - broker-").append(s).append('\n');
            }
        }
        y.append("risk_tracking:\n");
        for (int s = 0; s < sites; s += 10) {
            y.append("  unencrypted-communication@gateway-")
                    .append(s)
                    .append(">publish@gateway-")
                    .append(s)
                    .append("@broker-")
                    .append(s)
                    .append(":\n");
            y.append("    status: accepted\n    justification: TLS comes with the next firmware\n");
            y.append("    ticket: GEN-").append(s).append("\n    date: 2026-01-10\n    checked_by: Generator\n");
            y.append("  missing-authentication@*@gateway-")
                    .append(s)
                    .append("@device-")
                    .append(s)
                    .append("-0:\n");
            y.append("    status: in-progress\n    justification: Signed frames\n");
        }
        y.append("  missing-hardening@*:\n    status: mitigated\n    justification: Hardened images\n");
        return y.toString();
    }

    private static void dataAsset(
            StringBuilder y, String title, String id, String owner, String c, String i, String a) {
        y.append("  ").append(title).append(":\n");
        y.append("    id: ").append(id).append('\n');
        y.append("    description: ").append(title).append(" of the fleet\n");
        y.append("    usage: business\n    owner: ").append(owner).append('\n');
        y.append("    quantity: many\n");
        y.append("    confidentiality: ")
                .append(c)
                .append("\n    integrity: ")
                .append(i)
                .append("\n    availability: ")
                .append(a)
                .append('\n');
    }

    /** The ids of a site's assets, in the order they are written. */
    private static String[] siteIds(int s) {
        String[] ids = new String[SITE];
        for (int d = 0; d < 6; d++) {
            ids[d] = "device-" + s + "-" + d;
        }
        ids[6] = "gateway-" + s;
        ids[7] = "broker-" + s;
        ids[8] = "db-" + s;
        ids[9] = "dashboard-" + s;
        return ids;
    }

    /** The targets of each asset's own links in a site, by the asset's index in {@link #siteIds}. */
    private static int[][] ownTargets() {
        return new int[][] {{6}, {6}, {6}, {6}, {6}, {6}, {7, 0}, {8}, {}, {8, 7}};
    }

    /** How many communication links {@link #model(int, int)} writes. */
    static long linkCount(int assets, int linksPerAsset) {
        long perSite = 0;
        for (int[] own : ownTargets()) {
            perSite += Math.max(own.length, linksPerAsset);
        }
        return perSite * Math.max(1, assets / SITE);
    }

    private static void site(StringBuilder y, int s, int linksPerAsset) {
        String owner = "Site " + s + " Operator";
        String[] ids = siteIds(s);
        int[][] own = ownTargets();
        for (int d = 0; d < 6; d++) {
            asset(
                    y,
                    "Device " + s + "-" + d,
                    "device-" + s + "-" + d,
                    "external-entity",
                    "iot-device",
                    owner,
                    false,
                    "physical");
            y.append("    data_assets_processed: [readings-").append(s).append("]\n");
            y.append("    communication_links:\n");
            link(y, "Report", "gateway-" + s, "mqtt", "none", false, false, "business", "readings-" + s, "");
            extraLinks(y, s, d, own[d], ids, linksPerAsset);
        }
        asset(y, "Gateway " + s, "gateway-" + s, "process", "gateway", owner, true, "physical");
        y.append("    data_assets_processed: [readings-")
                .append(s)
                .append(", settings-")
                .append(s)
                .append("]\n");
        y.append("    communication_links:\n");
        link(
                y,
                "Publish",
                "broker-" + s,
                "mqtt",
                "credentials",
                false,
                false,
                "business",
                "readings-" + s,
                "settings-" + s);
        link(y, "Configure", "device-" + s + "-0", "binary", "none", false, false, "business", "settings-" + s, "");
        extraLinks(y, s, 6, own[6], ids, linksPerAsset);
        asset(y, "Broker " + s, "broker-" + s, "process", "message-queue", "Cloud Host", true, "container");
        y.append("    multi_tenant: true\n");
        y.append("    communication_links:\n");
        link(y, "Store", "db-" + s, "jdbc-encrypted", "credentials", false, false, "business", "readings-" + s, "");
        extraLinks(y, s, 7, own[7], ids, linksPerAsset);
        asset(y, "Database " + s, "db-" + s, "datastore", "database", owner, false, "virtual");
        y.append("    data_assets_stored: [readings-")
                .append(s)
                .append(", settings-")
                .append(s)
                .append("]\n");
        if (linksPerAsset > 0) {
            y.append("    communication_links:\n");
            extraLinks(y, s, 8, own[8], ids, linksPerAsset);
        }
        asset(y, "Dashboard " + s, "dashboard-" + s, "process", "web-application", owner, true, "container");
        y.append("    communication_links:\n");
        link(y, "Query", "db-" + s, "jdbc", "credentials", true, true, "business", "", "readings-" + s);
        link(y, "Admin", "broker-" + s, "ssh", "client-certificate", false, false, "devops", "settings-" + s, "");
        extraLinks(y, s, 9, own[9], ids, linksPerAsset);
    }

    /**
     * Links from the asset at {@code from} to the next assets of its site (round the site, skipping
     * itself and the targets of its own links) until it has {@code linksPerAsset}.
     */
    private static void extraLinks(StringBuilder y, int s, int from, int[] own, String[] ids, int linksPerAsset) {
        int have = own.length;
        for (int step = 1; step < SITE && have < linksPerAsset; step++) {
            int to = (from + step) % SITE;
            boolean taken = false;
            for (int t : own) {
                taken |= t == to;
            }
            if (!taken) {
                link(y, "Sync " + step, ids[to], "https", "token", false, false, "business", "readings-" + s, "");
                have++;
            }
        }
    }

    private static void asset(
            StringBuilder y,
            String title,
            String id,
            String type,
            String technology,
            String owner,
            boolean internet,
            String machine) {
        y.append("  ").append(title).append(":\n");
        y.append("    id: ").append(id).append('\n');
        y.append("    description: ").append(title).append('\n');
        y.append("    type: ").append(type).append('\n');
        y.append("    usage: business\n    used_as_client_by_human: false\n    out_of_scope: false\n");
        y.append("    size: component\n    technology: ").append(technology).append('\n');
        y.append("    tags: [generated]\n");
        y.append("    internet: ").append(internet).append('\n');
        y.append("    machine: ").append(machine).append("\n    encryption: none\n");
        y.append("    owner: ").append(owner).append('\n');
        y.append("    confidentiality: internal\n    integrity: important\n    availability: important\n");
        y.append("    redundant: false\n    custom_developed_parts: false\n");
    }

    private static void link(
            StringBuilder y,
            String title,
            String target,
            String protocol,
            String authentication,
            boolean vpn,
            boolean readonly,
            String usage,
            String sent,
            String received) {
        y.append("      ").append(title).append(":\n");
        y.append("        target: ").append(target).append('\n');
        y.append("        description: ").append(title).append('\n');
        y.append("        protocol: ").append(protocol).append('\n');
        y.append("        authentication: ").append(authentication).append('\n');
        y.append("        authorization: technical-user\n");
        y.append("        vpn: ").append(vpn).append("\n        ip_filtered: false\n");
        y.append("        readonly: ").append(readonly).append('\n');
        y.append("        usage: ").append(usage).append('\n');
        y.append("        data_assets_sent: [").append(sent).append("]\n");
        y.append("        data_assets_received: [").append(received).append("]\n");
    }
}
