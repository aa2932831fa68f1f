package dev.mamori.model.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes synthetic landscapes of any size, valid by construction and the same for the same seed:
 * the input of benchmarks and of tests at scale. Each system is a small IoT deployment — device
 * fleets behind gateways, a broker, a database, an application, a maintainer's remote access — and
 * systems are joined by interconnections with agreements, as in a real system of systems.
 *
 * @param systems how many systems
 * @param componentsPerSystem how many components each system has (at least 6)
 * @param seed the seed of the pseudo-random choices
 * @param flowsPerComponent the average number of flows per component; beyond the flows every
 *     deployment has (devices to gateways, gateways to the broker, …), devices talk to peers
 */
public record LandscapeGenerator(int systems, int componentsPerSystem, long seed, double flowsPerComponent) {

    /** About 1.5 flows per component: the deployment's own flows and no peer traffic. */
    public LandscapeGenerator(int systems, int componentsPerSystem, long seed) {
        this(systems, componentsPerSystem, seed, 0);
    }

    private static final String[] DEVICE_KINDS = {"sensor", "actuator", "camera", "meter", "controller", "lock"};
    private static final String[] CREDENTIALS = {
        "default-shared", "fleet-shared", "user-defined", "unique", "certificate"
    };
    private static final String[] UPDATES = {"none", "manual", "automatic", "signed-automatic"};
    private static final String[] CATEGORIES = {"consumer", "enterprise", "industrial", "critical-infrastructure"};
    private static final String[][] DEVICE_PROTOCOLS = {
        {"mqtt", "tls"}, {"mqtt", "none"}, {"coap", "dtls"}, {"modbus-tcp", "none"}
    };

    /**
     * The most components a generated landscape may have: ten times the largest landscape the
     * benchmarks load, and small enough to be written in a few gigabytes of memory.
     */
    public static final long MAX_COMPONENTS = 1_000_000;

    /** The most flows per component on average; the benchmarks use up to 10. */
    public static final double MAX_FLOWS_PER_COMPONENT = 100;

    public LandscapeGenerator {
        if (systems < 1 || componentsPerSystem < 6) {
            throw new IllegalArgumentException("at least 1 system of at least 6 components");
        }
        String tooLarge = tooLarge(systems, componentsPerSystem, flowsPerComponent);
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge);
        }
    }

    /** Why a landscape of this size is not generated, or null when it is within the limits. */
    public static String tooLarge(long systems, long componentsPerSystem, double flowsPerComponent) {
        if (systems * componentsPerSystem > MAX_COMPONENTS) {
            return "a generated landscape has at most " + MAX_COMPONENTS + " components (systems x components"
                    + " per system), and " + systems + " x " + componentsPerSystem + " is more";
        }
        if (!(flowsPerComponent >= 0 && flowsPerComponent <= MAX_FLOWS_PER_COMPONENT)) {
            return "flows per component must be between 0 and " + (int) MAX_FLOWS_PER_COMPONENT;
        }
        return null;
    }

    /** The landscape as plain values (maps, lists, strings, numbers), ready to be written as YAML or JSON. */
    public Map<String, Object> toPlainValues() {
        Random random = new Random(seed);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mamori", 1);
        root.put("landscape", "Generated landscape of " + systems + " systems");
        root.put("description", "Synthetic, seed " + seed + ", " + componentsPerSystem + " components per system");
        Map<String, Object> stakeholders = new LinkedHashMap<>();
        stakeholders.put(
                "vendor",
                Map.of(
                        "roles",
                        List.of("manufacturer", "maintainer"),
                        "vulnerability-disclosure",
                        "psirt@vendor.example"));
        Map<String, Object> systemMap = new LinkedHashMap<>();
        List<Object> interconnections = new ArrayList<>();
        Map<String, Object> missions = new LinkedHashMap<>();
        for (int s = 0; s < systems; s++) {
            String sid = "sys" + s;
            String owner = "owner" + s;
            stakeholders.put(owner, Map.of("name", "Owner of " + sid, "roles", List.of("operator", "data-owner")));
            systemMap.put(sid, system(sid, owner, random));
            if (s > 0) {
                int other = random.nextInt(s);
                interconnections.add(ordered(
                        "from",
                        sid + ".app",
                        "to",
                        "sys" + other + ".broker",
                        "protocol",
                        "https",
                        "authentication",
                        "certificate",
                        "data",
                        List.of(sid + ".telemetry"),
                        "agreement",
                        "Data-sharing agreement " + other + "-" + s));
            }
            missions.put(
                    "serve-" + sid,
                    ordered(
                            "owner",
                            owner,
                            "needs",
                            ordered(
                                    "all",
                                    List.of(
                                            sid + ".broker",
                                            sid + ".app",
                                            ordered("at-least", 1, "of", List.of(sid + ".gw0", sid + ".gw1")))),
                            "rto",
                            (15 + random.nextInt(45)) + "m",
                            "max-downtime",
                            (2 + random.nextInt(10)) + "h"));
        }
        root.put("stakeholders", stakeholders);
        root.put("systems", systemMap);
        root.put("flows", interconnections);
        root.put("missions", missions);
        return root;
    }

    private Map<String, Object> system(String sid, String owner, Random random) {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("owner", owner);
        system.put("operator", owner);
        system.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        system.put(
                "zones",
                ordered(
                        "field", ordered("kind", "ot", "trust", "high"),
                        "core", ordered("kind", "it"),
                        "edge", ordered("kind", "dmz", "trust", "low")));
        Map<String, Object> components = new LinkedHashMap<>();
        List<Object> flows = new ArrayList<>();
        components.put("lan", ordered("kind", "lan", "zone", "field"));
        components.put("broker", ordered("kind", "broker", "zone", "core", "logging", "central"));
        components.put("db", ordered("kind", "database", "zone", "core", "stores", List.of("telemetry")));
        components.put(
                "app",
                ordered("kind", "web-app", "zone", "edge", "exposure", "internet", "credentials", "user-defined"));
        components.put(
                "portal",
                ordered("kind", "remote-access", "zone", "edge", "exposure", "internet", "maintainer", "vendor"));
        int devices = componentsPerSystem - 7;
        components.put("gw0", gateway());
        components.put("gw1", gateway());
        flows.add(ordered(
                "from",
                "broker",
                "to",
                "db",
                "protocol",
                "sql",
                "encryption",
                "tls",
                "authentication",
                "password",
                "data",
                List.of("telemetry")));
        flows.add(ordered(
                "from", "db", "to", "app", "protocol", "sql", "encryption", "tls", "authentication", "password"));
        for (int g = 0; g < 2; g++) {
            flows.add(ordered(
                    "from",
                    "gw" + g,
                    "to",
                    "broker",
                    "protocol",
                    "mqtt",
                    "encryption",
                    "tls",
                    "authentication",
                    "certificate",
                    "network",
                    List.of("lan")));
        }
        for (int d = 0; d < devices; d++) {
            String kind = DEVICE_KINDS[random.nextInt(DEVICE_KINDS.length)];
            Map<String, Object> device = ordered(
                    "kind",
                    kind,
                    "count",
                    1 + random.nextInt(500),
                    "zone",
                    "field",
                    "manufacturer",
                    "vendor",
                    "credentials",
                    CREDENTIALS[random.nextInt(CREDENTIALS.length)],
                    "update",
                    UPDATES[random.nextInt(UPDATES.length)]);
            if (kind.equals("actuator") || kind.equals("lock")) {
                device.put(
                        "hazards",
                        ordered("harm", ordered("severity", random.nextBoolean() ? "marginal" : "critical")));
            }
            components.put("d" + d, device);
            String[] protocol = DEVICE_PROTOCOLS[random.nextInt(DEVICE_PROTOCOLS.length)];
            flows.add(ordered(
                    "from",
                    "d" + d,
                    "to",
                    "gw" + (d % 2),
                    "protocol",
                    protocol[0],
                    "encryption",
                    protocol[1],
                    "data",
                    List.of("telemetry")));
            if (kind.equals("actuator") || kind.equals("controller") || kind.equals("lock")) {
                flows.add(ordered(
                        "from",
                        "gw" + (d % 2),
                        "to",
                        "d" + d,
                        "protocol",
                        protocol[0],
                        "encryption",
                        protocol[1],
                        "commands",
                        true));
            }
        }
        // Peer flows between devices: device i talks to devices i+1 .. i+k, so no pair repeats.
        int target = (int) Math.round(flowsPerComponent * componentsPerSystem);
        for (int offset = 1; flows.size() < target && offset < devices; offset++) {
            for (int d = 0; d < devices && flows.size() < target; d++) {
                String[] protocol = DEVICE_PROTOCOLS[random.nextInt(DEVICE_PROTOCOLS.length)];
                flows.add(ordered(
                        "from",
                        "d" + d,
                        "to",
                        "d" + ((d + offset) % devices),
                        "protocol",
                        protocol[0],
                        "encryption",
                        protocol[1],
                        "data",
                        List.of("telemetry")));
            }
        }
        system.put("components", components);
        system.put("flows", flows);
        system.put(
                "credentials",
                List.of(ordered(
                        "holder",
                        "portal",
                        "accepted-by",
                        List.of("gw0", "gw1"),
                        "kind",
                        "password",
                        "mfa",
                        random.nextBoolean())));
        system.put("data", ordered("telemetry", ordered("owner", owner, "classification", "internal")));
        return system;
    }

    private static Map<String, Object> gateway() {
        return ordered(
                "kind",
                "gateway",
                "zone",
                "field",
                "maintainer",
                "vendor",
                "credentials",
                "unique",
                "update",
                "signed-automatic");
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
