package dev.mamori.report.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.Assessed;
import dev.mamori.report.assessment.AssessmentJson;
import dev.mamori.report.diff.Snapshot.FindingState;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AssessmentDiffTest {

    /** The shop after a change: the camera got its own password, a door lock joined, the exposure was accepted. */
    static final String SHOP_AFTER = Assessed.SHOP
            .replace(
                    "cam: { kind: camera, credentials: default-shared, exposure: internet }",
                    "cam: { kind: camera, credentials: unique, exposure: internet }\n"
                            + "      lock: { kind: lock, credentials: default-shared, exposure: internet }")
            .replace(
                    "status: mitigating, by: ops, reason: firewall rule ordered }",
                    "status: accepted, by: ops, reason: firewall rule in place, until: 2027-03-01 }");

    private static Snapshot snapshot(Assessment a) {
        return Snapshot.of(a, "test");
    }

    @Test
    void findingsAreNewResolvedOrChangedByRuleAndElement() {
        Assessment before = Assessed.model("m.yaml", Assessed.SHOP);
        Assessment after = Assessed.model("m.yaml", SHOP_AFTER);
        AssessmentDiff diff = AssessmentDiff.between(snapshot(before), snapshot(after));

        assertThat(diff.added()).extracting(FindingState::key).contains("default-credentials on shop.lock");
        assertThat(diff.added()).allMatch(f -> f.element().equals("shop.lock"));
        assertThat(diff.resolved()).extracting(FindingState::key).containsExactly("default-credentials on shop.cam");
        assertThat(diff.changed())
                .filteredOn(c -> c.after().key().equals("device-exposed-to-internet on shop.cam"))
                .singleElement()
                .satisfies(c -> assertThat(c.what()).contains("status: mitigating → accepted"));
        // the lock is declared one line below the camera, which moves everything after it: no change by itself
        assertThat(diff.changed()).allMatch(c -> !c.what().isEmpty());
    }

    @Test
    void theSameAssessmentHasNoDifferences() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        AssessmentDiff diff = AssessmentDiff.between(snapshot(venue), snapshot(venue));
        assertThat(diff.isEmpty()).isTrue();
        assertThat(DiffReport.text(diff))
                .contains(": 0 new (0 open), 0 resolved, 0 changed findings; 0 systemic changes; 0 mission changes")
                .contains("0 compliance changes");
        assertThat(diff.missions()).isEmpty();
        assertThat(diff.compliance()).isEmpty();
    }

    @Test
    void aSavedAssessmentReadsAsTheAssessmentItWasWrittenFrom() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        Snapshot read = Snapshot.parse(AssessmentJson.render(venue, "0.0.1"));
        assertThat(read.findings()).hasSize(venue.risk().findings().size());
        assertThat(read.controlledComponents()).isEqualTo(venue.systemic().controlledComponents());
        assertThat(read.blastRadius()).hasSize(venue.systemic().blastRadius().size());
        assertThat(read.landscape()).isEqualTo("Bayside Stadium event-day operations");
    }

    @Test
    void systemicChangesAreListed() {
        // Cutting the vendor's remote support flow in the venue changes what an attacker reaches.
        Assessment before = Assessed.model("m.yaml", Assessed.SHOP);
        Assessment after = Assessed.model(
                "m.yaml",
                Assessed.SHOP.replace(
                        "safe: { kind: camera, credentials: unique }",
                        "safe: { kind: camera, credentials: unique }\n"
                                + "    flows:\n      - { from: cam, to: safe, protocol: https, commands: true }"));
        AssessmentDiff diff = AssessmentDiff.between(snapshot(before), snapshot(after));
        assertThat(snapshot(after).controlledComponents())
                .isGreaterThan(snapshot(before).controlledComponents());
        assertThat(diff.systemic()).anySatisfy(s -> assertThat(s.aspect()).isEqualTo("controlled"));
        assertThat(DiffReport.text(diff))
                .contains("components an attacker can control: "
                        + snapshot(before).controlledComponents() + " → "
                        + snapshot(after).controlledComponents());
    }

    @Test
    void theThreeFormatsSayTheSame() throws IOException {
        AssessmentDiff diff = AssessmentDiff.between(
                snapshot(Assessed.model("m.yaml", Assessed.SHOP)), snapshot(Assessed.model("m.yaml", SHOP_AFTER)));
        String text = DiffReport.text(diff);
        assertThat(text)
                .contains("New findings (" + diff.added().size() + "):")
                .containsPattern("default-credentials  shop\\.lock  m\\.yaml:11")
                .contains("Resolved findings (1):")
                .contains("status: mitigating → accepted");
        String md = DiffReport.markdown(diff);
        assertThat(md)
                .startsWith("## Mamori: what changed")
                .contains("### New findings (" + diff.added().size() + ")")
                .contains("| `default-credentials` | shop.lock | m.yaml:11 |")
                .contains("### Resolved findings (1)");
        JsonNode json = new ObjectMapper().readTree(DiffReport.json(diff));
        assertThat(json.at("/format/name").asText()).isEqualTo("mamori-diff");
        assertThat(json.at("/summary/added").asInt()).isEqualTo(diff.added().size());
        assertThat(json.at("/summary/resolved").asInt()).isEqualTo(1);
        assertThat(json.at("/resolved/0/rule").asText()).isEqualTo("default-credentials");
        assertThat(json.at("/resolved/0/element").asText()).isEqualTo("shop.cam");
        assertThat(json.get("changed").findValuesAsText("changes").toString()).isNotNull();
        assertThat(json.toString()).contains("status: mitigating → accepted");
    }

    @Test
    void anAssessmentIsReadAsAStreamWhateverTheOrderOfItsSections() throws IOException {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String json = AssessmentJson.render(venue, "0.0.1");
        Snapshot piped = Snapshot.of(venue, "0.0.1");
        assertThat(Snapshot.parse(json)).isEqualTo(piped);
        assertThat(piped.findings())
                .hasSize(new ObjectMapper().readTree(json).path("findings").size());
        assertThat(piped.requirements()).isNotEmpty();
        assertThat(piped.outcomes()).isNotEmpty();
        // The same document with its sections in reverse order, the format last.
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(json);
        com.fasterxml.jackson.databind.node.ObjectNode reversed = new ObjectMapper().createObjectNode();
        java.util.List<String> fields = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        java.util.Collections.reverse(fields);
        fields.forEach(f -> reversed.set(f, root.get(f)));
        assertThat(Snapshot.parse(reversed.toString())).isEqualTo(piped);
        assertThat(Snapshot.isAssessment(new java.io.StringReader(reversed.toString())))
                .isTrue();
        assertThat(Snapshot.isAssessment(new java.io.StringReader("{\"mamori\": 1, \"format\": {\"name\": \"x\"}}")))
                .isFalse();
        assertThat(Snapshot.isAssessment(new java.io.StringReader("mamori: 1\n")))
                .isFalse();
    }

    @Test
    void whatIsNotAnAssessmentIsRefusedWithAReason() {
        assertThatThrownBy(() -> Snapshot.parse("{\"mamori\": 1}"))
                .isInstanceOf(Snapshot.NotAnAssessment.class)
                .hasMessageContaining("not a Mamori assessment");
        assertThatThrownBy(() -> Snapshot.parse("{\"format\": {\"name\": \"mamori-assessment\", \"version\": 99}}"))
                .hasMessageContaining("format version 99");
        assertThatThrownBy(() -> Snapshot.parse("{,")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> Snapshot.parse("[1]")).hasMessageContaining("not a Mamori assessment");
        assertThatThrownBy(() -> Snapshot.parse("{\"format\": {\"name\": \"mamori-assessment\", \"version\": "
                        + Assessment.FORMAT_VERSION + "}, \"findings\": [{\"rule\": \"r\"}"))
                .hasMessageContaining("not JSON");
    }

    /** A plant whose line needs a controller, with a spare; the scenario fails the controller. */
    static final String PLANT = """
            mamori: 1
            landscape: Plant
            stakeholders: { ops: { roles: [operator] } }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                components:
                  plc: { kind: controller, layer: platform, restore: { time: 4h, spares: 1, swap-time: 20m, by: ops } }
                  standby: { kind: controller, layer: platform }
                  pump: { kind: actuator, credentials: unique }
            scenarios:
              plc-fails: { fails: [plant.plc] }
            missions:
              production:
                needs: { all: [plant.pump, { any: [plant.plc, plant.standby] }] }
                rto: 30m
                max-downtime: 1h
            """;

    @Test
    void missionChangesNameTheLostRedundancyAndTheObjectivesNowMissed() {
        // after: the standby is gone from the needs and the spare too, so the PLC alone stops production,
        // and the scenario's restore takes 4 h against an RTO of 30 min
        String after = PLANT.replace("{ any: [plant.plc, plant.standby] }", "plant.plc")
                .replace("restore: { time: 4h, spares: 1, swap-time: 20m, by: ops }", "restore: { time: 4h, by: ops }");
        AssessmentDiff diff = AssessmentDiff.between(
                snapshot(Assessed.model("m.yaml", PLANT)), snapshot(Assessed.model("m.yaml", after)));
        assertThat(diff.newlyStoppedBySingleFailure()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("production");
            assertThat(c.after()).contains("plant.plc");
        });
        assertThat(diff.objectivesNowMissed()).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo("plc-fails → production");
            assertThat(c.before()).isEqualTo("up, objectives met");
            assertThat(c.after()).isEqualTo("stopped, back after 4h, objectives missed");
        });
        assertThat(DiffReport.text(diff))
                .contains("1 newly stopped by a single failure, 1 scenario objectives now missed")
                .contains("Mission changes (")
                .contains(
                        "  worse: single failure production: stopped by the failure of any one of plant.pump → stopped by the failure of any one of plant.plc, plant.pump");
        assertThat(DiffReport.markdown(diff))
                .contains("### Mission changes (")
                .contains("- **worse:** scenario plc-fails → production: up, objectives met → stopped, back after 4h,"
                        + " objectives missed");
    }

    @Test
    void complianceChangesListRequirementsWhoseVerdictChangedAndTheCoverage() throws IOException {
        // after: the pump loses its own credentials, so the requirement on passwords is no longer met
        String after = PLANT.replace(
                "pump: { kind: actuator, credentials: unique }",
                "pump: { kind: actuator, credentials: default-shared }");
        AssessmentDiff diff = AssessmentDiff.between(
                snapshot(Assessed.model("m.yaml", PLANT)), snapshot(Assessed.model("m.yaml", after)));
        assertThat(diff.requirementsNowUnmet()).isNotEmpty();
        assertThat(diff.requirementsNowUnmet())
                .allSatisfy(c -> assertThat(c.subject()).startsWith("plant: "))
                .anySatisfy(c -> assertThat(c.after()).startsWith("not-satisfied ("));
        assertThat(diff.compliance()).anySatisfy(c -> {
            assertThat(c.aspect()).isEqualTo("coverage");
            assertThat(c.subject()).startsWith("plant: ETSI EN 303 645");
            assertThat(c.after()).contains(" not met");
        });
        JsonNode json = new ObjectMapper().readTree(DiffReport.json(diff));
        assertThat(json.at("/summary/requirementsNowUnmet").asInt())
                .isEqualTo(diff.requirementsNowUnmet().size());
        assertThat(json.at("/compliance/0/aspect").asText()).isIn("requirement", "coverage");
        assertThat(DiffReport.text(diff))
                .contains("Compliance changes (" + diff.compliance().size() + "):");
    }
}
