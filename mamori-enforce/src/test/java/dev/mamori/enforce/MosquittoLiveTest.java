package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated ACL and configuration in a real Mosquitto broker, started in a network namespace
 * this test creates (loopback only, gone with its process): the modelled publish reaches the
 * modelled subscriber, a publish to a topic the model does not give the publisher is not
 * delivered, a subscription the model does not give receives nothing, and an anonymous client is
 * refused. Needs mosquitto, mosquitto_pub, mosquitto_sub, mosquitto_passwd, unshare and root; when
 * any is missing the test fails and says so rather than passing untested.
 */
class MosquittoLiveTest {

    @Test
    void theBrokerDeliversWhatTheModelAllowsAndNothingElse(@TempDir Path dir) throws Exception {
        // The broker drops root for its own user before reading the ACL: the folder must be readable.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Generated g = MosquittoTarget.generate(Landscapes.load(Landscapes.plant()), Optional.empty(), dir.toString());
        assertThat(g.problems()).isEmpty();
        for (Map.Entry<String, String> file : g.files().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        Path passwords = dir.resolve("plant.broker.passwd");
        run(List.of("mosquitto_passwd", "-b", "-c", passwords.toString(), "hmi", "hmi-secret"));
        run(List.of("mosquitto_passwd", "-b", passwords.toString(), "app", "app-secret"));
        for (Path f : List.of(passwords, dir.resolve("plant.broker.acl"), dir.resolve("plant.broker.conf"))) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        String d = dir.toString();
        String as = " -h 127.0.0.10 -p 1883 ";
        String hmi = as + "-u hmi -P hmi-secret ";
        String script = String.join(
                "\n",
                "ip link set lo up",
                "mosquitto -c " + d + "/plant.broker.conf > " + d + "/broker.log 2>&1 &",
                "broker=$!",
                // ready when the modelled publisher gets in
                "for i in $(seq 100); do mosquitto_pub" + hmi + "-t plant/telemetry/ping -m ping 2>/dev/null && break;"
                        + " sleep 0.1; done",
                "mosquitto_sub" + as + "-u app -P app-secret -t 'plant/#' -v -W 5 > " + d + "/app.out 2>&1 &",
                "app=$!",
                // the HMI subscribes though no flow from the broker to it is modelled
                "mosquitto_sub" + hmi + "-t 'plant/#' -v -W 5 > " + d + "/hmi.out 2>&1 &",
                "sub=$!",
                "sleep 1",
                "mosquitto_pub" + hmi + "-q 1 -t plant/telemetry/temp -m allowed; echo \"allowed-publish $?\"",
                "mosquitto_pub" + hmi + "-q 1 -t plant/setpoint -m denied; echo \"denied-publish $?\"",
                "mosquitto_pub" + as + "-t plant/telemetry/temp -m anonymous 2>&1; echo \"anonymous-publish $?\"",
                "wait $app; wait $sub",
                "kill $broker",
                "echo '--- app'; cat " + d + "/app.out",
                "echo '--- hmi'; cat " + d + "/hmi.out",
                "echo '--- end'");
        String out = run(List.of("unshare", "-n", "sh", "-c", script));
        String app = out.substring(out.indexOf("--- app"), out.indexOf("--- hmi"));
        String hmiReceived = out.substring(out.indexOf("--- hmi"), out.indexOf("--- end"));
        String log = Files.readString(dir.resolve("broker.log"));
        assertThat(out).as("%s\nbroker log:\n%s", out, log).contains("allowed-publish 0", "--- end");
        assertThat(app)
                .as("the subscriber got the modelled publish and not the other:\n%s\nbroker log:\n%s", out, log)
                .contains("plant/telemetry/temp allowed")
                .doesNotContain("denied")
                .doesNotContain("anonymous");
        assertThat(hmiReceived)
                .as("a subscription the model does not grant receives nothing:\n%s", out)
                .doesNotContain("plant/");
        assertThat(out)
                .as("an anonymous client is refused:\n%s", out)
                .containsPattern("anonymous-publish [1-9]")
                .contains("not authorised");
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run " + command.get(0) + " (" + e.getMessage() + "): this test needs Mosquitto"
                            + " (apt-get install mosquitto mosquitto-clients) and util-linux's unshare, as root",
                    e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s:\n%s", command, out).isZero();
        return out;
    }
}
