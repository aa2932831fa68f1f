package dev.mamori.report.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.Assessed;
import dev.mamori.report.oscal.OscalExport.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OscalExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A consumer plug under UK law: a shared default password (statutory there), one control, unstated facts. */
    static final String PLUG = """
            mamori: 1
            landscape: Plug maker
            jurisdictions: [uk]
            stakeholders:
              maker: { roles: [manufacturer, operator], vulnerability-disclosure: https://maker.example/psirt }
            systems:
              plug:
                owner: maker
                category: consumer
                components:
                  unit: { kind: appliance, manufacturer: maker, credentials: default-shared, update: signed-automatic, exposure: [adjacent] }
                  sensor: { kind: sensor, manufacturer: maker, exposure: [adjacent] }
                controls:
                  - { requirement: login-throttling, on: [unit], evidence: lockout test LT-1 }
            """;

    private static List<Document> export(Assessment assessment) {
        return OscalExport.of(assessment, assessment.compliance(), "1.2.3");
    }

    private static JsonNode document(List<Document> documents, String file) throws IOException {
        for (Document d : documents) {
            if (d.file().equals(file)) {
                return JSON.readTree(d.json());
            }
        }
        throw new AssertionError("no " + file + " among "
                + documents.stream().map(Document::file).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"venue/landscape.yaml", "smart-home/home.yaml", "plant/plant.yaml"})
    void everyDocumentOfTheExamplesIsValidOscal(String example) {
        Assessment assessment = Assessed.example(example);
        List<Document> documents = export(assessment);
        assertThat(documents).extracting(Document::file).contains("catalog.json", "assessment-results.json");
        assertThat(documents).anyMatch(d -> d.file().startsWith("profile-"));
        for (Document d : documents) {
            assertThat(OscalSchemas.errors(OscalSchemas.schemaFor(d.file()), d.json()))
                    .as(d.file())
                    .isEmpty();
        }
    }

    /**
     * OSCAL's own validator over the four documents (poam.json from the plug, whose gaps are open):
     * the schemas and OSCAL's Metaschema constraints, which the schemas alone do not check.
     */
    @ParameterizedTest
    @ValueSource(strings = {"venue/landscape.yaml", "smart-home/home.yaml", "plant/plant.yaml", "plug"})
    void oscalsOwnValidatorAcceptsEveryDocument(String example, @TempDir Path dir) {
        Assessment assessment = example.equals("plug") ? Assessed.model("m.yaml", PLUG) : Assessed.example(example);
        List<Document> documents = export(assessment);
        if (example.equals("plug")) {
            assertThat(documents).extracting(Document::file).contains("poam.json");
        }
        for (Document d : documents) {
            assertThat(OscalValidator.errors(dir, d.file(), d.json()))
                    .as(d.file())
                    .isEmpty();
        }
    }

    @Test
    void oscalsOwnValidatorCatchesWhatTheSchemasCannot(@TempDir Path dir) throws IOException {
        // Two links of one control to the same resource with the same relation pass every schema but
        // break a constraint; validation could pass on anything if the constraints were not applied.
        JsonNode catalog = document(export(Assessed.model("m.yaml", PLUG)), "catalog.json");
        ArrayNode links = (ArrayNode) catalog.at("/catalog/groups/0/controls/0/links");
        links.add(links.get(0).deepCopy());
        assertThat(OscalSchemas.errors(OscalSchemas.schemaFor("catalog.json"), catalog.toString()))
                .isEmpty();
        assertThat(OscalValidator.errors(dir, "catalog.json", catalog.toString()))
                .anyMatch(e -> e.contains("CONSTRAINT"));
        // And its schema phase runs too.
        ((ObjectNode) catalog.at("/catalog")).put("uuid", "not-a-uuid");
        assertThat(OscalValidator.errors(dir, "catalog.json", catalog.toString()))
                .anyMatch(e -> e.contains("SCHEMA"));
    }

    @Test
    void theSchemasCatchWhatIsWrong() throws IOException {
        // Validation could pass on anything if the schemas were not applied: a broken document must fail.
        List<Document> documents = export(Assessed.model("m.yaml", PLUG));
        assertBroken(documents, "catalog.json", d -> ((ObjectNode) d.at("/catalog")).put("uuid", "not-a-uuid"));
        assertBroken(documents, "catalog.json", d -> ((ObjectNode) d.at("/catalog/metadata")).remove("title"));
        assertBroken(
                documents,
                "catalog.json",
                d -> ((ObjectNode) d.at("/catalog/groups/0/controls/0/props/0")).put("name", "two words"));
        assertBroken(documents, "profile-consumer.json", d -> ((ObjectNode) d.at("/profile")).remove("imports"));
        assertBroken(
                documents,
                "assessment-results.json",
                d -> ((ObjectNode) d.at("/assessment-results/results/0/findings/0/target/status"))
                        .put("state", "needs-review"));
        assertBroken(
                documents,
                "assessment-results.json",
                d -> ((ObjectNode) d.at("/assessment-results/results/0")).put("start", "2026-11-22"));
        assertBroken(
                documents,
                "poam.json",
                d -> ((ObjectNode) d.at("/plan-of-action-and-milestones")).set("poam-items", JSON.createArrayNode()));
        assertBroken(
                documents,
                "poam.json",
                d -> ((ObjectNode) d.at("/plan-of-action-and-milestones/poam-items/0")).put("colour", "red"));
    }

    private static void assertBroken(List<Document> documents, String file, Consumer<JsonNode> breakIt)
            throws IOException {
        JsonNode node = document(documents, file);
        assertThat(OscalSchemas.errors(OscalSchemas.schemaFor(file), node.toString()))
                .as("the unbroken " + file)
                .isEmpty();
        breakIt.accept(node);
        assertThat(OscalSchemas.errors(OscalSchemas.schemaFor(file), node.toString()))
                .as("the broken " + file)
                .isNotEmpty();
    }

    @Test
    void uuidsAreVersion5AsRfc4122Computes() {
        // The example of Python's uuid module documentation: uuid5(NAMESPACE_DNS, 'python.org').
        assertThat(OscalUuid.v5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
                .hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
        assertThat(OscalUuid.MAMORI.version()).isEqualTo(5);
    }

    @Test
    void aRerunWritesTheSameBytesAndEveryUuidIsUnique() throws IOException {
        List<Document> first = export(Assessed.example("venue/landscape.yaml"));
        List<Document> second = export(Assessed.example("venue/landscape.yaml"));
        // the documents are written on demand, so their bytes are compared
        assertThat(second.stream().map(d -> d.file() + "\n" + d.json()).toList())
                .isEqualTo(first.stream().map(d -> d.file() + "\n" + d.json()).toList());
        for (Document d : first) {
            List<String> uuids = new ArrayList<>();
            collect(JSON.readTree(d.json()), "uuid", uuids);
            assertThat(uuids).as(d.file()).doesNotHaveDuplicates().isNotEmpty();
        }
        JsonNode results = document(first, "assessment-results.json");
        assertThat(results.at("/assessment-results/metadata/last-modified").asText())
                .isEqualTo("2026-11-22T00:00:00Z");
    }

    private static void collect(JsonNode node, String field, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals(field) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), field, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, out));
        }
    }

    @Test
    void theCatalogHoldsRequirementsWithTheirMeansAndCrosswalkLinksThatResolve() throws IOException {
        Assessment assessment = Assessed.model("m.yaml", PLUG);
        JsonNode catalog = document(export(assessment), "catalog.json").get("catalog");
        assertThat(catalog.at("/metadata/version").asText()).isEqualTo("2026.2");
        assertThat(catalog.at("/metadata/oscal-version").asText()).isEqualTo("1.1.3");
        JsonNode passwords = control(catalog, "no-universal-default-passwords");
        assertThat(passwords.get("class").asText()).isEqualTo("performance-requirement");
        assertThat(passwords.at("/parts/0/name").asText()).isEqualTo("statement");
        assertThat(passwords.at("/parts/1/id").asText()).isEqualTo("no-universal-default-passwords_obj");
        JsonNode perUnit = passwords.get("controls").get(0);
        assertThat(perUnit.get("id").asText()).isEqualTo("per-unit-passwords");
        assertThat(props(perUnit, "rule")).containsExactly("default-credentials", "fleet-shared-credentials");
        assertThat(props(perUnit, "verification")).containsExactly("model");
        assertThat(perUnit.at("/parts/1/name").asText()).isEqualTo("assessment-method");
        Set<String> resources = new HashSet<>();
        catalog.at("/back-matter/resources")
                .forEach(r -> resources.add("#" + r.get("uuid").asText()));
        JsonNode etsi = null;
        // ETSI 5.1 is about passwords: the password means carries its links, not the requirement.
        for (JsonNode link : perUnit.get("links")) {
            assertThat(resources).contains(link.get("href").asText());
            if (link.get("text").asText().startsWith("ETSI EN 303 645 V3.1.3")
                    && link.get("text").asText().contains(" 5.1-1")) {
                etsi = link;
            }
        }
        assertThat(etsi).isNotNull();
        assertThat(etsi.get("rel").asText()).isEqualTo("equivalent");
        int requirements = 0;
        for (JsonNode group : catalog.get("groups")) {
            requirements += group.get("controls").size();
        }
        assertThat(requirements)
                .isEqualTo(assessment.compliance().catalog().requirements().size());
    }

    @Test
    void aCrosswalkIdTheReferenceListCouldNotCheckCarriesThatMark() throws IOException {
        JsonNode catalog =
                document(export(Assessed.model("m.yaml", PLUG)), "catalog.json").get("catalog");
        JsonNode access = control(catalog, "authenticated-access");
        List<String> unverified = new ArrayList<>();
        for (JsonNode p : access.get("props")) {
            if (p.get("name").asText().equals("crosswalk-unverified")) {
                unverified.add(p.get("class").asText() + " " + p.get("value").asText());
            }
        }
        assertThat(unverified)
                .contains("nist-ir-8425 IAC.1.b", "nist-ir-8425 IAC.2.c")
                .doesNotContain("nist-ir-8425 IAC.1");
    }

    private static JsonNode control(JsonNode catalog, String id) {
        for (JsonNode group : catalog.get("groups")) {
            for (JsonNode c : group.get("controls")) {
                if (c.get("id").asText().equals(id)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no control " + id);
    }

    private static List<String> props(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : node.path("props")) {
            if (p.get("name").asText().equals(name)) {
                out.add(p.get("value").asText());
            }
        }
        return out;
    }

    @Test
    void theProfileSelectsTheRequirementsWithTheirObligationUnderTheJurisdiction() throws IOException {
        List<Document> documents = export(Assessed.model("m.yaml", PLUG));
        JsonNode profile = document(documents, "profile-consumer.json").get("profile");
        assertThat(profile.at("/imports/0/href").asText()).isEqualTo("catalog.json");
        List<String> ids = new ArrayList<>();
        profile.at("/imports/0/include-controls/0/with-ids").forEach(n -> ids.add(n.asText()));
        assertThat(ids).contains("no-universal-default-passwords");
        JsonNode catalog = document(documents, "catalog.json").get("catalog");
        ids.forEach(id -> control(catalog, id));
        assertThat(props(profile.get("metadata"), "jurisdiction")).containsExactly("uk");
        JsonNode alter = null;
        for (JsonNode a : profile.at("/modify/alters")) {
            if (a.get("control-id").asText().equals("no-universal-default-passwords")) {
                alter = a;
            }
        }
        assertThat(alter).isNotNull();
        JsonNode obligation = alter.at("/adds/0/props/0");
        assertThat(obligation.get("name").asText()).isEqualTo("obligation");
        assertThat(obligation.get("value").asText()).isEqualTo("statutory");
        assertThat(obligation.get("remarks").asText()).contains("uk").contains("PSTI");
    }

    @Test
    void theResultsGiveOneFindingPerRequirementWithLocatedEvidence() throws IOException {
        Assessment assessment = Assessed.model("m.yaml", PLUG);
        JsonNode results =
                document(export(assessment), "assessment-results.json").get("assessment-results");
        assertThat(results.get("results")).hasSize(1);
        JsonNode result = results.at("/results/0");
        assertThat(props(result, "system")).containsExactly("plug");
        assertThat(result.get("findings"))
                .hasSize(assessment.compliance().systems().get(0).requirements().size());
        Set<String> observations = new HashSet<>();
        result.get("observations").forEach(o -> observations.add(o.get("uuid").asText()));
        Set<String> states = new HashSet<>();
        for (JsonNode f : result.get("findings")) {
            states.add(props(f, "verdict").get(0) + "/"
                    + f.at("/target/status/state").asText() + "/"
                    + f.at("/target/status/reason").asText());
            f.path("related-observations")
                    .forEach(r -> assertThat(observations)
                            .contains(r.get("observation-uuid").asText()));
        }
        assertThat(states)
                .contains(
                        "not-satisfied/not-satisfied/fail",
                        "needs-review/not-satisfied/needs-review",
                        "satisfied/satisfied/pass");

        JsonNode passwords = finding(result, "no-universal-default-passwords");
        assertThat(passwords.at("/target/target-id").asText()).isEqualTo("no-universal-default-passwords_obj");
        assertThat(props(passwords, "obligation")).containsExactly("statutory");
        JsonNode observation = null;
        for (JsonNode o : result.get("observations")) {
            if (props(o, "means").contains("per-unit-passwords")) {
                observation = o;
            }
        }
        assertThat(observation).isNotNull();
        assertThat(observation.at("/methods/0").asText()).isEqualTo("EXAMINE");
        JsonNode riskFinding = null;
        for (JsonNode e : observation.get("relevant-evidence")) {
            if (props(e, "evidence").contains("risk-finding")
                    && props(e, "rule").contains("default-credentials")) {
                riskFinding = e;
            }
        }
        assertThat(riskFinding).isNotNull();
        assertThat(riskFinding.get("href").asText()).isEqualTo("m.yaml#L11");
        assertThat(props(riskFinding, "line")).containsExactly("11");
        assertThat(riskFinding.get("description").asText()).contains("plug.unit");

        JsonNode throttling = null;
        for (JsonNode o : result.get("observations")) {
            if (props(o, "means").contains("login-throttling")) {
                throttling = o;
            }
        }
        assertThat(throttling).isNotNull();
        assertThat(throttling.get("relevant-evidence").toString())
                .contains("declared-control")
                .contains("lockout test LT-1")
                .contains("m.yaml#L14");
    }

    @Test
    void aRequirementThatDoesNotApplyIsMarkedNotApplicable() throws IOException {
        JsonNode result = document(export(Assessed.model("m.yaml", PLUG)), "assessment-results.json")
                .at("/assessment-results/results/0");
        JsonNode notApplicable = null;
        for (JsonNode f : result.get("findings")) {
            if (props(f, "verdict").contains("not-applicable")) {
                notApplicable = f;
            }
        }
        assertThat(notApplicable).isNotNull();
        assertThat(notApplicable.at("/target/status/reason").asText()).isEqualTo("not-applicable");
        assertThat(notApplicable.at("/target/implementation-status/state").asText())
                .isEqualTo("not-applicable");
        assertThat(notApplicable.has("related-observations")).isFalse();
    }

    private static JsonNode finding(JsonNode result, String requirement) {
        for (JsonNode f : result.get("findings")) {
            if (props(f, "requirement").contains(requirement)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + requirement);
    }

    @Test
    void thePlanHasOneItemPerOpenGapWithItsFix() throws IOException {
        Assessment assessment = Assessed.model("m.yaml", PLUG);
        ArrayNode items =
                (ArrayNode) document(export(assessment), "poam.json").at("/plan-of-action-and-milestones/poam-items");
        long open = assessment.compliance().systems().stream()
                .flatMap(s -> s.requirements().stream())
                .filter(r -> r.verdict() == dev.mamori.engine.compliance.Verdict.NOT_SATISFIED
                        || r.verdict() == dev.mamori.engine.compliance.Verdict.NEEDS_REVIEW)
                .flatMap(r -> r.means().stream())
                .flatMap(m -> m.subjects().stream())
                .filter(s -> s.verdict() == dev.mamori.engine.compliance.Verdict.NOT_SATISFIED
                        || s.verdict() == dev.mamori.engine.compliance.Verdict.NEEDS_REVIEW)
                .count();
        assertThat(items).hasSize((int) open);
        JsonNode unit = null;
        JsonNode sensor = null;
        for (JsonNode item : items) {
            if (props(item, "means").contains("per-unit-passwords")
                    && props(item, "element").contains("plug.unit")) {
                unit = item;
            }
            if (props(item, "means").contains("per-unit-passwords")
                    && props(item, "element").contains("plug.sensor")) {
                sensor = item;
            }
        }
        assertThat(unit).isNotNull();
        assertThat(unit.get("description").asText()).startsWith("Give every unit its own password");
        assertThat(props(unit, "requirement")).containsExactly("no-universal-default-passwords");
        assertThat(props(unit, "verdict")).containsExactly("not-satisfied");
        assertThat(props(unit, "obligation")).containsExactly("statutory");
        assertThat(unit.at("/links/0/href").asText()).isEqualTo("m.yaml#L11");
        assertThat(sensor).isNotNull();
        assertThat(props(sensor, "verdict")).containsExactly("needs-review");
        assertThat(sensor.get("description").asText()).contains("State credentials for plug.sensor");
    }

    @Test
    void withNothingOpenThereIsNoPlan() {
        String all = """
                mamori: 1
                stakeholders: { home: { roles: [user, operator] } }
                systems:
                  empty: { owner: home, category: consumer, controls: [] }
                """;
        Assessment assessment = Assessed.model("m.yaml", all);
        boolean open = assessment.compliance().systems().stream()
                .flatMap(s -> s.requirements().stream())
                .anyMatch(r -> r.verdict() == dev.mamori.engine.compliance.Verdict.NOT_SATISFIED
                        || r.verdict() == dev.mamori.engine.compliance.Verdict.NEEDS_REVIEW);
        assertThat(export(assessment).stream().anyMatch(d -> d.file().equals("poam.json")))
                .isEqualTo(open);
    }
}
