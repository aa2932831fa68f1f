package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori vulns import and list, vex and share, and known vulnerabilities in the bundled assessment. */
class VulnsCommandTest {

    static final String KEV = """
            {"catalogVersion": "2026.11.20", "dateReleased": "2026-11-20", "vulnerabilities": [
              {"cveID": "CVE-2021-44228", "vulnerabilityName": "Log4Shell", "dateAdded": "2021-12-10"}]}
            """;

    @Test
    void theBundledAssessmentReportsKnownExploitedVulnerabilities() {
        Cli run = Cli.inRepository("assess", "--today", "2026-12-01", "--all");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("known-exploited-vulnerability  cctv.nvr-legacy  examples/venue/cctv.yaml:82")
                .contains("Known to be exploited in the wild (CISA KEV since 2022-02-10")
                .contains("Patch access.lte-router: update pkg:generic/dnsmasq from 2.77 to 2.78 or later");
        Cli systemic = Cli.inRepository("systemic", "--today", "2026-12-01");
        assertThat(systemic.out()).contains("whose service is exploitable (CVE-2017-0144)");
    }

    @Test
    void importKeepsFeedsInTheStoreAndListMatchesAgainstIt(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Cli imported = Cli.inRepository(
                "vulns", "import", "examples/venue/vulns", "--vuln-db", db.toString(), "--today", "2026-12-01");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out())
                .contains("known-exploited catalog (CISA KEV), 4 records, dated 2026-11-20")
                // A folder's files are each named as the user would name them, one record in the singular.
                .contains("imported " + Path.of("examples/venue/vulns/osv/GHSA-jfh8-c2jp-5v3q.json")
                        + ": OSV, 1 record, dated 2026-10-01")
                .contains("store: " + db);
        Cli list = Cli.inRepository(
                "vulns", "list", "examples/venue/landscape.yaml", "--vuln-db", db.toString(), "--today", "2026-12-01");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .contains("5 known vulnerabilities (3 known exploited), 2 cleared by VEX or a treatment")
                .contains("examples/venue/cctv.yaml:109: cctv.video-analytics: CVE-2021-44228 [known exploited]")
                .contains("imported 2026-12-01");
        Cli json = Cli.inRepository(
                "vulns",
                "list",
                "examples/venue/landscape.yaml",
                "--vuln-db",
                db.toString(),
                "--today",
                "2026-12-01",
                "--format",
                "json");
        assertThat(json.out()).contains("\"id\" : \"CVE-2017-0144\"").contains("\"knownExploited\" : true");
    }

    @Test
    void aFileThatIsNotVulnerabilityDataIsRefusedAndTheStoreLeftAsItWas(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Files.writeString(dir.resolve("kev.json"), KEV);
        Files.writeString(dir.resolve("bad.json"), "{\"hello\": 1}");
        assertThat(Cli.run(dir, "vulns", "import", "kev.json", "--vuln-db", "db")
                        .exitCode())
                .isZero();
        String manifest = Files.readString(db.resolve("sources.json"));
        Cli bad = Cli.run(dir, "vulns", "import", "bad.json", "kev.json", "--vuln-db", "db");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("cannot import: bad.json is JSON, but not a format Mamori reads");
        assertThat(Files.readString(db.resolve("sources.json"))).isEqualTo(manifest);
        Cli none = Cli.run(dir, "vulns", "list", "--vuln-db", "nowhere");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("there is no vulnerability store in");
    }

    @Test
    void fromFetchesAFeedOverHttp(@TempDir Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feeds/known_exploited_vulnerabilities.json", exchange -> {
            byte[] body = KEV.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/";
            Cli fetched = Cli.run(
                    dir,
                    "vulns",
                    "import",
                    "--from",
                    base + "known_exploited_vulnerabilities.json",
                    "--vuln-db",
                    "db",
                    "--today",
                    "2026-12-01");
            assertThat(fetched.exitCode()).as(fetched.err()).isZero();
            assertThat(Files.readString(dir.resolve("db/sources.json")))
                    .contains("\"origin\" : \"" + base + "known_exploited_vulnerabilities.json\"")
                    .contains("\"file\" : \"feeds/kev/known_exploited_vulnerabilities.json\"");
            Cli missing = Cli.run(dir, "vulns", "import", "--from", base + "nothing.json", "--vuln-db", "db");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("the server answered 404");
        } finally {
            server.stop(0);
        }
        Cli ftp = Cli.run(dir, "vulns", "import", "--from", "ftp://example.com/x.json");
        assertThat(ftp.err()).contains("--from takes an http or https URL");
    }

    @Test
    void vexAndShareWriteTheirDocumentsTheSameEveryTime() {
        Cli csaf = Cli.inRepository("vex", "--today", "2026-12-01", "--product", "cctv.cameras-legacy");
        assertThat(csaf.exitCode()).as(csaf.err()).isZero();
        assertThat(csaf.out())
                .contains("\"category\" : \"csaf_vex\"")
                .contains("\"label\" : \"vulnerable_code_not_in_execute_path\"")
                .isEqualTo(Cli.inRepository("vex", "--today", "2026-12-01", "--product", "cctv.cameras-legacy")
                        .out());
        Cli cdx = Cli.inRepository("vex", "--format", "cyclonedx", "--today", "2026-12-01");
        assertThat(cdx.out())
                .contains("\"state\" : \"not_affected\"")
                .contains("\"justification\" : \"code_not_reachable\"");
        assertThat(Cli.inRepository("vex", "--product", "cctv.nothing").err()).contains("--product names no component");
        Cli share = Cli.inRepository("share", "--today", "2026-12-01", "--as", "Bayside operator");
        assertThat(share.exitCode()).as(share.err()).isZero();
        assertThat(share.out())
                .contains("\"type\" : \"bundle\"")
                .contains("CVE-2017-0144")
                .doesNotContain("cctv.");
        assertThat(Cli.inRepository("share", "--today", "2026-12-01", "--internal")
                        .out())
                .contains("cctv.nvr-legacy");
    }

    /**
     * A VPN on the internet and, in its zone, a historian that commands a PLC with a catastrophic
     * hazard. With Log4Shell on the historian known to be exploited, a foothold in the zone takes
     * the historian, and the isolation plan for the PLC is "patch CVE-2021-44228 on
     * plant.historian" with its cost; before the catalog lists it, nothing reaches the PLC.
     */
    static final String PLANT = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones: [plant-lan]
                components:
                  vpn: { kind: vpn, zone: plant-lan, exposure: internet, credentials: certificate }
                  historian:
                    kind: server
                    zone: plant-lan
                    credentials: unique
                    software:
                      - { purl: pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1 }
                  plc: { kind: controller, credentials: unique, hazards: { overpressure: { severity: catastrophic } } }
                flows:
                  - { from: historian, to: plc, protocol: modbus-tcp, commands: true }
            """;

    static final String LOG4SHELL_OSV = """
            {"schema_version": "1.6.0", "id": "GHSA-jfh8-c2jp-5v3q", "modified": "2026-10-01T00:00:00Z",
             "aliases": ["CVE-2021-44228"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
             "affected": [{"package": {"ecosystem": "Maven", "name": "org.apache.logging.log4j:log4j-core",
                                       "purl": "pkg:maven/org.apache.logging.log4j/log4j-core"},
                           "ranges": [{"type": "ECOSYSTEM",
                                       "events": [{"introduced": "2.13.0"}, {"fixed": "2.15.0"}]}]}]}
            """;

    @Test
    void aKnownExploitedFlawBecomesAPatchCutOfTheIsolationPlanWithItsCost(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("m.yaml"), PLANT, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("before"));
        Files.createDirectories(dir.resolve("after"));
        Files.writeString(dir.resolve("before/osv.json"), LOG4SHELL_OSV, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("after/osv.json"), LOG4SHELL_OSV, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("before/kev.json"),
                "{\"catalogVersion\": \"2021.12.01\", \"dateReleased\": \"2021-12-01\", \"vulnerabilities\": []}",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("after/kev.json"), KEV, StandardCharsets.UTF_8);

        Cli before = Cli.run(
                dir, "systemic", "m.yaml", "--vulns", "before", "--today", "2026-12-01", "--protect", "plant.plc");
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out())
                .contains("nothing to cut: no control path leads there, checked")
                .doesNotContain("patch CVE-2021-44228");

        Cli after = Cli.run(
                dir, "systemic", "m.yaml", "--vulns", "after", "--today", "2026-12-01", "--protect", "plant.plc");
        assertThat(after.exitCode()).as(after.err()).isZero();
        String plan = after.out().substring(after.out().indexOf("Isolation plan"));
        assertThat(plan)
                .contains("cut or harden these 1 relation (total cost 1):")
                .contains("reaches plant.historian, whose service is exploitable (CVE-2021-44228), from inside the"
                        + " zone")
                .contains("patch CVE-2021-44228 on plant.historian (cost 1)")
                .contains("checked: with these cuts applied, the attacker reaches nothing of plant.plc");

        Cli json = Cli.run(
                dir,
                "systemic",
                "m.yaml",
                "--vulns",
                "after",
                "--today",
                "2026-12-01",
                "--protect",
                "plant.plc",
                "--format",
                "json");
        com.fasterxml.jackson.databind.JsonNode isolation = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out())
                .at("/systemic/isolation");
        assertThat(isolation.at("/cuts/0/why").asText()).isEqualTo("patch CVE-2021-44228 on plant.historian (cost 1)");
        assertThat(isolation.at("/cuts/0/cost").asInt()).isEqualTo(1);
        assertThat(isolation.at("/verified").asBoolean()).isTrue();
    }
}
