package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.risk.Property;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = CatalogReader.builtIn();

    @Test
    void builtInCatalogHasBetweenFifteenAndFortyRequirementsEachWithMeans() {
        assertThat(catalog.requirements()).hasSizeBetween(15, 40);
        for (Requirement r : catalog.requirements().values()) {
            assertThat(r.means()).as(r.id()).isNotEmpty();
            assertThat(r.properties()).as(r.id()).isNotEmpty();
            assertThat(r.statement()).as(r.id()).isNotBlank();
            assertThat(r.validFrom()).as(r.id()).isPresent();
            for (Means m : r.means()) {
                assertThat(m.statement()).as(m.id()).isNotBlank();
                if (m.verify() instanceof Verification.FromModel model) {
                    assertThat(model.rules()).as(m.id()).isNotEmpty();
                } else if (m.verify() instanceof Verification.FromControl control) {
                    assertThat(control.evidence()).as(m.id()).isNotBlank();
                } else if (m.verify() instanceof Verification.ByPerson person) {
                    assertThat(person.lookAt()).as(m.id()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyPropertyAndEveryVerificationMethodIsUsed() {
        Set<Property> properties = catalog.requirements().values().stream()
                .flatMap(r -> r.properties().stream())
                .collect(Collectors.toSet());
        assertThat(properties).containsExactlyInAnyOrder(Property.values());
        assertThat(catalog.means().stream().map(m -> m.verify().method()).distinct())
                .containsExactlyInAnyOrder("model", "control", "review");
    }

    @Test
    void everyCrosswalkIdExistsInItsStandardsIdList() {
        int mappings = 0;
        for (Catalog.Mapped mapped : catalog.mappings()) {
            Mapping m = mapped.mapping();
            Standard standard = catalog.standards().get(m.standard());
            assertThat(standard).as(m.standard()).isNotNull();
            assertThat(standard.items())
                    .as(mapped.owner() + " -> " + m.standard())
                    .containsKey(m.id());
            mappings++;
        }
        assertThat(mappings).isGreaterThan(150);
    }

    @Test
    void everyStandardOfTheIssueIsCrosswalked() {
        Set<String> used =
                catalog.mappings().stream().map(m -> m.mapping().standard()).collect(Collectors.toSet());
        assertThat(used)
                .contains(
                        "etsi-en-303-645-v2.1.1",
                        "etsi-en-303-645-v3.1.3",
                        "nist-ir-8259a",
                        "nist-ir-8425",
                        "iec-62443-3-3",
                        "iec-62443-4-2",
                        "eu-cra-annex-i",
                        "uk-psti",
                        "jp-iot-security-guidelines",
                        "owasp-iot-top10-2018");
    }

    @Test
    void everyFr1ToFr7OfIec62443IsReachedAndEveryCraAnnexIItem() {
        Set<String> frs = new HashSet<>();
        Set<String> cra = new HashSet<>();
        for (Requirement r : catalog.requirements().values()) {
            for (Mapping m : r.crosswalk()) {
                if (m.standard().startsWith("iec-62443")) {
                    frs.add(catalog.standards()
                            .get(m.standard())
                            .items()
                            .get(m.id())
                            .group()
                            .substring(0, 3));
                }
                if (m.standard().equals("eu-cra-annex-i")) {
                    cra.add(m.id());
                }
            }
        }
        assertThat(frs).containsExactlyInAnyOrder("FR1", "FR2", "FR3", "FR4", "FR5", "FR6", "FR7");
        assertThat(cra)
                .containsAll(catalog.standards().get("eu-cra-annex-i").items().keySet());
    }

    @Test
    void standardsMatchTheProjectsIdListsInCountAndStatus() {
        assertThat(catalog.standards().get("etsi-en-303-645-v2.1.1").items()).hasSize(68);
        assertThat(catalog.standards().get("etsi-en-303-645-v3.1.3").items()).hasSize(78);
        Map<String, Standard.Item> v2 =
                catalog.standards().get("etsi-en-303-645-v2.1.1").items();
        assertThat(v2.values().stream().filter(Standard.Item::mandatory)).hasSize(33);
        assertThat(v2.get("5.1-1").status()).contains("MC");
        assertThat(catalog.standards()
                        .get("iec-62443-3-3")
                        .item("SR 5.1")
                        .orElseThrow()
                        .group())
                .startsWith("FR5");
    }

    @Test
    void everyProfileNamesOnlyKnownRequirementsAndEachRequirementIsInSomeProfile() {
        Set<String> inProfiles = new HashSet<>();
        catalog.profiles().values().forEach(p -> inProfiles.addAll(p.base().keySet()));
        assertThat(catalog.requirements().keySet()).allMatch(inProfiles::contains);
        assertThat(catalog.profiles())
                .containsKeys(
                        "baseline",
                        "consumer",
                        "enterprise",
                        "industrial",
                        "critical-infrastructure",
                        "medical",
                        "automotive",
                        "public-event");
        assertThat(catalog.jurisdictions()).containsOnlyKeys("eu", "uk", "us", "jp");
    }

    @Test
    void oneRequirementIsStatutoryUnderOneJurisdictionAndEssentialElsewhere() {
        Profile consumer = catalog.profiles().get("consumer");
        assertThat(consumer.base()).containsEntry("defined-support-period", Obligation.ESSENTIAL);
        assertThat(consumer.byJurisdiction().get("uk").obligations())
                .containsEntry("defined-support-period", Obligation.STATUTORY);
    }

    // ---- bad catalog files: located, explained --------------------------------------------

    private static CatalogReader.Result extend(String yaml) {
        return CatalogReader.extend(
                CatalogReader.builtIn(),
                List.of(new CatalogReader.Source("own.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> messages(CatalogReader.Result result) {
        return result.diagnostics().stream().map(Object::toString).toList();
    }

    @Test
    void aCrosswalkToAnIdTheStandardDoesNotHaveIsLocatedWithASuggestion() {
        CatalogReader.Result result = extend("""
                requirements:
                  own-req:
                    title: Own
                    statement: Something holds.
                    phase: design
                    means:
                      own-means: { title: T, statement: S, applies-to: devices, verify: { review: look } }
                    crosswalk:
                      etsi-en-303-645-v2.1.1: { equivalent: [5.1-9] }
                      iec-62443-3-3: { subset: [SR 9.9] }
                      etsi-en-303-645-v9: { equivalent: [5.1-1] }
                """);
        assertThat(result.valid()).isFalse();
        assertThat(messages(result))
                .anySatisfy(m ->
                        assertThat(m).contains("own.yaml:9:").contains("has no item '5.1-9'; did you mean '5.1-1'?"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:10:").contains("'SR 9.9'"))
                .anySatisfy(m -> assertThat(m)
                        .contains("own.yaml:11:")
                        .contains("no standard 'etsi-en-303-645-v9'; expected one of: etsi-en-303-645-v2.1.1"));
    }

    @Test
    void unknownKeysConditionsRulesAndRedefinitionsAreReported() {
        CatalogReader.Result result = extend("""
                requirements:
                  secure-update:
                    title: Again
                    statement: x
                    phase: design
                    means: { m1: { title: t, statement: s, applies-to: devices, verify: { review: r } } }
                  own-req:
                    title: Own
                    statment: typo
                    phase: designing
                    means:
                      own-means: { title: T, statement: S, applies-to: device, verify: { rules: [no-secure-bot] } }
                      own-two: { title: T, statement: S, applies-to: devices, verify: { rules: [no-secure-boot], review: r } }
                profiles:
                  own-profile: { title: Own, extends: consumr, essential: [own-reqq] }
                """);
        assertThat(messages(result))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:2:").contains("already used"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:9:").contains("did you mean 'statement'"))
                .anySatisfy(m -> assertThat(m)
                        .contains("own.yaml:10:")
                        .contains("'designing' is not a valid phase; did you mean 'design'?"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:12:").contains("did you mean 'devices'"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:12:").contains("did you mean 'no-secure-boot'"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:13:").contains("verified one way"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:15:").contains("did you mean 'consumer'"))
                .anySatisfy(m -> assertThat(m).contains("own.yaml:15:").contains("did you mean 'own-req'"));
    }

    @Test
    void aLandscapeCatalogAddsRequirementsAndAProfileThatExtendsABuiltInOne() {
        CatalogReader.Result result = extend("""
                catalog: stadium-rules
                version: "2026.2"
                requirements:
                  crowd-display-integrity:
                    title: Crowd displays show only what operations sends
                    statement: Public displays accept content only from the operations system.
                    properties: [S, I]
                    phase: operate
                    valid-from: "2026.2"
                    means:
                      signed-display-content:
                        title: Signed content
                        statement: Displays check a signature on each content update.
                        applies-to: devices
                        verify: { control: "the content signing configuration" }
                profiles:
                  stadium:
                    title: Our stadium
                    extends: public-event
                    essential: [crowd-display-integrity]
                """);
        assertThat(messages(result)).isEmpty();
        Catalog extended = result.catalog();
        assertThat(extended.requirements()).containsKey("crowd-display-integrity");
        assertThat(extended.profiles().get("stadium").base())
                .containsEntry("crowd-display-integrity", Obligation.ESSENTIAL)
                .containsEntry("safe-actuation", Obligation.ESSENTIAL);
        assertThat(extended.profiles().get("stadium").securityLevels()).isTrue();
    }

    @Test
    void everyProblemOfACatalogFileIsReportedLocatedInOneRun() {
        CatalogReader.Result result = extend("""
                catalg: x
                version: 2026
                requirements:
                  own-req:
                    title: [a, b]
                    statement: x
                    properties: [S, X]
                    phase: design
                    met-when: some
                    valid-from: soon
                    superseded-by: nothing-here
                    means:
                      Own_Means: { title: T, statement: S, applies-to: devices, security-level: 7, verify: { rules: [no-secure-boot], facts: [boot] } }
                      m2: { title: T, statement: S, applies-to: devices, verify: { control: x, facts: [update] } }
                      m3: { title: T, statement: S, applies-to: devices, verify: { } }
                      m4: { title: T, applies-to: devices }
                    crosswalk:
                      iec-62443-3-3: { equal: [SR 1.1] }
                  req2:
                    title: t
                    statement: s
                    phase: design
                    means: {}
                  req3:
                profiles:
                  p1: { title: P, security-levels: yes, jurisdictions: { uk: { applies-from: 2024-13-01, regim: x } } }
                jurisdictions:
                  mars: { name: Mars }
                """);
        assertThat(messages(result))
                .containsExactly(
                        "own.yaml:1:1: error: unknown key 'catalg' in a catalog file; did you mean 'catalog'?",
                        "own.yaml:2:10: error: '2026' is not a catalog version; write YEAR.N, like 2026.1",
                        "own.yaml:5:12: error: 'title' should be text, found a list",
                        "own.yaml:7:21: error: 'X' is not a valid properties; did you mean 'A'?; expected one of: S, C,"
                                + " I, A",
                        "own.yaml:9:15: error: 'some' is not a valid met-when; expected one of: all, any",
                        "own.yaml:10:17: error: 'soon' is not a catalog version; write YEAR.N, like 2026.1",
                        "own.yaml:11:20: error: superseded-by names 'nothing-here', which is neither a requirement nor"
                                + " a means of the catalog",
                        // A badly written id is reported, and the entry is still read: its own problems follow.
                        "own.yaml:13:7: error: 'Own_Means' is not a valid id for a means; write it in kebab case, like"
                                + " secure-update",
                        "own.yaml:13:81: error: 'security-level' is 7, expected a whole number from 1 to 4",
                        "own.yaml:13:127: error: 'boot' is not a valid facts; expected one of: credentials, update,"
                                + " secure-boot, logging",
                        "own.yaml:14:87: error: 'facts' go with 'rules'",
                        "own.yaml:15:66: error: a means is verified one way: 'rules' (from the model), 'control' (the"
                                + " evidence a declared control must name) or 'review' (what a person looks at);"
                                + " found 0",
                        "own.yaml:16:7: error: this means lacks the required key 'statement' (what must hold, in our"
                                + " own words)",
                        "own.yaml:16:7: error: this means lacks the required key 'verify' (how it is verified)",
                        "own.yaml:18:24: error: unknown key 'equal' in a crosswalk; expected one of: equivalent,"
                                + " subset, superset, intersects",
                        "own.yaml:23:12: error: a requirement needs at least one means",
                        "own.yaml:24:3: error: this requirement lacks the required key 'means' (its means, at least"
                                + " one; their ids share one set with the requirements')",
                        "own.yaml:24:3: error: this requirement lacks the required key 'phase' (the lifecycle phase it"
                                + " belongs to)",
                        "own.yaml:24:3: error: this requirement lacks the required key 'statement' (what must hold, in"
                                + " our own words)",
                        "own.yaml:24:3: error: this requirement lacks the required key 'title' (a short name)",
                        "own.yaml:26:36: error: 'security-levels' is 'yes'; write true or false (YAML 1.1 words such"
                                + " as yes, no, on and off are not read as booleans, to avoid surprises)",
                        "own.yaml:26:78: error: 'applies-from' is '2024-13-01', which is no day of the calendar;"
                                + " expected a date like 2026-01-31",
                        "own.yaml:26:90: error: unknown key 'regim' in a profile jurisdiction; did you mean"
                                + " 'regime'?",
                        "own.yaml:28:3: error: this jurisdiction lacks the required key 'regime' (the law or scheme"
                                + " that makes requirements statutory or expected there)");
    }

    @Test
    void duplicateKeysAreReportedEachWithTheLineOfTheFirst() {
        CatalogReader.Result result = extend("""
                requirements:
                  own-req:
                    title: Own
                    statement: Something holds.
                    phase: design
                    phase: build
                    means:
                      own-means: { title: T, statement: S, applies-to: devices, verify: { review: look } }
                      own-means: { title: T, statement: S, applies-to: devices, verify: { review: look } }
                """);
        assertThat(messages(result))
                .containsExactly(
                        "own.yaml:6:5: error: duplicate key 'phase'; it is already set at line 5, and each key may"
                                + " appear once in a mapping",
                        "own.yaml:9:7: error: duplicate key 'own-means'; it is already set at line 8, and each key may"
                                + " appear once in a mapping");
    }

    @Test
    void aMeansWithAnEmptyOrMisshapenVerifyIsReportedOnce() {
        CatalogReader.Result result = extend("""
                requirements:
                  own-req:
                    title: Own
                    statement: Something holds.
                    phase: design
                    means:
                      empty-verify:
                        title: T
                        statement: S
                        applies-to: devices
                        verify:
                      text-verify: { title: T, statement: S, applies-to: devices, verify: look }
                """);
        assertThat(messages(result))
                .containsExactly(
                        "own.yaml:11:9: error: a means is verified one way: 'rules' (from the model), 'control' (the"
                                + " evidence a declared control must name) or 'review' (what a person looks at);"
                                + " found 0",
                        "own.yaml:12:75: error: 'verify' should be a mapping, found the text 'look'");
    }
}
