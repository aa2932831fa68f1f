package dev.mamori.vulns.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    static final Path VULNS = Path.of("..", "examples", "venue", "vulns");

    static Feed example(String file) throws Exception {
        Path path = VULNS.resolve(file);
        List<Feed> feeds = FeedReader.read(file, Files.readAllBytes(path));
        assertThat(feeds).hasSize(1);
        return feeds.get(0);
    }

    static Feed text(String name, String content) throws FeedReader.BadFeed {
        return FeedReader.read(name, content.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void theKnownExploitedCatalogGivesEachCveItsDates() throws Exception {
        Feed kev = example("kev/known_exploited_vulnerabilities.json");
        assertThat(kev.kind()).isEqualTo(FeedKind.KEV);
        assertThat(kev.date()).hasValue("2026-11-20T15:00:00.0000Z");
        assertThat(kev.exploited())
                .extracting(Exploited::cve)
                .containsExactly("CVE-2014-0160", "CVE-2014-6271", "CVE-2017-0144", "CVE-2021-44228");
        Exploited log4shell = kev.exploited().get(3);
        assertThat(log4shell.added()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(log4shell.due()).hasValue(LocalDate.of(2021, 12, 24));
        assertThat(log4shell.ransomware()).isTrue();
    }

    @Test
    void epssScoresAndTheirDate() throws Exception {
        Feed epss = example("epss/epss_scores.csv");
        assertThat(epss.kind()).isEqualTo(FeedKind.EPSS);
        assertThat(epss.date()).hasValue("2026-11-20");
        assertThat(epss.epss()).hasSize(6);
        assertThat(epss.epss().get(0)).isEqualTo(new Epss("CVE-2014-0160", 0.94468, 0.99977));
    }

    @Test
    void osvRangesBecomeIntervalsBetweenIntroducedAndFixed() throws Exception {
        Feed osv = example("osv/GHSA-jfh8-c2jp-5v3q.json");
        Advisory a = osv.advisories().get(0);
        assertThat(a.id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
        assertThat(a.cve()).isEqualTo("CVE-2021-44228");
        assertThat(a.cvss()).hasValue("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(a.affected()).hasSize(3);
        Affected first = a.affected().get(0);
        assertThat(first.product()).isEqualTo("purl:maven/org.apache.logging.log4j/log4j-core");
        assertThat(first.fixed()).hasValue("2.15.0");
        assertThat(first.range().contains("2.14.1")).isTrue();
        assertThat(first.range().contains("2.15.0")).isFalse();
        assertThat(a.affected().stream().anyMatch(f -> f.range().contains("2.0-beta9")))
                .isTrue();
        assertThat(a.affected().stream().anyMatch(f -> f.range().contains("2.12.2")))
                .isFalse();
    }

    @Test
    void osvWithoutAPurlIsKeyedByItsEcosystemAndLastAffectedIsInclusive() throws Exception {
        Feed osv = text("o.json", """
                {"id": "PYSEC-1", "modified": "2026-01-01T00:00:00Z", "affected": [
                  {"package": {"ecosystem": "PyPI", "name": "Some_Package"},
                   "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"last_affected": "1.4"}]},
                              {"type": "GIT", "repo": "x", "events": [{"introduced": "abc"}]}],
                   "versions": ["2.0rc1"]}]}
                """);
        List<Affected> affected = osv.advisories().get(0).affected();
        assertThat(affected).extracting(Affected::product).containsOnly("purl:pypi/some-package");
        assertThat(affected.get(0).range().contains("1.4")).isTrue();
        assertThat(affected.get(0).range().contains("1.4.post1")).isFalse();
        assertThat(affected.get(1).range().contains("2.0rc1")).isTrue();
    }

    @Test
    void nvdCpeMatchesGiveTheirBoundsAndTheFirstFixedVersion() throws Exception {
        Feed nvd = example("nvd/nvdcve-2.0-venue.json");
        assertThat(nvd.kind()).isEqualTo(FeedKind.NVD);
        Advisory heartbleed = nvd.advisories().get(0);
        assertThat(heartbleed.id()).isEqualTo("CVE-2014-0160");
        Affected openssl = heartbleed.affected().get(0);
        assertThat(openssl.product()).isEqualTo("cpe:a:openssl:openssl");
        assertThat(openssl.fixed()).hasValue("1.0.1g");
        assertThat(openssl.range().contains("1.0.1e")).isTrue();
        assertThat(openssl.range().contains("1.0.1g")).isFalse();
        assertThat(openssl.range().contains("1.0.0")).isFalse();
        Advisory eternalBlue = nvd.advisories().get(2);
        assertThat(eternalBlue.affected().get(0).range().contains("r2")).isTrue();
        assertThat(eternalBlue.affected().get(0).range().contains("r3")).isFalse();
    }

    @Test
    void csafProductTreeVersionRangesAndFixedProducts() throws Exception {
        Feed csaf = example("csaf/kaimon-sa-2026-001.json");
        Advisory a = csaf.advisories().get(0);
        assertThat(a.id()).isEqualTo("KAIMON-SA-2026-001");
        Affected fw = a.affected().get(0);
        assertThat(fw.product()).isEqualTo("cpe:o:kaimon:kr-lte200_firmware");
        assertThat(fw.range()).hasToString("vers:generic/>=2.0.0|<2.4.1");
        assertThat(fw.fixed()).hasValue("2.4.1");
        assertThat(csaf.vex()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(VexStatement.Status.FIXED);
            assertThat(s.version()).hasValue("2.4.1");
        });
    }

    @Test
    void csafVexGivesNotAffectedWithTheFlagAsJustification() throws Exception {
        Feed vex = example("csaf/mieru-vex-2026-003.json");
        assertThat(vex.advisories()).isEmpty();
        assertThat(vex.vex())
                .singleElement()
                .isEqualTo(new VexStatement(
                        "CVE-2022-3602",
                        "purl:generic/openssl",
                        Optional.of("3.0.5"),
                        VexStatement.Status.NOT_AFFECTED,
                        Optional.of("vulnerable-code-not-in-execute-path"),
                        "csaf/mieru-vex-2026-003.json",
                        "2026-10-02T00:00:00.000Z"));
    }

    static final String CYCLONEDX_VEX = """
            {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
             "metadata": {"timestamp": "2026-10-05T00:00:00Z"},
             "components": [{"type": "library", "bom-ref": "ossl", "name": "openssl", "version": "3.0.5",
                             "purl": "pkg:generic/openssl@3.0.5"}],
             "vulnerabilities": [
               {"id": "CVE-2022-3602", "analysis": {"state": "not_affected", "justification": "code_not_reachable"},
                "affects": [{"ref": "ossl"}]},
               {"id": "CVE-2022-3786", "analysis": {"state": "exploitable"},
                "affects": [{"ref": "pkg:generic/openssl@3.0.5"}]}]}
            """;

    @Test
    void cycloneDxVexStatesByComponentReferenceOrPurl() throws Exception {
        Feed vex = text("vex.cdx.json", CYCLONEDX_VEX);
        assertThat(vex.kind()).isEqualTo(FeedKind.CYCLONEDX_VEX);
        assertThat(vex.vex())
                .extracting(VexStatement::vulnerability, VexStatement::status, VexStatement::justification)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "CVE-2022-3602",
                                VexStatement.Status.NOT_AFFECTED,
                                Optional.of("vulnerable-code-not-in-execute-path")),
                        org.assertj.core.groups.Tuple.tuple(
                                "CVE-2022-3786", VexStatement.Status.AFFECTED, Optional.empty()));
    }

    static byte[] resource(String name) throws IOException {
        try (var in = FeedReaderTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void cycloneDxVexInXmlStatesAsInJson() throws Exception {
        List<Feed> feeds = FeedReader.read("vex.cdx.xml", resource("vex.cdx.xml"));
        assertThat(feeds).singleElement().satisfies(vex -> {
            assertThat(vex.kind()).isEqualTo(FeedKind.CYCLONEDX_VEX);
            assertThat(vex.date()).hasValue("2026-10-05T00:00:00Z");
            // The same statements as the JSON document of the same content, a nested component's
            // reference included.
            assertThat(vex.vex())
                    .extracting(VexStatement::vulnerability, VexStatement::status, VexStatement::justification)
                    .containsExactlyElementsOf(text("vex.cdx.json", CYCLONEDX_VEX).vex().stream()
                            .map(s -> org.assertj.core.groups.Tuple.tuple(
                                    s.vulnerability(), s.status(), s.justification()))
                            .toList());
            assertThat(vex.vex()).allSatisfy(s -> {
                assertThat(s.product()).isEqualTo("purl:generic/openssl");
                assertThat(s.version()).hasValue("3.0.5");
            });
        });
    }

    @Test
    void csafVersLikeRangesAndRelationshipsOfTheProductTree() throws Exception {
        String text = new String(resource("csaf-relationships.json"), StandardCharsets.UTF_8);
        assertThat(dev.mamori.vulns.Schemas.errors(dev.mamori.vulns.Schemas.CSAF, text))
                .as("the test document is valid CSAF 2.0")
                .isEmpty();
        Feed csaf = text("csaf-relationships.json", text);
        Advisory a = csaf.advisories().get(0);
        assertThat(a.id()).isEqualTo("KAIMON-SA-2026-007");
        // The firmware is affected on the GC-10 only; the agent's vls range is read in npm's order;
        // the legacy agent's range in words is not a range and is left out.
        assertThat(a.affected()).hasSize(2);
        Affected firmware = a.affected().get(0);
        assertThat(firmware.product()).isEqualTo("cpe:o:kaimon:gc_firmware");
        assertThat(firmware.range()).hasToString("vers:generic/<3.2");
        assertThat(firmware.platform()).hasValueSatisfying(p -> {
            assertThat(p.product()).isEqualTo("cpe:h:kaimon:gc-10");
            assertThat(p.range()).map(Object::toString).hasValue("vers:generic/rev-a");
            assertThat(p.related()).containsExactlyInAnyOrder("cpe:h:kaimon:gc-10", "cpe:h:kaimon:gc-20");
        });
        Affected agent = a.affected().get(1);
        assertThat(agent.product()).isEqualTo("purl:npm/@kaimon/gate-agent");
        assertThat(agent.range()).hasToString("vers:npm/>=1.0.0|<1.4.2");
        assertThat(agent.range().contains("1.4.2-rc.1")).isTrue();
        assertThat(agent.platform()).isEmpty();
        // Not affected on the GC-20 keeps its platform: it clears the firmware there only.
        assertThat(csaf.vex()).singleElement().satisfies(s -> {
            assertThat(s.product()).isEqualTo("cpe:o:kaimon:gc_firmware");
            assertThat(s.range()).map(Object::toString).hasValue("vers:generic/<3.2");
            assertThat(s.status()).isEqualTo(VexStatement.Status.NOT_AFFECTED);
            assertThat(s.justification()).hasValue("vulnerable-code-not-in-execute-path");
            assertThat(s.platform()).map(Affected.Platform::product).hasValue("cpe:h:kaimon:gc-20");
        });
        assertThat(CsafReader.range("vers:all/*", "npm"))
                .hasValueSatisfying(r -> assertThat(r.all()).isTrue());
        assertThat(CsafReader.range("<V3.0.29", "cpe"))
                .hasValueSatisfying(r -> assertThat(r.contains("3.0.28")).isTrue());
        assertThat(CsafReader.range("before 3.0", "cpe")).isEmpty();
    }

    static final String OPENVEX = """
            {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1",
             "author": "Example PSIRT", "timestamp": "2026-10-06T00:00:00Z", "version": 1,
             "statements": [{"vulnerability": {"name": "CVE-2022-3602"},
                             "products": [{"@id": "pkg:generic/openssl@3.0.5"}],
                             "status": "not_affected", "justification": "inline_mitigations_already_exist"}]}
            """;

    @Test
    void openVexStatements() throws Exception {
        Feed vex = text("vex.openvex.json", OPENVEX);
        assertThat(vex.kind()).isEqualTo(FeedKind.OPENVEX);
        assertThat(vex.vex()).singleElement().satisfies(s -> {
            assertThat(s.product()).isEqualTo("purl:generic/openssl");
            assertThat(s.justification()).hasValue("inline-mitigations-already-exist");
            assertThat(s.timestamp()).isEqualTo("2026-10-06T00:00:00Z");
        });
    }

    @Test
    void badFilesAreRefusedWithTheirNameAndWhere() {
        assertThatThrownBy(() -> text("x.json", "{\n  \"id\": ,\n}"))
                .hasMessageStartingWith("x.json:2:")
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> text("x.json", "{\"hello\": 1}")).hasMessageContaining("not a format Mamori reads");
        assertThatThrownBy(() -> text("x.txt", "hello")).hasMessageContaining("not vulnerability data");
        assertThatThrownBy(() -> text("kev.json", "{\"catalogVersion\": \"1\", \"vulnerabilities\": [{}]}"))
                .hasMessageContaining("entry 0 of the catalog has no \"cveID\"");
        assertThatThrownBy(() -> text("e.csv", "cve,epss,percentile\nCVE-1,high,0.5\n"))
                .hasMessageStartingWith("e.csv:2:");
        assertThatThrownBy(() -> text("v.json", OPENVEX.replace("not_affected", "fine")))
                .hasMessageContaining("has status 'fine'");
        assertThatThrownBy(() -> text("c.json", "{\"document\": {\"csaf_version\": \"2.1\"}}"))
                .hasMessageContaining("Mamori reads CSAF 2.0");
    }

    @Test
    void aZipOfOsvRecordsIsReadEntryByEntry() throws IOException, FeedReader.BadFeed {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 1; i <= 3; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("GHSA-" + i + ".json"));
                zip.write(("{\"id\": \"GHSA-" + i + "\", \"modified\": \"2026-01-01T00:00:00Z\", \"affected\": []}")
                        .getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        List<Feed> feeds = FeedReader.read("npm.zip", bytes.toByteArray());
        assertThat(feeds.get(0).advisories()).extracting(Advisory::id).containsExactly("GHSA-1", "GHSA-2", "GHSA-3");
    }
}
