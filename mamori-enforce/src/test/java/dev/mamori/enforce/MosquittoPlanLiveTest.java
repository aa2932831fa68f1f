package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker side of an isolation plan and of drift, against a real Mosquitto started in a network
 * namespace this test creates, as in {@link MosquittoLiveTest}. In broker-plan.yaml the exposed
 * SCADA host commands the valve through the broker; the plan that keeps the valve from the SCADA
 * host cuts that command flow, and with --with-plan the ACL denies it: the broker no longer
 * delivers the SCADA host's command to the valve, while the valve's telemetry still reaches the
 * panel. Then a configuration changed by hand (anonymous clients let in, a second listener) is
 * shown to do what drift says it does.
 */
class MosquittoPlanLiveTest {

    private static final Landscape LANDSCAPE = Landscapes.load(Landscapes.resource("broker-plan.yaml"));
    private static final String AS = " -h 127.0.3.10 -p 1883 ";

    private static PlanCuts plan() {
        return PlanCuts.isolating(LANDSCAPE, Optional.of("line.scada"), "line.valve");
    }

    /** Starts the broker with {@code files} in a fresh namespace, runs {@code clients}, and prints what the subscribers got. */
    private static String broker(Path dir, Map<String, String> files, List<String> clients) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(dir.resolve(file.getKey()), PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path passwords = dir.resolve("line.broker.passwd");
        MosquittoLiveTest.run(List.of("mosquitto_passwd", "-b", "-c", passwords.toString(), "scada", "s"));
        for (String user : List.of("valve", "panel")) {
            MosquittoLiveTest.run(List.of("mosquitto_passwd", "-b", passwords.toString(), user, "s"));
        }
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-r--r--"));
        String d = dir.toString();
        List<String> script = new ArrayList<>(List.of(
                "ip link set lo up",
                "mosquitto -c " + d + "/line.broker.conf > " + d + "/broker.log 2>&1 &",
                "broker=$!",
                "for i in $(seq 100); do mosquitto_pub" + AS + "-u valve -P s -t line/tele/ping -m ping 2>/dev/null"
                        + " && break; sleep 0.1; done",
                "mosquitto_sub" + AS + "-u valve -P s -t 'line/cmd/#' -v -W 5 > " + d + "/valve.out 2>&1 &",
                "valve=$!",
                "mosquitto_sub" + AS + "-u panel -P s -t 'line/#' -v -W 5 > " + d + "/panel.out 2>&1 &",
                "panel=$!",
                "sleep 1"));
        script.addAll(clients);
        script.addAll(List.of(
                "wait $valve; wait $panel",
                "kill $broker",
                "echo '--- valve'; cat " + d + "/valve.out",
                "echo '--- panel'; cat " + d + "/panel.out",
                "echo '--- end'"));
        return MosquittoLiveTest.run(List.of("unshare", "-n", "sh", "-c", String.join("\n", script)));
    }

    private static String between(String out, String from, String to) {
        return out.substring(out.indexOf(from), out.indexOf(to));
    }

    private static final List<String> PUBLISH = List.of(
            "mosquitto_pub" + AS + "-u scada -P s -q 1 -t line/cmd/open -m command; echo \"command $?\"",
            "mosquitto_pub" + AS + "-u valve -P s -q 1 -t line/tele/level -m telemetry; echo \"telemetry $?\"");

    @Test
    void withoutThePlanTheScadaHostsCommandReachesTheValve(@TempDir Path dir) throws Exception {
        Generated g = MosquittoTarget.generate(LANDSCAPE, Optional.empty(), dir.toString());
        String out = broker(dir, g.files(), PUBLISH);
        assertThat(between(out, "--- valve", "--- panel")).as(out).contains("line/cmd/open command");
    }

    @Test
    void withThePlanTheBrokerDeniesTheCutFlowAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        PlanCuts plan = plan();
        assertThat(plan.flows()).extracting(f -> f.id()).containsExactly("line.command");
        Generated g = MosquittoTarget.generate(LANDSCAPE, Optional.empty(), dir.toString(), plan);
        assertThat(g.problems()).isEmpty();
        assertThat(g.files().get("line.broker.acl"))
                .contains("user scada\n# plan: cut flow line.command")
                .contains("topic deny line/cmd/#")
                .doesNotContain("topic write line/cmd/#");
        String out = broker(dir, g.files(), PUBLISH);
        assertThat(between(out, "--- valve", "--- panel"))
                .as("the cut command is not delivered:\n%s", out)
                .doesNotContain("line/cmd/open");
        assertThat(between(out, "--- panel", "--- end"))
                .as("the valve's telemetry still reaches the panel:\n%s", out)
                .contains("line/tele/level telemetry");
        // What was deployed is what the model with its plan asks for, and not what the model alone does.
        var problems = new ArrayList<dev.mamori.model.diagnostics.Diagnostic>();
        var withPlan = MosquittoTarget.grants(LANDSCAPE, Optional.empty(), plan, problems)
                .get("line.broker");
        assertThat(MosquittoDrift.compare(withPlan, g.files().get("line.broker.acl"), "acl"))
                .isEmpty();
        var without =
                MosquittoTarget.grants(LANDSCAPE, Optional.empty(), problems).get("line.broker");
        assertThat(MosquittoDrift.compare(without, g.files().get("line.broker.acl"), "acl"))
                .extracting(Drift.Difference::kind)
                .containsExactlyInAnyOrder(Drift.Kind.NOT_IN_MODEL, Drift.Kind.NOT_DEPLOYED);
        assertThat(problems).isEmpty();
    }

    @Test
    void aConfigurationChangedByHandDoesWhatDriftSays(@TempDir Path dir) throws Exception {
        Map<String, String> files =
                new java.util.TreeMap<>(MosquittoTarget.generate(LANDSCAPE, Optional.empty(), dir.toString())
                        .files());
        String generated = files.get("line.broker.conf");
        var problems = new ArrayList<dev.mamori.model.diagnostics.Diagnostic>();
        MosquittoTarget.Broker broker =
                MosquittoTarget.grants(LANDSCAPE, Optional.empty(), problems).get("line.broker");
        assertThat(MosquittoConfDrift.compare(broker, generated, "line.broker.conf")
                        .differences())
                .isEmpty();
        String changed = generated
                .replace("allow_anonymous false", "allow_anonymous true")
                .replace("listener 1883 127.0.3.10\n", "listener 1883 127.0.3.10\nlistener 1884\n");
        files.put("line.broker.conf", changed);
        String out = broker(
                dir,
                files,
                List.of(
                        "mosquitto_pub -h 127.0.3.10 -p 1883 -t line/anything -m anonymous; echo \"anonymous $?\"",
                        "mosquitto_pub -h 127.0.0.1 -p 1884 -u valve -P s -t line/tele/other -m second; echo"
                                + " \"second $?\""));
        // The broker really lets the anonymous client connect and listens on the second port.
        assertThat(out).as(out).contains("anonymous 0", "second 0");
        assertThat(between(out, "--- panel", "--- end")).as(out).contains("line/tele/other second");
        List<Drift.Difference> found =
                MosquittoConfDrift.compare(broker, changed, "line.broker.conf").differences();
        int anonymousLine = Landscapes.line(changed, "allow_anonymous true");
        int listenerLine = Landscapes.line(changed, "listener 1884");
        assertThat(found).hasSize(2).allSatisfy(d -> assertThat(d.kind()).isEqualTo(Drift.Kind.NOT_IN_MODEL));
        assertThat(found).anySatisfy(d -> {
            assertThat(d.deployed()).isEqualTo("line.broker.conf:" + anonymousLine);
            assertThat(d.message()).contains("allow_anonymous true");
        });
        assertThat(found).anySatisfy(d -> {
            assertThat(d.deployed()).isEqualTo("line.broker.conf:" + listenerLine);
            assertThat(d.message()).contains("listens on port 1884, which no flow of the model uses");
        });
    }
}
