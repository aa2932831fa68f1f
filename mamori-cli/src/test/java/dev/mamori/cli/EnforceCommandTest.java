package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori enforce: files written, gaps refused with their place, usage errors. */
class EnforceCommandTest {

    private static final String MODEL = """
            mamori: 1
            landscape: Enforce
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
                  hmi: { kind: workstation, zone: office, address: 10.30.0.9 }
                flows:
                  - { id: telemetry, from: hmi, to: broker, protocol: mqtt }
            """;

    @TempDir
    Path dir;

    private void model(String text) throws IOException {
        Files.writeString(dir.resolve("m.yaml"), text, StandardCharsets.UTF_8);
    }

    @Test
    void writesOneRulesetPerZoneIntoTheFolder() throws IOException {
        model(MODEL);
        Cli cli = Cli.run(dir, "enforce", "--target", "nftables", "-o", "rules", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("mamori: wrote rules/plant.ot.nft", "mamori: wrote rules/plant.office.nft");
        String ot = Files.readString(dir.resolve("rules/plant.ot.nft"));
        assertThat(ot)
                .contains("ip saddr 10.30.0.9 ip daddr 10.20.0.5 tcp dport 1883 counter accept comment"
                        + " \"flow plant.telemetry mqtt m.yaml:17\"");
        Cli again = Cli.run(dir, "enforce", "--target", "nftables", "-o", "again", "m.yaml");
        assertThat(again.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("again/plant.ot.nft"))).isEqualTo(ot);
        Cli one = Cli.run(dir, "enforce", "--target", "nftables", "--system", "plant", "-o", "one", "m.yaml");
        assertThat(one.exitCode()).isZero();
    }

    @Test
    void aFlowWithoutAddressIsRefusedLocatedAndNothingIsWritten() throws IOException {
        model(MODEL.replace(", address: 10.30.0.9", "").replace("office: { cidr: 10.30.0.0/16 }", "office: {}"));
        Cli cli = Cli.run(dir, "enforce", "--target", "nftables", "-o", "rules", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .contains("m.yaml:17:9: error: flow plant.telemetry cannot be enforced: component plant.hmi")
                .contains("m.yaml:12:7: error: zone plant.office has no address");
        assertThat(cli.err()).contains("nothing written");
        assertThat(dir.resolve("rules")).doesNotExist();
    }

    @Test
    void mosquittoWritesAnAclAndAConfigurationPerBroker() throws IOException {
        model(MODEL.replace("address: 10.30.0.9 }", "address: 10.30.0.9, mqtt-user: hmi-1 }")
                .replace("protocol: mqtt }", "protocol: mqtt, authentication: password, topics: [site/+/temp] }"));
        Cli cli =
                Cli.run(dir, "enforce", "--target", "mosquitto", "--mosquitto-dir", "/srv/mqtt", "-o", "acl", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(dir.resolve("acl/plant.broker.acl")))
                .contains("user hmi-1\n# flow plant.telemetry m.yaml:17\ntopic write site/+/temp\n");
        assertThat(Files.readString(dir.resolve("acl/plant.broker.conf")))
                .contains("listener 1883 10.20.0.5\n", "acl_file /srv/mqtt/plant.broker.acl\n");
        model(MODEL);
        Cli gaps = Cli.run(dir, "enforce", "--target", "mosquitto", "-o", "gaps", "m.yaml");
        assertThat(gaps.exitCode()).isEqualTo(1);
        assertThat(gaps.out()).contains("m.yaml:17:9: error: flow plant.telemetry cannot be enforced", "'topics'");
        assertThat(dir.resolve("gaps")).doesNotExist();
    }

    @Test
    void withPlanTheCutFlowIsDropped() throws IOException {
        model(MODEL.replace("protocol: mqtt }", "protocol: mqtt, commands: true }"));
        Cli cli = Cli.run(
                dir,
                "enforce",
                "--target",
                "nftables",
                "--with-plan",
                "--from",
                "plant.hmi",
                "--protect",
                "plant.broker",
                "-o",
                "rules",
                "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(dir.resolve("rules/plant.ot.nft")))
                .contains("tcp dport 1883 counter drop comment \"plan: cut flow plant.telemetry mqtt m.yaml:17\"");
        Cli noProtect = Cli.run(dir, "enforce", "--target", "nftables", "--with-plan", "-o", "r", "m.yaml");
        assertThat(noProtect.exitCode()).isEqualTo(2);
        assertThat(noProtect.err()).contains("--with-plan needs --protect");
        Cli unknown = Cli.run(
                dir, "enforce", "--target", "nftables", "--with-plan", "--protect", "plant.nope", "-o", "r", "m.yaml");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("plant.nope");
    }

    @Test
    void withPlanTheBrokerDeniesTheCutFlow() throws IOException {
        model(MODEL.replace(
                        "protocol: mqtt }",
                        "protocol: mqtt, commands: true, authentication: password, topics:" + " [cmd/#] }")
                .replace("address: 10.30.0.9 }", "address: 10.30.0.9, mqtt-user: hmi }"));
        Cli cli = Cli.run(
                dir,
                "enforce",
                "--target",
                "mosquitto",
                "--with-plan",
                "--from",
                "plant.hmi",
                "--protect",
                "plant.broker",
                "-o",
                "acl",
                "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(dir.resolve("acl/plant.broker.acl")))
                .contains(
                        "user hmi\n# plan: cut flow plant.telemetry m.yaml:17 (it published these)\ntopic deny cmd/#\n")
                .doesNotContain("topic write");
    }

    @Test
    void usageErrors() throws IOException {
        model(MODEL);
        Cli noTarget = Cli.run(dir, "enforce", "-o", "rules", "m.yaml");
        assertThat(noTarget.exitCode()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--target");
        Cli badTarget = Cli.run(dir, "enforce", "--target", "iptables", "-o", "rules", "m.yaml");
        assertThat(badTarget.exitCode()).isEqualTo(2);
        assertThat(badTarget.err()).contains("nftables");
        Cli badSystem = Cli.run(dir, "enforce", "--target", "nftables", "--system", "mall", "-o", "r", "m.yaml");
        assertThat(badSystem.exitCode()).isEqualTo(2);
        assertThat(badSystem.err()).contains("no system 'mall'");
        Cli invalid = Cli.run(dir, "enforce", "--target", "nftables", "-o", "r", "nope.yaml");
        assertThat(invalid.exitCode()).isEqualTo(2);
    }
}
