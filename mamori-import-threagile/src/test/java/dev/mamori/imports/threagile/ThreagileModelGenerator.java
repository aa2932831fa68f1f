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
 * <p>{@code java -cp mamori-import-threagile/target/test-classes
 * dev.mamori.imports.threagile.ThreagileModelGenerator 4000 /tmp/threagile-4000.yaml}
 */
public final class ThreagileModelGenerator {

    /** Technical assets per site. */
    static final int SITE = 10;

    private ThreagileModelGenerator() {}

    public static void main(String[] args) throws IOException {
        int assets = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        Path out = Path.of(args.length > 1 ? args[1] : "threagile-" + assets + ".yaml");
        Files.writeString(out, model(assets), StandardCharsets.UTF_8);
        System.out.println("wrote " + out + ": " + (assets / SITE * SITE) + " technical assets");
    }

    /** A model of {@code assets} technical assets, rounded down to whole sites. */
    static String model(int assets) {
        int sites = Math.max(1, assets / SITE);
        StringBuilder y = new StringBuilder(assets * 900);
        y.append("threagile_version: 1.0.0\n");
        y.append("title: Generated fleet of ").append(sites).append(" sites\n");
        y.append("date: 2026-01-15\n");
        y.append("author:\n  name: Generator\n");
        y.append("business_criticality: important\n");
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
            site(y, s);
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

    private static void site(StringBuilder y, int s) {
        String owner = "Site " + s + " Operator";
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
        asset(y, "Broker " + s, "broker-" + s, "process", "message-queue", "Cloud Host", true, "container");
        y.append("    multi_tenant: true\n");
        y.append("    communication_links:\n");
        link(y, "Store", "db-" + s, "jdbc-encrypted", "credentials", false, false, "business", "readings-" + s, "");
        asset(y, "Database " + s, "db-" + s, "datastore", "database", owner, false, "virtual");
        y.append("    data_assets_stored: [readings-")
                .append(s)
                .append(", settings-")
                .append(s)
                .append("]\n");
        asset(y, "Dashboard " + s, "dashboard-" + s, "process", "web-application", owner, true, "container");
        y.append("    communication_links:\n");
        link(y, "Query", "db-" + s, "jdbc", "credentials", true, true, "business", "", "readings-" + s);
        link(y, "Admin", "broker-" + s, "ssh", "client-certificate", false, false, "devops", "settings-" + s, "");
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
