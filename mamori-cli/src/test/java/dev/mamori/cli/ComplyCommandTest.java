package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplyCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            mamori: 1
            landscape: Plug maker
            jurisdictions: [uk]
            stakeholders:
              maker: { roles: [manufacturer, operator] }
            systems:
              plug:
                owner: maker
                category: consumer
                components:
                  unit: { kind: appliance, manufacturer: maker, credentials: default-shared, update: signed-automatic, exposure: [adjacent] }
                controls:
                  - { requirement: login-throttling, on: [unit], evidence: lockout test LT-1 }
            """;

    /** The same unit, paired with a phone over Bluetooth: radio equipment, which the RED binds. */
    private static final String RADIO_MODEL = MODEL.replace(
            "    controls:\n",
            "      phone: { kind: phone, manufacturer: maker }\n"
                    + "    flows:\n"
                    + "      - { from: phone, to: unit, protocol: ble, encryption: ble-secure, authentication: pairing }\n"
                    + "    controls:\n");

    @Test
    void theRedDelegatedRegulationBindsOnlyASystemWhoseModelShowsARadioLink() throws Exception {
        // After the RED's first day, before the CRA's reporting obligations.
        assertThat(RADIO_MODEL).isNotEqualTo(MODEL);
        Files.writeString(dir.resolve("m.yaml"), MODEL.replace("jurisdictions: [uk]", "jurisdictions: [eu]"));
        Cli wired = Cli.run(dir, "comply", "m.yaml", "--fail-on", "statutory", "--today", "2026-01-15");
        assertThat(wired.exitCode()).as(wired.err()).isZero();
        assertThat(wired.out())
                .contains("not-satisfied  essential  no-universal-default-passwords")
                .contains("Delegated Regulation (EU) 2022/30")
                .contains("does not bind plug: it has no flows over radio");
        Files.writeString(dir.resolve("m.yaml"), RADIO_MODEL.replace("jurisdictions: [uk]", "jurisdictions: [eu]"));
        Cli radio = Cli.run(dir, "comply", "m.yaml", "--fail-on", "statutory", "--today", "2026-01-15");
        assertThat(radio.exitCode()).as("the gate under the RED").isEqualTo(4);
        assertThat(radio.out())
                .contains("not-satisfied  statutory  no-universal-default-passwords")
                .doesNotContain("does not bind plug");
    }

    @Test
    void theBundledExampleIsCheckedWithCoveragePerStandard() {
        Cli cli = Cli.inRepository("comply", "--today", "2026-11-22");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Requirements catalog mamori 2026.2, jurisdictions: jp")
                .contains("access (examples/venue/access.yaml:")
                .contains("ETSI EN 303 645 V3.1.3 (2024-09) mandatory provisions: ")
                .contains("EU Cyber Resilience Act");
    }

    @Test
    void aStatutoryRequirementNotMetFailsTheGateAndSaysWhyWhereAndHowToFix() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--fail-on", "statutory", "--today", "2026-11-22");
        assertThat(cli.exitCode()).as("the gate's exit code").isEqualTo(4);
        assertThat(cli.err()).contains("at or above statutory not satisfied");
        assertThat(cli.out())
                .contains("not-satisfied  statutory  no-universal-default-passwords")
                .contains("statutory in uk: UK Product Security and Telecommunications Infrastructure regime")
                .contains("m.yaml:11 plug.unit: default-credentials:")
                .contains("fix: Give every unit its own password");
    }

    @Test
    void aLawNotYetInForceNeverFailsTheGateAndIsAnnouncedAYearAhead() throws Exception {
        // Under EU law alone, the shared password of a unit with a radio link is statutory from the
        // RED delegated regulation's first day (2025-08-01), not before.
        Files.writeString(dir.resolve("m.yaml"), RADIO_MODEL.replace("jurisdictions: [uk]", "jurisdictions: [eu]"));
        Cli before = Cli.run(dir, "comply", "m.yaml", "--fail-on", "statutory", "--today", "2025-07-31");
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out())
                .contains("not-satisfied  essential  no-universal-default-passwords")
                .contains("not yet in force: statutory in eu from 2025-08-01: EU Radio Equipment Directive,"
                        + " Delegated Regulation (EU) 2022/30")
                .contains("becomes binding within 12 months:")
                .contains("2025-08-01  statutory  no-universal-default-passwords — in eu: EU Radio Equipment")
                .doesNotContain("2026-09-11  statutory")
                .doesNotContain("2027-12-11  statutory");
        // The CRA's reporting obligations come into the twelve months' view before their day.
        assertThat(Cli.run(dir, "comply", "m.yaml", "--all", "--today", "2025-09-11")
                        .out())
                .contains("2026-09-11  statutory  vulnerability-handling — in eu: EU Cyber Resilience Act"
                        + " (Regulation (EU) 2024/2847), Article 14");
        Cli on = Cli.run(dir, "comply", "m.yaml", "--fail-on", "statutory", "--today", "2025-08-01");
        assertThat(on.exitCode()).as("the gate on the regime's first day").isEqualTo(4);
        assertThat(on.out())
                .contains("not-satisfied  statutory  no-universal-default-passwords")
                .contains("statutory in eu: EU Radio Equipment Directive, Delegated Regulation (EU) 2022/30")
                .contains("(applies since 2025-08-01)");
        // A year before the CRA's Annex I applies, it is announced; on its day it binds.
        Cli ahead = Cli.run(dir, "comply", "m.yaml", "--all", "--today", "2026-12-11");
        assertThat(ahead.out())
                .contains("2027-12-11  statutory  defined-support-period — in eu: EU Cyber Resilience Act")
                // statutory under the RED delegated regulation already: the CRA changes nothing for it
                .doesNotContain("2027-12-11  statutory  no-universal-default-passwords")
                .contains("statutory in eu: EU Cyber Resilience Act (Regulation (EU) 2024/2847), Article 14");
        Cli cra = Cli.run(dir, "comply", "m.yaml", "--all", "--today", "2027-12-11");
        assertThat(cra.out())
                .contains("statutory  defined-support-period")
                .doesNotContain("becomes binding within 12 months:");
    }

    @Test
    void theJsonNamesVerdictsEvidenceAndCoverage() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Cli cli =
                Cli.run(dir, "comply", "m.yaml", "--format", "json", "--standard", "uk-psti", "--today", "2026-11-22");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode system = new ObjectMapper()
                .readTree(cli.out())
                .get("compliance")
                .get("systems")
                .get(0);
        assertThat(system.get("profile").asText()).isEqualTo("consumer");
        JsonNode passwords = null;
        for (JsonNode r : system.get("requirements")) {
            if (r.get("requirement").asText().equals("no-universal-default-passwords")) {
                passwords = r;
            }
        }
        assertThat(passwords.get("obligation").asText()).isEqualTo("statutory");
        assertThat(passwords.get("verdict").asText()).isEqualTo("not-satisfied");
        JsonNode perUnit = passwords.get("means").get(0);
        assertThat(perUnit.get("findings").get(0).get("rule").asText()).isEqualTo("default-credentials");
        assertThat(perUnit.get("elements").get(0).get("location").get("line").asInt())
                .isEqualTo(11);
        JsonNode psti = system.get("coverage").get(0);
        assertThat(psti.get("standard").asText()).isEqualTo("uk-psti");
        java.util.Map<String, JsonNode> details = new java.util.HashMap<>();
        psti.get("details").forEach(item -> details.put(item.get("id").asText(), item));
        assertThat(details.get("Sch1-1(2)").get("verdict").asText()).isEqualTo("not-satisfied");
        // An item left out on purpose says so, with the reason, where a missing one would not.
        assertThat(details.get("Sch1-1(4)").get("outOfScope").asBoolean()).isTrue();
        assertThat(details.get("Sch1-1(2)").has("outOfScope")).isFalse();
        assertThat(details.get("Sch1-1(4)").get("reason").asText())
                .startsWith("out of the catalog's scope (says what does not count as a password");
    }

    @Test
    void oscalDocumentsAreWrittenIntoTheDirectoryTheSameOnEveryRun() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--format", "oscal", "-o", "oscal", "--today", "2026-11-22");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("mamori: wrote oscal/catalog.json").contains("mamori: wrote oscal/poam.json");
        try (var files = Files.list(dir.resolve("oscal"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "catalog.json", "profile-consumer.json", "assessment-results.json", "poam.json");
        }
        JsonNode results = new ObjectMapper()
                .readTree(dir.resolve("oscal/assessment-results.json").toFile());
        assertThat(results.at("/assessment-results/metadata/last-modified").asText())
                .isEqualTo("2026-11-22T00:00:00Z");
        assertThat(results.at("/assessment-results/results/0/title").asText())
                .isEqualTo("plug against profile consumer");
        String first = Files.readString(dir.resolve("oscal/assessment-results.json"));
        String poam = Files.readString(dir.resolve("oscal/poam.json"));
        assertThat(poam).contains("Give every unit its own password").contains("m.yaml#L11");
        assertThat(Cli.run(dir, "comply", "m.yaml", "--format", "oscal", "-o", "oscal", "--today", "2026-11-22")
                        .exitCode())
                .isZero();
        assertThat(Files.readString(dir.resolve("oscal/assessment-results.json")))
                .isEqualTo(first);
        assertThat(Files.readString(dir.resolve("oscal/poam.json"))).isEqualTo(poam);
    }

    @Test
    void oscalNeedsADirectory() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--format", "oscal");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("name a directory with -o DIR");
        assertThat(Cli.run(dir, "comply", "m.yaml", "--format", "oscal", "-o", "m.yaml")
                        .exitCode())
                .isEqualTo(2);
    }

    @Test
    void theEtsiConformanceStatementHasOneRowPerProvision() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--format", "ics", "--standard", "etsi-en-303-645-v2.1.1");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().filter(l -> l.matches("\\| [0-9].*"))).hasSize(68);
        assertThat(cli.out())
                .contains("| **5.1** | | **No universal default passwords** | | |")
                .contains(
                        "| 5.1-1 | M C 1 | Passwords unique per unit or set by the user | N | not met: per-unit-passwords")
                .contains("| 5.1-5 | M C 2 | Brute-force attempts on network logins are impractical | Y |")
                .contains("1. the system has components that log in with passwords")
                .contains("## To be confirmed by the manufacturer")
                .doesNotContain("| ? |");
    }

    @Test
    void aControlNamingAnUnknownRequirementIsALocatedErrorWithASuggestion() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL.replace("login-throttling", "login-throtling"));
        Cli cli = Cli.run(dir, "validate", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .contains("m.yaml:13:9: error: control names 'login-throtling'")
                .contains("did you mean 'login-throttling'?");
    }

    @Test
    void anUnknownProfileOrStandardIsAUsageError() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        assertThat(Cli.run(dir, "comply", "m.yaml", "--profile", "consumr").exitCode())
                .isEqualTo(2);
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--standard", "etsi");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no standard 'etsi'");
    }

    @Test
    void aLandscapeCatalogFileAddsRequirementsItsControlsCanName() throws Exception {
        Files.writeString(dir.resolve("own.yaml"), TestModels.OWN_CATALOG);
        Files.writeString(
                dir.resolve("m.yaml"),
                MODEL.replace("jurisdictions: [uk]", "jurisdictions: [uk]\ncatalogs: [own.yaml]")
                        .replace("category: consumer", "category: consumer\n    profile: our-consumer")
                        .replace(
                                "evidence: lockout test LT-1 }",
                                "evidence: lockout test LT-1 }\n      - { requirement: lab-pass, evidence: lab report 12 }"));
        Cli cli = Cli.run(dir, "comply", "m.yaml", "--all");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("profile our-consumer, named by the system")
                .contains("satisfied      essential  plug-label");
    }

    @Test
    void aRegimeReplacedOnADayBindsUpToThatDayAndNotAfter() throws Exception {
        Files.writeString(dir.resolve("own.yaml"), """
                profiles:
                  replaced:
                    title: Consumer, under a scheme that ended
                    extends: consumer
                    jurisdictions:
                      uk:
                        regimes:
                          old-scheme:
                            regime: An earlier labelling scheme (example)
                            applies-from: 2020-01-01
                            applies-until: 2025-12-31
                            statutory: [independent-assurance]
                """);
        Files.writeString(
                dir.resolve("m.yaml"),
                MODEL.replace("jurisdictions: [uk]", "jurisdictions: [uk]\ncatalogs: [own.yaml]")
                        .replace("category: consumer", "category: consumer\n    profile: replaced"));
        Cli last = Cli.run(dir, "comply", "m.yaml", "--all", "--today", "2025-12-31");
        assertThat(last.out())
                .contains("statutory  independent-assurance")
                .contains("statutory in uk: An earlier labelling scheme (example) (applies since 2020-01-01, until"
                        + " 2025-12-31)");
        Cli after = Cli.run(dir, "comply", "m.yaml", "--all", "--today", "2026-01-01");
        assertThat(after.out())
                .contains("additional independent-assurance")
                .doesNotContain("An earlier labelling scheme");
    }

    @Test
    void catalogDiffShowsWhatChangedBetweenVersions() throws Exception {
        Files.writeString(dir.resolve("old.yaml"), """
                catalog: mamori
                version: "2025.1"
                requirements:
                  secure-update:
                    title: Updates
                    statement: Software can be updated.
                    properties: [I]
                    phase: operate
                    means:
                      update-mechanism: { title: An update path, statement: x, applies-to: devices, verify: { rules: [no-update-path] } }
                      vendor-push: { title: Vendor push, statement: y, applies-to: devices, verify: { review: ask } }
                """);
        Cli cli = Cli.run(dir, "catalog", "diff", "old.yaml", "builtin");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("From mamori 2025.1 to mamori 2026.2")
                .containsPattern("added +no-universal-default-passwords")
                .containsPattern("added +signed-updates")
                .containsPattern("removed +vendor-push")
                .containsPattern("changed +secure-update +requirement title, statement, properties, crosswalk")
                .containsPattern("changed +update-mechanism +means wording, applies-to devices -> updatable-devices");
    }

    @Test
    void catalogCoverageCountsWhatTheCrosswalkReachesPerStandardAndListsTheRest() throws Exception {
        Cli cli = Cli.run(dir, "catalog", "--coverage");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // The counts themselves are StandardCoverageTest's; here, how they are printed.
        assertThat(cli.out())
                .contains("ETSI EN 303 645 V2.1.1 (2020-06): 68 / 68 (100 %), mandatory 33 / 33\n")
                .contains("ETSI EN 303 645 V3.1.3 (2024-09): 75 / 78 (96 %), mandatory 36 / 36\n")
                .contains(
                        "IEC 62443-4-2:2019, component security requirements (CR, by FR1-FR7): 134 / 137 (98 %), 3 out of scope\n")
                .contains("  missing (no requirement or means of the catalog covers it yet):\n"
                        + "    5.3-4B [RF] Second part of the V3 split of 5.3-4 (topic not confirmed) ? unverified\n")
                .contains("  out of scope (left out on purpose):\n"
                        + "    Sch1-1(1) Scope: hardware and software categories covered\n"
                        + "      why: sets which products paragraph 1 covers");
        // A decision is never listed as missing work, nor the other way round.
        String psti = cli.out().substring(cli.out().indexOf("UK PSTI"));
        psti = psti.substring(0, psti.indexOf("\n\n"));
        assertThat(psti)
                .doesNotContain("missing (")
                .contains("UK PSTI Regulations 2023 (SI 2023/1007), Schedules 1 and 2: 16 / 23 (70 %), 7 out of scope");
    }

    @Test
    void aCrosswalkIdTheReferenceListCouldNotCheckIsMarkedUnverified() throws Exception {
        Cli cli = Cli.run(dir, "catalog", "authenticated-access");
        assertThat(cli.out())
                .contains("nist-ir-8425 IAC.1.b (intersects) ? unverified: not checked against the primary document")
                .contains("nist-ir-8425 IAC.1 (intersects)\n");
    }

    @Test
    void catalogSchemaPrintsTheJsonSchemaOfCatalogFiles() throws Exception {
        Cli cli = Cli.run(dir, "catalog", "schema");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode schema = new ObjectMapper().readTree(cli.out());
        assertThat(schema.path("$schema").asText()).contains("json-schema.org");
        assertThat(schema.toString()).contains("requirements", "profiles", "means");
    }
}
