package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mamori drift: enforce, deploy, drift finds nothing; change the deployment, drift finds exactly
 * that (exit 4). The nftables round trip loads the rulesets with the real nft in a network
 * namespace of its own (needs nft, unshare and root).
 */
class DriftCommandTest {

    private static final String MODEL = """
            mamori: 1
            landscape: Drift
            stakeholders:
              ops: { roles: [operator, data-owner, manufacturer] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: enterprise
                zones:
                  ot: { cidr: 10.20.0.0/16 }
                  office: { cidr: 10.30.0.0/16 }
                components:
                  broker: { kind: broker, zone: ot, address: 10.20.0.5 }
                  hmi: { kind: workstation, zone: office, address: 10.30.0.9, mqtt-user: hmi }
                flows:
                  - { id: telemetry, from: hmi, to: broker, protocol: mqtt, authentication: password, topics: [t/#] }
            """;

    @TempDir
    Path dir;

    private void model() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL, StandardCharsets.UTF_8);
    }

    private String nftJson(String extra) throws Exception {
        String script =
                "nft -f rules/plant.ot.nft && nft -f rules/plant.office.nft" + extra + " && nft -j list ruleset";
        Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", script)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as("this test needs nft and unshare, as root: %s", out)
                .isZero();
        return out;
    }

    @Test
    void anNftablesRoundTripHasNoDriftAndAHandMadeRuleIsFound() throws Exception {
        model();
        assertThat(Cli.run(dir, "enforce", "--target", "nftables", "-o", "rules", "m.yaml")
                        .exitCode())
                .isZero();
        Files.writeString(dir.resolve("live.json"), nftJson(""));
        Cli same = Cli.run(dir, "drift", "--nftables", "live.json", "m.yaml");
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        assertThat(same.err()).contains("no drift");
        Files.writeString(
                dir.resolve("live.json"),
                nftJson(" && nft add rule inet mamori-plant.ot guard ip saddr 10.30.0.66 tcp dport 22 accept"));
        Cli changed = Cli.run(dir, "drift", "--nftables", "live.json", "m.yaml");
        assertThat(changed.exitCode()).isEqualTo(4);
        assertThat(changed.out())
                .startsWith("m.yaml:11:7: drift (not in the model): the deployed ruleset allows ip saddr 10.30.0.66"
                        + " tcp dport 22 accept")
                .contains("deployed: live.json: table inet mamori-plant.ot chain guard handle ");
        assertThat(changed.err()).contains("drift: 1 difference");
    }

    @Test
    void aMosquittoAclRoundTripHasNoDriftAndAnExtraGrantIsFound() throws Exception {
        model();
        assertThat(Cli.run(dir, "enforce", "--target", "mosquitto", "-o", "acl", "m.yaml")
                        .exitCode())
                .isZero();
        Cli same = Cli.run(dir, "drift", "--mosquitto-acl", "acl/plant.broker.acl", "m.yaml");
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        Path file = dir.resolve("acl/plant.broker.acl");
        Files.writeString(file, Files.readString(file).replace("topic write t/#", "topic write #"));
        Cli changed = Cli.run(dir, "drift", "--mosquitto-acl", "acl/plant.broker.acl", "m.yaml");
        assertThat(changed.exitCode()).isEqualTo(4);
        assertThat(changed.out())
                .contains("m.yaml:17:9: drift (not deployed): flow plant.telemetry: user hmi may publish to t/#")
                .contains("m.yaml:14:7: drift (not in the model): the deployed ACL says user hmi may publish to #");
    }

    @Test
    void anAnonymousGrantTheModelLacksIsAnalysedAsWhoeverReachesTheBroker() throws Exception {
        model();
        assertThat(Cli.run(dir, "enforce", "--target", "mosquitto", "-o", "acl", "m.yaml")
                        .exitCode())
                .isZero();
        Path file = dir.resolve("acl/plant.broker.acl");
        // Lines before the first user line are anonymous clients' (as Mosquitto reads them).
        Files.writeString(file, Files.readString(file).replace("\nuser hmi", "\ntopic read t/#\n\nuser hmi"));
        Cli changed = Cli.run(dir, "drift", "--mosquitto-acl", "acl/plant.broker.acl", "m.yaml");
        assertThat(changed.exitCode()).as(changed.out() + changed.err()).isEqualTo(4);
        assertThat(changed.out())
                .contains("m.yaml:14:7: drift (not in the model): the deployed ACL says anonymous clients may subscribe"
                        + " to t/# at plant.broker, which no flow of the model asks for\n")
                .contains("    grant: anonymous clients may subscribe to t/# at plant.broker\n")
                .contains("    assumed client: plant.anonymous-at-broker, an anonymous client at plant.broker, standing"
                        + " for whoever reaches it (the members of zone plant.ot; its modelled clients)\n")
                .contains("    assumed flow: plant.hmi -> plant.anonymous-at-broker (it connects to plant.broker, so it"
                        + " can connect without a name)\n")
                .contains(
                        "    assumed flow: plant.hmi -> plant.anonymous-at-broker mqtt through plant.broker (t/#, data"
                                + " as flow plant.telemetry)\n");
        assertThat(changed.out()).doesNotContain("unplaced");
        // The configuration enforce wrote refuses clients without a name: then the grant does nothing.
        Path conf = dir.resolve("acl/plant.broker.conf");
        int refusing = 1 + Files.readString(conf).lines().toList().indexOf("allow_anonymous false");
        assertThat(refusing).isPositive();
        Cli refused = Cli.run(
                dir,
                "drift",
                "--mosquitto-acl",
                "acl/plant.broker.acl",
                "--mosquitto-conf",
                "acl/plant.broker.conf",
                "m.yaml");
        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(4);
        assertThat(refused.out())
                .contains("    grant: anonymous clients may subscribe to t/# at plant.broker\n"
                        + "    not analysed: the deployed configuration refuses clients without a name"
                        + " (acl/plant.broker.conf:" + refusing + "): the grant has no effect while it does\n")
                .doesNotContain("assumed client");
        // Let in, they may use it: analysed as above, and the configuration is drift of its own.
        Files.writeString(conf, Files.readString(conf).replace("allow_anonymous false", "allow_anonymous true"));
        Cli letIn = Cli.run(
                dir,
                "drift",
                "--mosquitto-acl",
                "acl/plant.broker.acl",
                "--mosquitto-conf",
                "acl/plant.broker.conf",
                "m.yaml");
        assertThat(letIn.exitCode()).isEqualTo(4);
        assertThat(letIn.out())
                .contains("    assumed client: plant.anonymous-at-broker")
                .contains("(allow_anonymous true)")
                .doesNotContain("not analysed");
    }

    @Test
    void aMosquittoConfigurationChangedByHandIsFound() throws Exception {
        model();
        assertThat(Cli.run(dir, "enforce", "--target", "mosquitto", "-o", "acl", "m.yaml")
                        .exitCode())
                .isZero();
        Cli same = Cli.run(
                dir,
                "drift",
                "--mosquitto-acl",
                "acl/plant.broker.acl",
                "--mosquitto-conf",
                "acl/plant.broker.conf",
                "m.yaml");
        assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
        Path file = dir.resolve("acl/plant.broker.conf");
        Files.writeString(file, Files.readString(file).replace("allow_anonymous false", "allow_anonymous true"));
        int line = (int) Files.readString(file)
                        .lines()
                        .takeWhile(l -> !l.startsWith("allow_anonymous"))
                        .count()
                + 1;
        Cli changed = Cli.run(dir, "drift", "--mosquitto-conf", "acl/plant.broker.conf", "m.yaml");
        assertThat(changed.exitCode()).isEqualTo(4);
        assertThat(changed.out())
                .isEqualTo("m.yaml:14:7: drift (not in the model): broker plant.broker lets clients in without a name"
                        + " (allow_anonymous true), but no flow to or from it says authentication: none\n"
                        + "    deployed: acl/plant.broker.conf:" + line + "\n");
    }

    private static final String HAZARD = """
            mamori: 1
            landscape: Impact
            stakeholders:
              ops: { roles: [operator, data-owner, manufacturer] }
            systems:
              line:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  ot: { cidr: 10.40.0.0/16 }
                  office: { cidr: 10.50.0.0/16 }
                components:
                  plc:
                    kind: controller
                    zone: ot
                    address: 10.40.0.5
                    credentials: none
                    hazards:
                      overpressure: { severity: catastrophic }
                  laptop: { kind: workstation, zone: office, address: 10.50.0.5, exposure: [internet] }
                flows:
                  - { id: reports, from: plc, to: laptop, protocol: https }
            """;

    @Test
    void aDeployedRuleTheModelLacksIsAnalysedAsAnAssumedFlow() throws Exception {
        Files.writeString(dir.resolve("h.yaml"), HAZARD, StandardCharsets.UTF_8);
        assertThat(Cli.run(dir, "enforce", "--target", "nftables", "-o", "rules", "h.yaml")
                        .exitCode())
                .isZero();
        String script = "nft -f rules/line.ot.nft && nft -f rules/line.office.nft && nft add rule inet mamori-line.ot"
                + " guard ip saddr 10.50.0.5 ip daddr 10.40.0.5 tcp dport 502 accept && nft -j list ruleset";
        Process p = new ProcessBuilder("unshare", "-n", "sh", "-c", script)
                .directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("this test needs nft and unshare, as root").isZero();
        Files.writeString(dir.resolve("live.json"), json);
        Cli drift = Cli.run(dir, "drift", "--nftables", "live.json", "h.yaml");
        assertThat(drift.exitCode()).as(drift.err()).isEqualTo(4);
        assertThat(drift.out())
                .contains("allows ip saddr 10.50.0.5 ip daddr 10.40.0.5 tcp dport 502 accept")
                .contains("    traffic: 10.50.0.5 -> 10.40.0.5 tcp/502\n")
                .contains("    assumed flow: line.laptop -> line.plc modbus-tcp/502 (commands)\n")
                .contains("    opens: hazard line.plc.overpressure (catastrophic")
                .contains("    opens: path to line.plc from line.laptop");
        Cli bare = Cli.run(dir, "drift", "--no-impact", "--nftables", "live.json", "h.yaml");
        assertThat(bare.exitCode()).isEqualTo(4);
        assertThat(bare.out())
                .contains("tcp dport 502 accept")
                .doesNotContain("assumed flow")
                .doesNotContain("opens:");
    }

    @Test
    void usageErrors() throws Exception {
        model();
        Cli nothing = Cli.run(dir, "drift", "m.yaml");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("--nftables");
        Cli missing = Cli.run(dir, "drift", "--nftables", "nope.json", "m.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json");
        Files.writeString(dir.resolve("bad.json"), "{\"nftables\": [\n  {\"table\": ]\n");
        Cli bad = Cli.run(dir, "drift", "--nftables", "bad.json", "m.yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.json:2:").contains("not JSON");
    }
}
