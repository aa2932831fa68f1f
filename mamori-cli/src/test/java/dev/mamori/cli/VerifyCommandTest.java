package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL = TestModels.EXPOSED_CAMERA;

    private static final String ACCEPT_ALL_ON_CAM = """
            treatments:
              - { rule: default-credentials, on: shop.cam, status: accepted, by: ops, reason: decoy, until: %s }
              - { rule: device-exposed-to-internet, on: shop.cam, status: accepted, by: ops, reason: decoy, until: %s }
              - { rule: device-without-manufacturer, on: shop.cam, status: accepted, by: ops, reason: decoy, until: %s }
            """;

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void anOpenFindingAtOrAboveTheThresholdFailsTheGateWithItsOwnCode() throws IOException {
        write(MODEL);
        Cli cli = Cli.run(dir, "verify", "--today", "2026-11-22", "--fail-on", "medium", "m.yaml");
        assertThat(cli.exitCode())
                .as(cli.out() + cli.err())
                .isEqualTo(ExitCode.GATE_FAILED)
                .isEqualTo(4);
        assertThat(cli.out())
                .startsWith("FAIL: ")
                .contains("at or above medium in Shop (1 systems, 1 components; judged on 2026-11-22)")
                .containsPattern("MEDIUM +default-credentials +shop\\.cam +m\\.yaml:10")
                .contains("To pass:");
        assertThat(cli.out().lines().count()).as("one screen").isLessThanOrEqualTo(24);
    }

    @Test
    void aThresholdAboveEveryOpenFindingPasses() throws IOException {
        write(MODEL.replace("credentials: default-shared, exposure: internet", "credentials: unique"));
        Cli cli = Cli.run(dir, "verify", "--today", "2026-11-22", "--fail-on", "critical", "m.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).startsWith("PASS: no open finding at or above critical in Shop");
    }

    @Test
    void treatmentsThatHoldPassTheGateAndLapsedOnesFailIt() throws IOException {
        write(MODEL + ACCEPT_ALL_ON_CAM.formatted("2027-01-01", "2027-01-01", "2027-01-01"));
        Cli holding = Cli.run(dir, "verify", "--today", "2026-11-22", "--fail-on", "medium", "m.yaml");
        assertThat(holding.exitCode()).as(holding.out()).isZero();
        assertThat(holding.out()).contains("closed by a treatment that holds: 3");
        Cli lapsed = Cli.run(dir, "verify", "--today", "2027-02-01", "--fail-on", "medium", "m.yaml");
        assertThat(lapsed.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(lapsed.out()).contains("default-credentials");
    }

    @Test
    void anInvalidModelIsNotAGateFailure() throws IOException {
        write(MODEL.replace("kind: camera", "kind: camra"));
        Cli cli = Cli.run(dir, "verify", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.INVALID);
        assertThat(cli.out()).contains("m.yaml:10:").contains("did you mean 'camera'?");
    }

    @Test
    void aBadSeverityIsAUsageError() throws IOException {
        write(MODEL);
        Cli cli = Cli.run(dir, "verify", "--fail-on", "severe", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err()).contains("--fail-on takes info, low, medium, high or critical, not 'severe'");
    }

    @Test
    void sarifIsWrittenBesideTheVerdict() throws IOException {
        write(MODEL);
        Cli cli = Cli.run(dir, "verify", "--fail-on", "medium", "--sarif", "out.sarif", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(ExitCode.GATE_FAILED);
        JsonNode sarif = new ObjectMapper().readTree(dir.resolve("out.sarif").toFile());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results").findValuesAsText("ruleId")).contains("default-credentials");
    }

    @Test
    void theHelpDocumentsTheGateCode() {
        Cli cli = Cli.run(dir, "verify", "--help");
        assertThat(cli.out()).contains("4   the gate failed");
        assertThat(Cli.run(dir, "--help").out()).contains("4   verify: the deployment gate failed");
    }

    /** The shop, its findings accepted so that the findings gate passes, sold in the UK. */
    private String acceptedShopInTheUk() {
        return MODEL.replace("landscape: Shop", "landscape: Shop\njurisdictions: [uk]")
                + ACCEPT_ALL_ON_CAM.formatted("2027-01-01", "2027-01-01", "2027-01-01");
    }

    @Test
    void aStatutoryRequirementNotMetUnderTheProfileFailsTheGateWithTheRequirementsListed() throws IOException {
        write(acceptedShopInTheUk());
        Cli cli = Cli.run(
                dir,
                "verify",
                "--today",
                "2026-11-22",
                "--fail-on-requirement",
                "statutory",
                "--profile",
                "consumer",
                "m.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCode.GATE_FAILED);
        assertThat(cli.out())
                .contains("PASS: no open finding at or above high in Shop")
                .containsPattern("FAIL: \\d+ requirements? at or above statutory not satisfied in 1 systems"
                        + " \\(judged against profile consumer, under uk\\)")
                // an accepted risk still fails the requirement: accepting is not meeting it
                .containsPattern("  STATUTORY  shop:no-universal-default-passwords +m\\.yaml:\\d+")
                .contains("fix: ")
                .contains("To pass: close the gaps");
    }

    @Test
    void eachSystemsOwnProfileIsUsedWithoutProfileAndEssentialCountsAsNotGatingUnderStatutory() throws IOException {
        write(acceptedShopInTheUk());
        Cli cli = Cli.run(dir, "verify", "--today", "2026-11-22", "--fail-on-requirement", "statutory", "m.yaml");
        // an enterprise system: its own profile raises nothing to statutory in the UK
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCode.OK);
        assertThat(cli.out())
                .contains("PASS: every statutory requirement or stronger is satisfied or needs review in 1 systems"
                        + " (each judged against its own profile, under uk)")
                .containsPattern("not satisfied: 0 statutory, \\d+ essential \\(not gating\\)");
    }

    @Test
    void aProfileWithoutARequirementThresholdOrAnUnknownOneIsAUsageError() throws IOException {
        write(MODEL);
        Cli alone = Cli.run(dir, "verify", "--profile", "consumer", "m.yaml");
        assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.err()).contains("give --fail-on-requirement");
        Cli unknown = Cli.run(dir, "verify", "--fail-on-requirement", "statutory", "--profile", "consumr", "m.yaml");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("no profile 'consumr'").contains("consumer");
        Cli word = Cli.run(dir, "verify", "--fail-on-requirement", "mandatory", "m.yaml");
        assertThat(word.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(word.err()).contains("statutory, essential or additional");
    }

    @Test
    void aGateNeverJudgesTheBundledExample() {
        // In a folder with no model, a CI job that forgot to name one must not pass or fail on the demo.
        Cli verify = Cli.run(dir, "verify");
        assertThat(verify.exitCode()).isEqualTo(2);
        assertThat(verify.err()).contains("no model given");
        Cli assess = Cli.run(dir, "assess", "--fail-on", "high");
        assertThat(assess.exitCode()).isEqualTo(2);
        assertThat(assess.err()).contains("no model given");
        Cli comply = Cli.run(dir, "comply", "--fail-on", "statutory");
        assertThat(comply.exitCode()).isEqualTo(2);
        assertThat(comply.err()).contains("no model given");
    }
}
