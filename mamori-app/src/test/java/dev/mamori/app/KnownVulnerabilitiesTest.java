package dev.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.systemic.Hop;
import dev.mamori.engine.systemic.SystemicAnalysis;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.load.ModelSource;
import dev.mamori.vulns.feed.Feed;
import dev.mamori.vulns.feed.FeedReader;
import dev.mamori.vulns.feed.VulnerabilityData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vulnerability data through the workspace: a feed update changes the findings, the paths and the
 * hazards an attacker reaches; bills of materials are read, located, only inside the landscape.
 */
class KnownVulnerabilitiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /**
     * A VPN on the internet with a certificate login, and in its zone a historian with a unique
     * login that commands a PLC with a catastrophic hazard. Nothing crosses from the VPN to the
     * historian unless the historian's service has a known flaw.
     */
    private static final String MODEL = """
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
                  vpn:
                    kind: vpn
                    zone: plant-lan
                    exposure: internet
                    credentials: certificate
                    software: [{ cpe: "cpe:2.3:o:fortinet:fortios:6.0.4:*:*:*:*:*:*:*" }]
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

    private static final String OSV = """
            {"id": "GHSA-jfh8-c2jp-5v3q", "modified": "2026-10-01T00:00:00Z", "aliases": ["CVE-2021-44228"],
             "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}],
             "affected": [{"package": {"ecosystem": "Maven", "name": "org.apache.logging.log4j:log4j-core"},
                           "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "2.13.0"}, {"fixed": "2.15.0"}]}]}]}
            """;

    private static final String KEV_BEFORE = """
            {"catalogVersion": "2021.12.01", "dateReleased": "2021-12-01", "vulnerabilities": []}
            """;

    private static final String KEV_AFTER = """
            {"catalogVersion": "2021.12.10", "dateReleased": "2021-12-10", "vulnerabilities": [
              {"cveID": "CVE-2021-44228", "vulnerabilityName": "Log4Shell", "dateAdded": "2021-12-10",
               "dueDate": "2021-12-24", "knownRansomwareCampaignUse": "Known", "requiredAction": "Update."}]}
            """;

    private static VulnerabilityData data(String... documents) throws FeedReader.BadFeed {
        List<Feed> feeds = new ArrayList<>();
        int i = 0;
        for (String d : documents) {
            feeds.addAll(FeedReader.read("feed-" + i++ + ".json", d.getBytes(StandardCharsets.UTF_8)));
        }
        return VulnerabilityData.of(feeds);
    }

    private static Workspace workspace(Map<Path, byte[]> files) {
        return new Workspace(ModelSource.inMemory(files));
    }

    private static Assessment assess(VulnerabilityData data) {
        Workspace workspace = workspace(Map.of(Path.of("m.yaml"), MODEL.getBytes(StandardCharsets.UTF_8)))
                .withVulnerabilities(data);
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        assertThat(loaded.diagnostics()).isEmpty();
        return workspace.assess(loaded, AssessmentOptions.on(TODAY));
    }

    private static Stream<Hop> hops(SystemicAnalysis systemic) {
        return Stream.concat(systemic.paths().stream(), systemic.internalPaths().stream())
                .flatMap(p -> p.hops().stream());
    }

    private static List<Finding> findings(Assessment a, String rule) {
        return a.risk().findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void aKnownExploitedListingTurnsAKnownVulnerabilityIntoAWayAcrossToAHazard() throws Exception {
        Assessment before = assess(data(OSV, KEV_BEFORE));
        assertThat(findings(before, "known-vulnerability")).singleElement().satisfies(f -> {
            assertThat(f.element().id()).isEqualTo("plant.historian");
            assertThat(f.location().toString()).isEqualTo("m.yaml:22:13");
            assertThat(f.explanation())
                    .contains("CVE-2021-44228")
                    .contains("GHSA-jfh8-c2jp-5v3q")
                    .contains("CVSS 10.0");
            assertThat(f.mitigations().get(0))
                    .contains("update pkg:maven/org.apache.logging.log4j/log4j-core from 2.14.1 to 2.15.0");
        });
        assertThat(findings(before, "known-exploited-vulnerability")).isEmpty();
        assertThat(before.systemic().hazards()).isEmpty();
        assertThat(hops(before.systemic())).noneMatch(h -> h.weakness().contains("CVE-2021-44228"));

        Assessment after = assess(data(OSV, KEV_AFTER));
        assertThat(findings(after, "known-exploited-vulnerability"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.element().id()).isEqualTo("plant.historian");
                    assertThat(f.explanation()).contains("CISA KEV since 2021-12-10");
                });
        assertThat(findings(after, "known-vulnerability")).isEmpty();
        assertThat(after.systemic().hazards())
                .extracting(SystemicAnalysis.HazardReach::hazard)
                .containsExactly("plant.plc.overpressure");
        assertThat(hops(after.systemic()))
                .anyMatch(h -> h.to().equals("plant.historian") && h.weakness().contains("CVE-2021-44228"));
    }

    @Test
    void aTreatmentNamingTheVulnerabilityClearsItAndItsWayAcross() throws Exception {
        String treated = MODEL + """
                treatments:
                  - rule: known-exploited-vulnerability
                    on: plant.historian
                    vulnerability: CVE-2021-44228
                    status: not-applicable
                    justification: vulnerable-code-not-in-execute-path
                    by: ops
                    reason: the message lookup is switched off (log4j2.formatMsgNoLookups)
                """;
        Workspace workspace = workspace(Map.of(Path.of("m.yaml"), treated.getBytes(StandardCharsets.UTF_8)))
                .withVulnerabilities(data(OSV, KEV_AFTER));
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        assertThat(loaded.diagnostics())
                .as("the treatment names a rule the workspace runs")
                .isEmpty();
        Assessment a = workspace.assess(loaded, AssessmentOptions.on(TODAY));
        assertThat(findings(a, "known-exploited-vulnerability")).isEmpty();
        assertThat(a.systemic().hazards()).isEmpty();
        assertThat(a.diagnostics()).extracting(Diagnostic::code).doesNotContain("treatment-matches-nothing");
    }

    @Test
    void billsOfMaterialsAreReadBesideTheModelAndProblemsAreLocated(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("site"));
        Files.writeString(sub.resolve("m.yaml"), """
                mamori: 1
                stakeholders:
                  ops: { roles: [operator] }
                systems:
                  s:
                    owner: ops
                    category: consumer
                    components:
                      good: { kind: camera, sbom: sbom/cam.cdx.json }
                      missing: { kind: camera, sbom: sbom/none.json }
                      outside: { kind: camera, sbom: ../secret.json }
                      broken: { kind: camera, sbom: sbom/broken.json }
                      named: { kind: camera, software: [{ purl: "pkg:generic/busybox" }] }
                """);
        Files.createDirectories(sub.resolve("sbom"));
        Files.writeString(sub.resolve("sbom/cam.cdx.json"), """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "components": [{"type": "library", "name": "openssl", "version": "1.0.1e",
                                 "purl": "pkg:generic/openssl@1.0.1e"}]}
                """);
        Files.writeString(sub.resolve("sbom/broken.json"), "{\"hello\": 1}");
        Files.writeString(dir.resolve("secret.json"), "{}");
        Workspace workspace = Workspace.onDisk(dir, List.of(Path.of("site/m.yaml")), Optional.empty());
        Loaded loaded = workspace.load(List.of(Path.of("site/m.yaml")), TODAY);
        assertThat(loaded.valid()).isFalse();
        List<Diagnostic> errors = loaded.diagnostics().stream()
                .filter(d -> d.severity() == dev.mamori.model.diagnostics.Severity.ERROR)
                .toList();
        assertThat(errors)
                .extracting(d -> d.at().line() + " " + d.code())
                .containsExactly(
                        "10 unreadable-sbom", "11 outside-landscape", "12 bad-sbom", "13 software-without-version");
        assertThat(errors.get(0).message()).contains("there is no file site/sbom/none.json");
        assertThat(errors.get(1).message()).contains("inside the landscape folder");
        assertThat(errors.get(2).message()).contains("neither a CycloneDX");

        Files.writeString(
                sub.resolve("m.yaml"),
                Files.readString(sub.resolve("m.yaml"))
                        .lines()
                        .filter(l -> !l.contains("missing")
                                && !l.contains("outside")
                                && !l.contains("broken")
                                && !l.contains("named"))
                        .reduce("", (a, b) -> a + b + "\n"));
        Loaded good = Workspace.onDisk(dir, List.of(Path.of("site/m.yaml")), Optional.empty())
                .load(List.of(Path.of("site/m.yaml")), TODAY);
        assertThat(good.valid()).isTrue();
        assertThat(good.inventory().packages().get("s.good"))
                .singleElement()
                .satisfies(p -> assertThat(p.at().toString())
                        .isEqualTo("site/sbom/cam.cdx.json:3:"
                                + (Files.readString(sub.resolve("sbom/cam.cdx.json"))
                                                .lines()
                                                .toList()
                                                .get(2)
                                                .indexOf("pkg:")
                                        + 1)));
    }
}
