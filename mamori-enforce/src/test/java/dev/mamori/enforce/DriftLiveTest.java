package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.model.Landscape;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift against what the real nftables reports: the generated rulesets are loaded in a network
 * namespace this test creates, read back with {@code nft -j list ruleset}, and compared with the
 * model; then a rule is added by hand, or one is left out, and exactly that is found. Needs nft,
 * unshare and root, and fails saying so when they are missing.
 */
class DriftLiveTest {

    private static final String PLANT = Landscapes.plant();
    private static final Landscape LANDSCAPE = Landscapes.load(PLANT);

    /** Loads the rulesets (after {@code edit} on each) in a fresh namespace, runs {@code then}, and lists the ruleset as JSON. */
    static String deployed(Path dir, Map<String, String> files, String then) throws Exception {
        List<String> loads = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
            loads.add("nft -f " + file);
        }
        String script = String.join(" && ", loads) + (then.isEmpty() ? "" : " && " + then) + " && nft -j list ruleset";
        Process p;
        try {
            p = new ProcessBuilder("unshare", "-n", "sh", "-c", script)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run unshare (" + e.getMessage() + "): this test needs nftables and"
                            + " util-linux's unshare, as root",
                    e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s\n%s", script, out).isZero();
        return out;
    }

    private static List<Drift.Difference> drift(String json) throws Exception {
        NftablesTarget.Expected expected = NftablesTarget.expected(LANDSCAPE, Optional.empty(), PlanCuts.NONE);
        List<Drift.Difference> found = NftablesDrift.compare(expected, LANDSCAPE, new StringReader(json), "live.json");
        // The command reads the file's bytes: the same listing read so gives the same differences.
        NftablesDrift.Deployed fromBytes = NftablesDrift.read(
                new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "live.json");
        assertThat(NftablesDrift.compare(expected, LANDSCAPE, fromBytes, "live.json"))
                .isEqualTo(found);
        return found;
    }

    private static Map<String, String> generated() {
        return NftablesTarget.generate(LANDSCAPE, Optional.empty()).files();
    }

    @Test
    void whatWasGeneratedAndLoadedHasNoDrift(@TempDir Path dir) throws Exception {
        assertThat(drift(deployed(dir, generated(), ""))).isEmpty();
    }

    @Test
    void aRuleAddedByHandIsFoundExactly(@TempDir Path dir) throws Exception {
        String json = deployed(
                dir,
                generated(),
                "nft insert rule inet mamori-plant.ot guard ip saddr 127.0.0.99 ip daddr 127.0.0.10 tcp dport 22"
                        + " accept comment hand-made");
        assertThat(drift(json)).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_IN_MODEL);
            assertThat(d.message())
                    .contains("allows ip saddr 127.0.0.99 ip daddr 127.0.0.10 tcp dport 22 accept", "plant.ot");
            assertThat(d.deployed())
                    .startsWith("live.json: table inet mamori-plant.ot chain guard handle ")
                    .endsWith("comment \"hand-made\"");
            assertThat(d.model().line()).as("the zone's line").isEqualTo(Landscapes.line(PLANT, "ot: { kind: ot"));
        });
    }

    @Test
    void aFlowWhoseRuleIsMissingIsFoundAtTheFlow(@TempDir Path dir) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>(generated());
        String ot = files.get("plant.ot.nft");
        String setpoint = ot.lines()
                .filter(l -> l.contains("flow plant.setpoint"))
                .findFirst()
                .orElseThrow();
        files.put("plant.ot.nft", ot.replace(setpoint + "\n", ""));
        assertThat(drift(deployed(dir, files, ""))).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_DEPLOYED);
            assertThat(d.model().line()).isEqualTo(Landscapes.line(PLANT, "id: setpoint"));
            assertThat(d.model().file()).isEqualTo("plant.yaml");
            assertThat(d.message()).contains("flow plant.setpoint", "tcp dport 502 accept");
            assertThat(d.deployed()).isEqualTo("live.json: table inet mamori-plant.ot chain guard has no such rule");
        });
    }

    @Test
    void aRuleMovedAfterTheDropIsFound(@TempDir Path dir) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>(generated());
        String ot = files.get("plant.ot.nft");
        String telemetry = ot.lines()
                .filter(l -> l.contains("flow plant.telemetry"))
                .findFirst()
                .orElseThrow();
        String drop = "        counter drop comment \"not in the model\"\n";
        files.put("plant.ot.nft", ot.replace(telemetry + "\n", "").replace(drop, drop + telemetry + "\n"));
        assertThat(drift(deployed(dir, files, ""))).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Drift.Kind.MOVED);
            assertThat(d.message()).startsWith("flow plant.telemetry:");
            assertThat(d.model().line()).isEqualTo(Landscapes.line(PLANT, "id: telemetry"));
        });
    }

    @Test
    void aTableOfNoZoneAndAMissingTableAreFound(@TempDir Path dir) throws Exception {
        Map<String, String> files = new java.util.TreeMap<>(generated());
        files.put("stray.nft", files.remove("plant.office.nft").replace("mamori-plant.office", "mamori-plant.lab"));
        List<Drift.Difference> found = drift(deployed(dir, files, ""));
        assertThat(found).hasSize(2);
        assertThat(found).anySatisfy(d -> assertThat(d.message()).contains("zone plant.office is not loaded"));
        assertThat(found).anySatisfy(d -> assertThat(d.message()).contains("no zone plant.lab"));
    }

    @Test
    void aDeploymentCarryingThePlanIsComparedWithThePlan(@TempDir Path dir) throws Exception {
        PlanCuts plan = PlanCuts.isolating(LANDSCAPE, Optional.of("plant.hmi"), "plant.historian");
        String json = deployed(
                dir, NftablesTarget.generate(LANDSCAPE, Optional.empty(), plan).files(), "");
        assertThat(NftablesDrift.compare(
                        NftablesTarget.expected(LANDSCAPE, Optional.empty(), plan),
                        LANDSCAPE,
                        new StringReader(json),
                        "live.json"))
                .isEmpty();
        // Against the model without the plan: the cut flow's drop is not modelled, its accept not deployed.
        List<Drift.Difference> found = drift(json);
        assertThat(found).extracting(Drift.Difference::kind).contains(Drift.Kind.NOT_IN_MODEL, Drift.Kind.NOT_DEPLOYED);
        assertThat(found).allSatisfy(d -> assertThat(d.message()).containsAnyOf("plant.setpoint", "tcp dport 502"));
    }

    @Test
    void whatIsNotTheOutputOfNftIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> drift("{\"nftables\": [ {\"table\": }"))
                .isInstanceOf(Drift.Unreadable.class)
                .hasMessageStartingWith("live.json:1:")
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> drift("[]"))
                .isInstanceOf(Drift.Unreadable.class)
                .hasMessageContaining("nft -j list ruleset");
    }
}
