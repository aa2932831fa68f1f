package dev.mamori.engine.systemic;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small random landscapes with every kind of relation, for property tests against brute force. */
public final class RandomLandscapes {

    private static final String[] CREDENTIALS = {
        "none", "default-shared", "fleet-shared", "unique", "certificate", "unknown"
    };

    private static final String[] EGRESS = {"{ kind: it, egress: deny }", "{ kind: it, egress: open }", "{ kind: it }"};

    private RandomLandscapes() {}

    public static FrozenGraph frozen(long seed) {
        return FrozenGraph.of(load(yaml(seed)));
    }

    public static dev.mamori.model.Landscape load(String yaml) {
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(Map.of(Path.of("r.yaml"), yaml.getBytes(StandardCharsets.UTF_8))),
                        new ModelLoader.Options(ReadLimits.DEFAULT, LocalDate.of(2026, 11, 22)))
                .load(List.of(Path.of("r.yaml")));
        return result.landscape().orElseThrow(() -> new AssertionError(yaml + "\n" + result.errors()));
    }

    public static String yaml(long seed) {
        Random random = new Random(seed);
        int systems = 1 + random.nextInt(4);
        StringBuilder y = new StringBuilder("mamori: 1\nstakeholders:\n  o: { roles: [operator] }\nsystems:\n");
        int[] sizes = new int[systems];
        // Fleets, their reach of each other and exposure in person drawn apart, so that the other
        // draws stay as they were for a seed.
        Random fleets = new Random(seed * 31 + 11);
        Random egress = new Random(seed * 37 + 13);
        Random crashes = new Random(seed * 41 + 17);
        for (int s = 0; s < systems; s++) {
            sizes[s] = 2 + random.nextInt(7);
            y.append("  s").append(s).append(":\n    owner: o\n    operator: o\n    category: enterprise\n");
            // What each zone lets out, drawn apart too: denied, open, or not stated.
            y.append("    zones: { z0: ")
                    .append(EGRESS[egress.nextInt(EGRESS.length)])
                    .append(", z1: ")
                    .append(EGRESS[egress.nextInt(EGRESS.length)])
                    .append(" }\n    components:\n");
            for (int c = 0; c < sizes[s]; c++) {
                y.append("      c").append(c).append(": { kind: ").append(c == 0 ? "lan" : "controller");
                y.append(", credentials: ").append(CREDENTIALS[random.nextInt(CREDENTIALS.length)]);
                if (random.nextInt(3) > 0) {
                    y.append(", zone: z").append(random.nextInt(2));
                }
                if (random.nextInt(4) == 0) {
                    y.append(", exposure: internet");
                } else if (fleets.nextInt(5) == 0) {
                    y.append(", exposure: physical");
                }
                if (fleets.nextInt(3) == 0) {
                    y.append(", count: ").append(2 + fleets.nextInt(6));
                    if (fleets.nextBoolean()) {
                        y.append(", peer-reach: ").append(new int[] {0, 34, 50, 100}[fleets.nextInt(4)]);
                    }
                }
                if (crashes.nextInt(6) == 0) {
                    y.append(", exploitable: [{ flaw: CVE-2099-")
                            .append(1000 + s * 10 + c)
                            .append(", effect: crash }]");
                }
                y.append("@needs:s").append(s).append(".c").append(c).append("@ }\n");
            }
        }
        int total = 0;
        List<String> ids = new java.util.ArrayList<>();
        for (int s = 0; s < systems; s++) {
            total += sizes[s];
            for (int c = 0; c < sizes[s]; c++) {
                ids.add("s" + s + ".c" + c);
            }
        }
        // Declared needs drawn apart, so that the other draws stay as they were for a seed; so are
        // the update sources, one component in six installing another's updates.
        Random needing = new Random(~seed);
        Random updating = new Random(seed * 13 + 5);
        for (String id : ids) {
            List<String> others = ids.stream().filter(o -> !o.equals(id)).toList();
            String needs = others.isEmpty() || needing.nextInt(3) > 0 ? "" : ", needs: " + needs(needing, others, 2);
            if (!others.isEmpty() && updating.nextInt(6) == 0) {
                needs += ", updates-from: " + others.get(updating.nextInt(others.size()));
            }
            int at = y.indexOf("@needs:" + id + "@");
            y.replace(at, at + ("@needs:" + id + "@").length(), needs);
        }
        y.append("flows:\n");
        // Which flows travel in clear, drawn apart so that the other draws stay as they were for a seed.
        Random clear = new Random(seed * 17 + 3);
        int flows = random.nextInt(total * 2 + 1);
        for (int f = 0; f < flows; f++) {
            String a = pick(random, sizes);
            String b = pick(random, sizes);
            if (a.equals(b)) {
                continue;
            }
            y.append("  - { from: ")
                    .append(a)
                    .append(", to: ")
                    .append(b)
                    .append(
                            switch (clear.nextInt(6)) {
                                case 0 -> ", protocol: mqtt, encryption: none";
                                // Over the air: in clear, with a sniffed key, and protected there.
                                case 1 -> ", protocol: ble, encryption: none";
                                case 2 -> ", protocol: ble, encryption: ble-legacy";
                                case 3 -> ", protocol: ble, encryption: ble-secure";
                                default -> ", protocol: mqtt, encryption: tls";
                            });
            boolean commands = random.nextBoolean();
            y.append(", commands: ").append(commands);
            if (!commands && random.nextInt(4) == 0) {
                y.append(", required: true");
            }
            if (random.nextInt(4) == 0) {
                y.append(", authorization: role-based");
            }
            if (random.nextInt(3) == 0) {
                y.append(", network: s").append(random.nextInt(systems)).append(".c0");
            }
            y.append(", data: [d").append(f).append("] }\n");
        }
        y.append("credentials:\n");
        int credentials = random.nextInt(total + 1);
        for (int r = 0; r < credentials; r++) {
            String a = pick(random, sizes);
            String b = pick(random, sizes);
            if (a.equals(b)) {
                continue;
            }
            y.append("  - { holder: ").append(a).append(", accepted-by: ").append(b);
            y.append(", mfa: ").append(random.nextBoolean()).append(" }\n");
        }
        // Accounts drawn apart too: directory accounts that log in here and there, some leaked.
        Random accounting = new Random(seed * 31 + 7);
        int accounts = accounting.nextInt(4);
        if (accounts > 0) {
            y.append("accounts:\n");
        }
        for (int a = 0; a < accounts; a++) {
            y.append("  a").append(a).append(": { kind: domain, logs-in-to: [");
            int logins = 1 + accounting.nextInt(3);
            for (int i = 0; i < logins; i++) {
                y.append(i == 0 ? "" : ", ").append(pick(accounting, sizes));
            }
            y.append("]");
            if (accounting.nextBoolean()) {
                y.append(", used-from: ").append(pick(accounting, sizes));
            }
            y.append(", mfa: ").append(accounting.nextInt(3) == 0);
            switch (accounting.nextInt(4)) {
                case 0 -> y.append(", state: [leaked]");
                case 1 -> y.append(", state: [embedded]");
                default -> {}
            }
            y.append(" }\n");
        }
        y.append("data:\n");
        for (int f = 0; f < flows; f++) {
            y.append("  d").append(f).append(": { owner: o }\n");
        }
        return y.toString();
    }

    /** A random landscape of the systemic tests with three random missions over its components. */
    public static dev.mamori.model.Landscape withMissions(long seed) {
        return load(withMissionsYaml(seed));
    }

    /** The text of {@link #withMissions}. */
    public static String withMissionsYaml(long seed) {
        String yaml = RandomLandscapes.yaml(seed);
        List<String> ids = load(yaml).components().stream()
                .map(dev.mamori.model.Component::id)
                .toList();
        Random random = new Random(seed);
        StringBuilder missions = new StringBuilder("missions:\n");
        for (int m = 0; m < 3; m++) {
            missions.append("  m")
                    .append(m)
                    .append(": { needs: ")
                    .append(needs(random, ids, 2))
                    .append(" }\n");
        }
        return yaml + missions;
    }

    public static String needs(Random random, List<String> ids, int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return ids.get(random.nextInt(ids.size()));
        }
        int n = 1 + random.nextInt(3);
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(needs(random, ids, depth - 1));
        }
        String list = "[" + String.join(", ", parts) + "]";
        return switch (random.nextInt(3)) {
            case 0 -> "{ all: " + list + " }";
            case 1 -> "{ any: " + list + " }";
            default -> "{ at-least: " + (1 + random.nextInt(n)) + ", of: " + list + " }";
        };
    }

    private static String pick(Random random, int[] sizes) {
        int s = random.nextInt(sizes.length);
        return "s" + s + ".c" + random.nextInt(sizes[s]);
    }
}
