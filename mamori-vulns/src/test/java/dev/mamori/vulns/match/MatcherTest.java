package dev.mamori.vulns.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Ref;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Treatment;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.vulns.feed.Advisory;
import dev.mamori.vulns.feed.Affected;
import dev.mamori.vulns.feed.Epss;
import dev.mamori.vulns.feed.Exploited;
import dev.mamori.vulns.feed.VexStatement;
import dev.mamori.vulns.feed.VexStatement.Status;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.sbom.InstalledPackage;
import dev.mamori.vulns.sbom.Inventory;
import dev.mamori.vulns.sbom.ProductKey;
import dev.mamori.vulns.version.VersionRange;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatcherTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final SourceLocation AT = new SourceLocation("m.yaml", 3, 5);

    static InstalledPackage openssl(String version) {
        return new InstalledPackage(
                ProductKey.ofPurl("pkg:generic/openssl@" + version),
                List.of(ProductKey.ofCpe("cpe:2.3:a:openssl:openssl:" + version + ":*:*:*:*:*:*:*")),
                version,
                "pkg:generic/openssl@" + version,
                AT);
    }

    static Inventory inventory(InstalledPackage... packages) {
        return new Inventory(Map.of("s.cam", List.of(packages)), List.of());
    }

    /** NVD's CVE by CPE, and an OSV record of the same CVE by purl, fixed at different versions. */
    static List<Advisory> advisories() {
        return List.of(
                new Advisory(
                        "CVE-2022-3602",
                        List.of(),
                        "nvd.json",
                        "punycode overrun",
                        Optional.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
                        List.of(new Affected(
                                "cpe:a:openssl:openssl",
                                VersionRange.parse("vers:generic/>=3.0.0|<3.0.7"),
                                Optional.of("3.0.7")))),
                new Advisory(
                        "OSV-2022-1",
                        List.of("CVE-2022-3602"),
                        "osv.json",
                        "punycode overrun",
                        Optional.empty(),
                        List.of(new Affected(
                                "purl:generic/openssl",
                                VersionRange.parse("vers:generic/>=3.0.0|<3.0.8"),
                                Optional.of("3.0.8")))));
    }

    static VulnerabilityData data(List<VexStatement> vex) {
        return new VulnerabilityData(
                List.of(),
                advisories(),
                Map.of("CVE-2022-3602", new Exploited("CVE-2022-3602", "x", TODAY, Optional.empty(), false, "")),
                Map.of("CVE-2022-3602", new Epss("CVE-2022-3602", 0.05, 0.9)),
                vex);
    }

    static VexStatement vex(Optional<String> version, Status status, String timestamp) {
        return new VexStatement(
                "CVE-2022-3602",
                "purl:generic/openssl",
                version,
                status,
                Optional.of("component-not-present"),
                "vex-" + timestamp + ".json",
                timestamp);
    }

    static Treatment treatment(TreatmentStatus status, Optional<LocalDate> until) {
        return new Treatment(
                "known-exploited-vulnerability",
                Optional.of(new Ref("s.cam", null, AT)),
                status,
                Optional.empty(),
                "the code is not built in",
                until,
                Optional.empty(),
                new SourceLocation("m.yaml", 40, 5),
                Optional.of("CVE-2022-3602"),
                Optional.of("vulnerable-code-not-present"));
    }

    static Match only(VulnerabilityData data, List<Treatment> treatments, InstalledPackage pkg) {
        List<Match> matches = new Matcher(data).match(inventory(pkg), treatments, TODAY);
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    @Test
    void advisoriesOfOneCveFromSeveralSourcesAreOneMatchWithTheLowestFix() {
        Match m = only(data(List.of()), List.of(), openssl("3.0.5"));
        assertThat(m.id()).isEqualTo("CVE-2022-3602");
        assertThat(m.ids()).containsExactly("CVE-2022-3602", "OSV-2022-1");
        assertThat(m.fixed()).hasValue("3.0.7");
        assertThat(m.severity()).hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(7.5));
        assertThat(m.knownExploited()).isTrue();
        assertThat(m.epss()).isPresent();
        assertThat(m.affected()).isTrue();
    }

    @Test
    void versionsOutsideTheRangeDoNotMatch() {
        assertThat(new Matcher(data(List.of())).match(inventory(openssl("3.0.8"), openssl("1.1.1")), List.of(), TODAY))
                .isEmpty();
        // Only the OSV record still covers 3.0.7.
        assertThat(only(data(List.of()), List.of(), openssl("3.0.7")).ids())
                .containsExactly("CVE-2022-3602", "OSV-2022-1");
    }

    @Test
    void aVexStatementClearsAMatchAndTheLatestDocumentWins() {
        Match cleared = only(
                data(List.of(vex(Optional.empty(), Status.NOT_AFFECTED, "2026-01-01"))), List.of(), openssl("3.0.5"));
        assertThat(cleared.affected()).isFalse();
        assertThat(cleared.notAffected()).hasValueSatisfying(n -> assertThat(n).contains("component-not-present"));
        Match reopened = only(
                data(List.of(
                        vex(Optional.empty(), Status.NOT_AFFECTED, "2026-01-01"),
                        vex(Optional.empty(), Status.AFFECTED, "2026-02-01"))),
                List.of(),
                openssl("3.0.5"));
        assertThat(reopened.affected()).isTrue();
    }

    @Test
    void aStatementOnTheVersionBeatsOneOnTheProductAndOnATieAffectedWins() {
        Match specific = only(
                data(List.of(
                        vex(Optional.of("3.0.5"), Status.NOT_AFFECTED, "2026-01-01"),
                        vex(Optional.empty(), Status.AFFECTED, "2026-03-01"))),
                List.of(),
                openssl("3.0.5"));
        assertThat(specific.affected()).isFalse();
        Match otherVersion = only(
                data(List.of(vex(Optional.of("3.0.4"), Status.NOT_AFFECTED, "2026-01-01"))),
                List.of(),
                openssl("3.0.5"));
        assertThat(otherVersion.affected()).isTrue();
        Match tie = only(
                data(List.of(
                        vex(Optional.empty(), Status.NOT_AFFECTED, "2026-01-01"),
                        vex(Optional.empty(), Status.AFFECTED, "2026-01-01"))),
                List.of(),
                openssl("3.0.5"));
        assertThat(tie.affected()).isTrue();
    }

    @Test
    void aTreatmentOfTheModelBeatsEveryVexStatementUntilItLapses() {
        List<VexStatement> affected = List.of(vex(Optional.of("3.0.5"), Status.AFFECTED, "2026-05-01"));
        Match treated = only(
                data(affected), List.of(treatment(TreatmentStatus.NOT_APPLICABLE, Optional.empty())), openssl("3.0.5"));
        assertThat(treated.affected()).isFalse();
        assertThat(treated.notAffected())
                .hasValueSatisfying(n -> assertThat(n)
                        .contains("m.yaml:40:5")
                        .contains("vulnerable-code-not-present")
                        .contains("the code is not built in"));
        Match lapsed = only(
                data(affected),
                List.of(treatment(TreatmentStatus.NOT_APPLICABLE, Optional.of(TODAY.minusDays(1)))),
                openssl("3.0.5"));
        assertThat(lapsed.affected()).isTrue();
        Match accepted =
                only(data(affected), List.of(treatment(TreatmentStatus.ACCEPTED, Optional.empty())), openssl("3.0.5"));
        assertThat(accepted.affected())
                .as("an acceptance is not a statement that it is not affected")
                .isTrue();
    }

    @Test
    void cvssVectorsAreScoredAndReadForReachAndEffect() {
        Severity log4shell =
                Severity.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H").orElseThrow();
        assertThat(log4shell.score()).isEqualTo(10.0);
        assertThat(log4shell.rating()).isEqualTo("critical");
        assertThat(log4shell.remoteUnauthenticated()).isTrue();
        assertThat(log4shell.givesControl()).isTrue();
        Severity crash =
                Severity.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H").orElseThrow();
        assertThat(crash.crashOnly()).isTrue();
        assertThat(crash.givesControl()).isFalse();
        Severity read =
                Severity.of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N").orElseThrow();
        assertThat(read.crashOnly() || read.givesControl()).isFalse();
        assertThat(Severity.of("AV:N/AC:L/Au:N/C:P/I:P/A:P"))
                .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(7.5));
        assertThat(Severity.of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"))
                .hasValueSatisfying(s -> assertThat(s.score()).isEqualTo(9.3));
        assertThat(Severity.of("not a vector")).isEmpty();
    }

    /**
     * A CSAF relationship: the firmware is affected installed on the GC-10; a gate that declares
     * the GC-20 is not, and one that declares no hardware the advisory names is reported (which
     * device it is is not known). The agent's range is CSAF's vers-like form.
     */
    @Test
    void csafRelationshipsHoldOnTheirPlatformOnly() throws Exception {
        byte[] bytes;
        try (var in = MatcherTest.class.getResourceAsStream("/dev/mamori/vulns/feed/csaf-relationships.json")) {
            bytes = in.readAllBytes();
        }
        VulnerabilityData data =
                VulnerabilityData.of(dev.mamori.vulns.feed.FeedReader.read("csaf-relationships.json", bytes));
        java.util.function.Function<String, InstalledPackage> cpe = name -> new InstalledPackage(
                ProductKey.ofCpe(name),
                List.of(),
                ProductKey.ofCpe(name).version().orElseThrow(),
                name,
                AT);
        InstalledPackage firmware31 = cpe.apply("cpe:2.3:o:kaimon:gc_firmware:3.1:*:*:*:*:*:*:*");
        InstalledPackage firmware32 = cpe.apply("cpe:2.3:o:kaimon:gc_firmware:3.2:*:*:*:*:*:*:*");
        InstalledPackage gc10 = cpe.apply("cpe:2.3:h:kaimon:gc-10:rev-a:*:*:*:*:*:*:*");
        InstalledPackage gc10revB = cpe.apply("cpe:2.3:h:kaimon:gc-10:rev-b:*:*:*:*:*:*:*");
        InstalledPackage gc20 = cpe.apply("cpe:2.3:h:kaimon:gc-20:1:*:*:*:*:*:*:*");
        InstalledPackage agent141 = new InstalledPackage(
                ProductKey.ofPurl("pkg:npm/%40kaimon/gate-agent@1.4.1"), List.of(), "1.4.1", "agent", AT);
        InstalledPackage agent142 = new InstalledPackage(
                ProductKey.ofPurl("pkg:npm/%40kaimon/gate-agent@1.4.2"), List.of(), "1.4.2", "agent", AT);
        Map<String, List<InstalledPackage>> packages = new java.util.LinkedHashMap<>();
        packages.put("s.on-gc10", List.of(firmware31, gc10));
        packages.put("s.on-gc20", List.of(gc20, firmware31));
        packages.put("s.unknown-device", List.of(firmware31));
        packages.put("s.on-gc10-rev-b", List.of(firmware31, gc10revB));
        packages.put("s.patched", List.of(firmware32, gc10));
        packages.put("s.agents", List.of(agent141, agent142));
        List<Match> matches = new Matcher(data).match(new Inventory(packages, List.of()), List.of(), TODAY);
        assertThat(matches)
                .extracting(m -> m.component() + " " + m.pkg().version() + " " + m.id())
                .containsExactly(
                        "s.on-gc10 3.1 KAIMON-SA-2026-007",
                        "s.unknown-device 3.1 KAIMON-SA-2026-007",
                        "s.agents 1.4.1 KAIMON-SA-2026-007");
        assertThat(matches.get(0).severity()).map(Severity::score).hasValue(8.8);
    }

    /** An NVD configuration that holds only on given hardware (operator AND), in NVD's API 2.0 form. */
    static final String NVD_ON_HARDWARE = """
            {"resultsPerPage": 1, "startIndex": 0, "totalResults": 1, "format": "NVD_CVE", "version": "2.0",
             "timestamp": "2026-11-01T00:00:00.000",
             "vulnerabilities": [{"cve": {
               "id": "CVE-2026-99901", "sourceIdentifier": "psirt@kaimon.example", "published": "2026-10-20T00:00:00.000",
               "lastModified": "2026-10-21T00:00:00.000", "vulnStatus": "Analyzed",
               "descriptions": [{"lang": "en", "value": "An invented flaw of the tests: the maintenance service of GC firmware before 3.2 runs commands on GC-10 rev-a and GC-11 controllers."}],
               "configurations": [{"operator": "AND", "nodes": [
                 {"operator": "OR", "negate": false, "cpeMatch": [
                   {"vulnerable": true, "criteria": "cpe:2.3:o:kaimon:gc_firmware:*:*:*:*:*:*:*:*",
                    "versionEndExcluding": "3.2", "matchCriteriaId": "11111111-1111-1111-1111-111111111111"}]},
                 {"operator": "OR", "negate": false, "cpeMatch": [
                   {"vulnerable": false, "criteria": "cpe:2.3:h:kaimon:gc-10:rev-a:*:*:*:*:*:*:*",
                    "matchCriteriaId": "22222222-2222-2222-2222-222222222222"},
                   {"vulnerable": false, "criteria": "cpe:2.3:h:kaimon:gc-11:-:*:*:*:*:*:*:*",
                    "matchCriteriaId": "33333333-3333-3333-3333-333333333333"}]}]}]}}]}
            """;

    @Test
    void nvdConfigurationsThatHoldOnlyOnAPlatformAreMatchedThere() throws Exception {
        VulnerabilityData data = VulnerabilityData.of(dev.mamori.vulns.feed.FeedReader.read(
                "nvd.json", NVD_ON_HARDWARE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.util.function.Function<String, InstalledPackage> cpe = name -> new InstalledPackage(
                ProductKey.ofCpe(name),
                List.of(),
                ProductKey.ofCpe(name).version().orElse("-"),
                name,
                AT);
        InstalledPackage firmware = cpe.apply("cpe:2.3:o:kaimon:gc_firmware:3.1:*:*:*:*:*:*:*");
        Map<String, List<InstalledPackage>> packages = new java.util.LinkedHashMap<>();
        packages.put("s.gc10-rev-a", List.of(firmware, cpe.apply("cpe:2.3:h:kaimon:gc-10:rev-a:*:*:*:*:*:*:*")));
        packages.put("s.gc10-rev-b", List.of(firmware, cpe.apply("cpe:2.3:h:kaimon:gc-10:rev-b:*:*:*:*:*:*:*")));
        packages.put("s.gc11", List.of(firmware, cpe.apply("cpe:2.3:h:kaimon:gc-11:2:*:*:*:*:*:*:*")));
        packages.put("s.no-hardware-named", List.of(firmware));
        List<Match> matches = new Matcher(data).match(new Inventory(packages, List.of()), List.of(), TODAY);
        assertThat(matches)
                .extracting(Match::component)
                .containsExactly("s.gc10-rev-a", "s.gc11", "s.no-hardware-named");
        assertThat(matches).allSatisfy(m -> assertThat(m.ids()).containsExactly("CVE-2026-99901"));
    }

    static InstalledPackage cpe(String name) {
        return new InstalledPackage(
                ProductKey.ofCpe(name),
                List.of(),
                ProductKey.ofCpe(name).version().orElse("-"),
                name,
                AT);
    }

    /**
     * A CSAF VEX document whose statements are on a firmware installed on a device (product tree
     * relationships): firmware 3.1 on the GC-20, and every firmware before 3.2 on the GC-30, are not
     * affected by a flaw another source reports on the firmware wherever it runs. Each statement
     * clears the finding only on a component that runs that firmware on that device: not on the
     * GC-10, not where the device is not known, and not on another version of the firmware.
     */
    @Test
    void aVexStatementOnAFirmwareInstalledOnADeviceClearsItOnThatDeviceOnly() throws Exception {
        byte[] bytes;
        try (var in =
                MatcherTest.class.getResourceAsStream("/dev/mamori/vulns/feed/csaf-vex-firmware-on-device.json")) {
            bytes = in.readAllBytes();
        }
        assertThat(dev.mamori.vulns.Schemas.errors(
                        dev.mamori.vulns.Schemas.CSAF, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)))
                .isEmpty();
        List<dev.mamori.vulns.feed.Feed> feeds =
                new java.util.ArrayList<>(dev.mamori.vulns.feed.FeedReader.read("vex-on-device.json", bytes));
        // The same flaw as a source without hardware reports it: the firmware before 3.2, wherever it runs.
        feeds.add(new dev.mamori.vulns.feed.Feed(
                dev.mamori.vulns.feed.FeedKind.NVD,
                "nvd.json",
                Optional.of("2026-10-21"),
                List.of(new Advisory(
                        "CVE-2026-99901",
                        List.of(),
                        "nvd.json",
                        "maintenance service command injection",
                        Optional.of("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
                        List.of(new Affected(
                                "cpe:o:kaimon:gc_firmware",
                                VersionRange.parse("vers:generic/<3.2"),
                                Optional.of("3.2"))))),
                List.of(),
                List.of(),
                List.of()));
        VulnerabilityData data = VulnerabilityData.of(feeds);
        assertThat(data.vex())
                .extracting(v -> v.product() + " " + v.version().orElse("")
                        + v.range().map(r -> " " + r).orElse("")
                        + " on " + v.platform().orElseThrow().product() + " " + v.status())
                .containsExactlyInAnyOrder(
                        "cpe:o:kaimon:gc_firmware 3.1 on cpe:h:kaimon:gc-20 NOT_AFFECTED",
                        "cpe:o:kaimon:gc_firmware  vers:generic/<3.2 on cpe:h:kaimon:gc-30 NOT_AFFECTED");
        InstalledPackage firmware31 = cpe("cpe:2.3:o:kaimon:gc_firmware:3.1:*:*:*:*:*:*:*");
        InstalledPackage firmware30 = cpe("cpe:2.3:o:kaimon:gc_firmware:3.0:*:*:*:*:*:*:*");
        InstalledPackage gc10 = cpe("cpe:2.3:h:kaimon:gc-10:-:*:*:*:*:*:*:*");
        InstalledPackage gc20 = cpe("cpe:2.3:h:kaimon:gc-20:-:*:*:*:*:*:*:*");
        InstalledPackage gc30 = cpe("cpe:2.3:h:kaimon:gc-30:-:*:*:*:*:*:*:*");
        Map<String, List<InstalledPackage>> packages = new java.util.LinkedHashMap<>();
        packages.put("s.fw31-on-gc10", List.of(firmware31, gc10));
        packages.put("s.fw31-on-gc20", List.of(gc20, firmware31));
        packages.put("s.fw31-device-unknown", List.of(firmware31));
        packages.put("s.fw30-on-gc20", List.of(firmware30, gc20));
        packages.put("s.fw30-on-gc30", List.of(firmware30, gc30));
        packages.put("s.fw31-on-gc30", List.of(firmware31, gc30));
        List<Match> matches = new Matcher(data).match(new Inventory(packages, List.of()), List.of(), TODAY);
        assertThat(matches)
                .extracting(m -> m.component() + " " + m.id() + " " + (m.affected() ? "affected" : "cleared"))
                .containsExactly(
                        "s.fw31-on-gc10 CVE-2026-99901 affected",
                        "s.fw31-on-gc20 CVE-2026-99901 cleared",
                        "s.fw31-device-unknown CVE-2026-99901 affected",
                        "s.fw30-on-gc20 CVE-2026-99901 affected",
                        "s.fw30-on-gc30 CVE-2026-99901 cleared",
                        "s.fw31-on-gc30 CVE-2026-99901 cleared");
        assertThat(matches.get(1).notAffected())
                .hasValue("not affected on cpe:h:kaimon:gc-20 according to vex-on-device.json"
                        + " (vulnerable-code-not-in-execute-path)");
        // The vendor's own affected statement joins the other source's on the GC-10.
        assertThat(matches.get(0).ids()).containsExactly("CVE-2026-99901", "KAIMON-VEX-2026-008");
    }

    /**
     * A bill of materials several components share (a fleet split into groups, each naming the
     * same file) is looked up once, and each component still gets its matches; a treatment that
     * names one of them clears that one only. A list that is equal but not shared is looked up on
     * its own.
     */
    @Test
    void aPackageListSharedByComponentsIsLookedUpOnceAndMatchedForEach() {
        List<InstalledPackage> bom = List.of(openssl("3.0.5"), openssl("1.1.1"), openssl("3.0.6"));
        Map<String, List<InstalledPackage>> packages = new java.util.LinkedHashMap<>();
        packages.put("s.cam", bom);
        packages.put("t.cams-north", bom);
        packages.put("t.cams-south", bom);
        packages.put("u.own", List.copyOf(new java.util.ArrayList<>(bom)));
        Inventory inventory = new Inventory(packages, List.of());
        assertThat(inventory.packages().get("t.cams-north"))
                .isSameAs(inventory.packages().get("s.cam"));
        Matcher matcher = new Matcher(data(List.of()));
        List<Match> matches =
                matcher.match(inventory, List.of(treatment(TreatmentStatus.NOT_APPLICABLE, Optional.empty())), TODAY);
        assertThat(matcher.packagesLookedUp()).isEqualTo(2 * bom.size());
        assertThat(matches)
                .extracting(
                        m -> m.component() + " " + m.pkg().version() + " " + (m.affected() ? "affected" : "cleared"))
                .containsExactly(
                        "s.cam 3.0.5 cleared",
                        "s.cam 3.0.6 cleared",
                        "t.cams-north 3.0.5 affected",
                        "t.cams-north 3.0.6 affected",
                        "t.cams-south 3.0.5 affected",
                        "t.cams-south 3.0.6 affected",
                        "u.own 3.0.5 affected",
                        "u.own 3.0.6 affected");
        // The shared list's matches are the same as the list's own, component for component.
        assertThat(matches.subList(2, 4))
                .extracting(Match::vulnerability)
                .containsExactlyElementsOf(
                        matches.subList(6, 8).stream().map(Match::vulnerability).toList());
    }
}
