package dev.mamori.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated rulesets against the real nftables: parsed by {@code nft -c}, then loaded into a
 * network namespace this test creates (loopback only, gone when its process ends), where a
 * modelled flow connects and an unmodelled one is dropped. Needs nft, unshare and root; when any
 * is missing the test fails and says so rather than passing untested.
 */
class NftablesLiveTest {

    private static Map<String, String> files;

    @BeforeAll
    static void generate() {
        Generated g = NftablesTarget.generate(Landscapes.load(Landscapes.plant()), Optional.empty());
        assertThat(g.problems()).isEmpty();
        files = g.files();
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run " + command.get(0) + " (" + e.getMessage() + "): this test needs nftables"
                            + " (apt-get install nftables) and util-linux's unshare, as root",
                    e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, files.get(name), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void everyRulesetParsesWithTheRealNft(@TempDir Path dir) throws Exception {
        for (String name : files.keySet()) {
            // nft -c checks against the kernel without committing; in a namespace of its own, so
            // that not even a check touches the host's tables.
            Result r = run(
                    List.of("unshare", "-n", "nft", "-c", "-f", write(dir, name).toString()));
            assertThat(r.exit())
                    .as("nft -c -f %s:\n%s\n%s", name, r.output(), files.get(name))
                    .isZero();
        }
    }

    @Test
    void aBrokenRulesetIsRejectedByTheSameCheck(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.nft");
        Files.writeString(file, files.get("plant.ot.nft").replace("tcp dport 1883", "tcp dport 1883x"));
        Result r = run(List.of("unshare", "-n", "nft", "-c", "-f", file.toString()));
        assertThat(r.exit()).as("the check can fail: %s", r.output()).isNotZero();
    }

    /** Runs {@link NamespaceProbe} in a namespace of its own: from SOURCE to each ADDRESS PORT. */
    private static Result probe(Path ruleset, String source, String... listeners) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path classes = Path.of(NamespaceProbe.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> command = new ArrayList<>(
                List.of("unshare", "-n", java.toString(), "-cp", classes.toString(), NamespaceProbe.class.getName()));
        command.add(ruleset.toString());
        command.add(source);
        command.addAll(List.of(listeners));
        Result r = run(command);
        assertThat(r.exit()).as(r.output()).isZero();
        return r;
    }

    @Test
    void inANamespaceTheModelledFlowConnectsAndAnUnmodelledOneIsDropped(@TempDir Path dir) throws Exception {
        // From the HMI (127.0.0.20): to the broker's MQTT port and the historian's Modbus port, which
        // the model lists, and to the historian's database port, which no flow reaches from there.
        Result r = probe(
                write(dir, "plant.ot.nft"),
                "127.0.0.20",
                "127.0.0.10",
                "1883",
                "127.0.0.11",
                "502",
                "127.0.0.11",
                "5432");
        assertThat(r.output())
                .as(r.output())
                .contains("connected 127.0.0.10:1883")
                .contains("connected 127.0.0.11:502")
                .contains("timed-out 127.0.0.11:5432");
        String kernel = r.output().substring(r.output().indexOf("--- ruleset"));
        assertThat(kernel)
                .as("the kernel counted one packet or more on the flow's rule and on the drop:\n%s", kernel)
                .containsPattern(
                        "tcp dport 1883 counter packets [1-9]\\d* bytes \\d+ accept comment \"flow plant.telemetry")
                .containsPattern("counter packets [1-9]\\d* bytes \\d+ drop comment \"not in the model\"");
    }

    @Test
    void withThePlanTheCutFlowIsDroppedAndTheOthersStillConnect(@TempDir Path dir) throws Exception {
        // The plan that keeps the historian from a compromised HMI cuts the HMI's Modbus commands.
        var landscape = Landscapes.load(Landscapes.plant());
        Generated g = NftablesTarget.generate(
                landscape,
                Optional.empty(),
                PlanCuts.isolating(landscape, Optional.of("plant.hmi"), "plant.historian"));
        assertThat(g.problems()).isEmpty();
        Path ruleset = dir.resolve("plan.ot.nft");
        Files.writeString(ruleset, g.files().get("plant.ot.nft"), StandardCharsets.UTF_8);
        Result r = probe(ruleset, "127.0.0.20", "127.0.0.10", "1883", "127.0.0.11", "502");
        assertThat(r.output())
                .as(r.output())
                .contains("connected 127.0.0.10:1883")
                .contains("timed-out 127.0.0.11:502");
        String kernel = r.output().substring(r.output().indexOf("--- ruleset"));
        assertThat(kernel)
                .as("the kernel counted the packets on the plan's rule:\n%s", kernel)
                .containsPattern(
                        "tcp dport 502 counter packets [1-9]\\d* bytes \\d+ drop comment \"plan: cut flow plant.setpoint");
    }
}
