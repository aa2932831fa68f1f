package dev.mamori.bench;

import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Layer;
import dev.mamori.model.Mission;
import dev.mamori.model.Needs;
import dev.mamori.model.Ref;
import dev.mamori.model.Restoration;
import dev.mamori.model.Scales;
import dev.mamori.model.Scenario;
import dev.mamori.model.Stakeholder;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.load.BuiltInVocabulary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A landscape of a million components built as model records directly, for the benchmarks of the
 * analyses that read the model: the loader keeps every file's located tree while it binds, which
 * costs about 18 KB per component, so a model this large would need splitting and a very large heap
 * to be read from files. Each system has a LAN, a broker, a database, an application, two gateways
 * and devices sending to the gateways over the LAN; each application feeds the previous system's
 * broker; every component says how it is restored; each system serves one mission.
 */
final class RecordLandscape {

    private static final SourceLocation AT = SourceLocation.startOf("generated");

    private RecordLandscape() {}

    /** {@code systems} systems of {@code componentsPerSystem} components (at least 7). */
    static Landscape of(int systems, int componentsPerSystem) {
        Map<String, IotSystem> systemMap = new LinkedHashMap<>();
        List<Flow> interconnections = new ArrayList<>();
        Map<String, Mission> missions = new LinkedHashMap<>();
        Ref owner = new Ref("ops", null, AT);
        for (int s = 0; s < systems; s++) {
            String sid = "sys" + s;
            systemMap.put(sid, system(sid, owner, componentsPerSystem));
            if (s > 0) {
                interconnections.add(flow(null, ref(sid + ".app"), ref("sys" + (s - 1) + ".broker"), List.of()));
            }
            missions.put(
                    "serve-" + sid,
                    new Mission(
                            "serve-" + sid,
                            "serve-" + sid,
                            Optional.of(owner),
                            new Needs.All(
                                    List.of(
                                            new Needs.One(ref(sid + ".broker")),
                                            new Needs.One(ref(sid + ".app")),
                                            new Needs.AtLeast(
                                                    1,
                                                    List.of(
                                                            new Needs.One(ref(sid + ".gw0")),
                                                            new Needs.One(ref(sid + ".gw1"))),
                                                    AT)),
                                    AT),
                            Optional.of(Duration.ofMinutes(30)),
                            Optional.of(Duration.ofHours(4)),
                            Optional.empty(),
                            List.of(),
                            "",
                            AT));
        }
        List<Ref> lans = new ArrayList<>();
        for (int s = 1; s <= Math.min(10, systems - 1); s++) {
            lans.add(ref("sys" + s + ".lan"));
        }
        Map<String, Scenario> scenarios = Map.of(
                "regional-outage",
                new Scenario(
                        "regional-outage",
                        "Ten sites lose their LAN while a broker is held",
                        lans,
                        List.of(ref("sys0.broker")),
                        List.of(),
                        List.of(),
                        java.util.Optional.empty(),
                        "",
                        AT));
        return new Landscape(
                "Record landscape of " + systems + " systems",
                "",
                List.of("generated"),
                Map.of(
                        "ops",
                        new Stakeholder("ops", "ops", List.of("operator"), Optional.empty(), Optional.empty(), "", AT)),
                systemMap,
                interconnections,
                List.of(),
                Map.of(),
                Map.of(),
                missions,
                scenarios,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                BuiltInVocabulary.get(),
                dev.mamori.model.Assumptions.defaults(AT),
                AT);
    }

    private static IotSystem system(String sid, Ref owner, int size) {
        Map<String, Component> components = new LinkedHashMap<>();
        List<Flow> flows = new ArrayList<>();
        Ref lan = new Ref("lan", sid, AT);
        List<Ref> overLan = List.of(lan);
        Restoration lanRestore = restore(Duration.ofMinutes(30), 0, null, Scales.Backup.UNKNOWN, List.of());
        Restoration brokerRestore = restore(Duration.ofHours(1), 0, null, Scales.Backup.OFFLINE, overLan);
        Restoration dbRestore = restore(Duration.ofHours(3), 0, null, Scales.Backup.ONLINE, List.of());
        Restoration appRestore = restore(Duration.ofMinutes(20), 0, null, Scales.Backup.OFFLINE, List.of());
        Restoration gatewayRestore =
                restore(Duration.ofHours(2), 1, Duration.ofMinutes(15), Scales.Backup.OFFLINE, overLan);
        Restoration deviceRestore = restore(Duration.ofHours(4), 0, null, Scales.Backup.NONE, List.of());
        put(components, component(sid, "lan", "lan", Layer.NETWORK, lanRestore));
        // The broker runs on the site LAN; the database and the application live on what flows into
        // them (required flows): so the LAN going down takes the chain down, and nothing else does.
        put(
                components,
                component(sid, "broker", "broker", Layer.PLATFORM, brokerRestore, Optional.of(new Needs.One(lan))));
        put(components, component(sid, "db", "database", Layer.PLATFORM, dbRestore));
        put(components, component(sid, "app", "web-app", Layer.SERVICE, appRestore));
        put(components, component(sid, "gw0", "gateway", Layer.DEVICE, gatewayRestore));
        put(components, component(sid, "gw1", "gateway", Layer.DEVICE, gatewayRestore));
        flows.add(flow(sid, new Ref("gw0", sid, AT), new Ref("broker", sid, AT), overLan));
        flows.add(flow(sid, new Ref("gw1", sid, AT), new Ref("broker", sid, AT), overLan));
        flows.add(flow(sid, new Ref("broker", sid, AT), new Ref("db", sid, AT), List.of(), true));
        flows.add(flow(sid, new Ref("db", sid, AT), new Ref("app", sid, AT), List.of(), true));
        Ref[] gateways = {new Ref("gw0", sid, AT), new Ref("gw1", sid, AT)};
        for (int d = 0; d < size - 6; d++) {
            put(components, component(sid, "d" + d, "sensor", Layer.DEVICE, deviceRestore));
            flows.add(flow(sid, new Ref("d" + d, sid, AT), gateways[d % 2], overLan));
        }
        return new IotSystem(
                sid,
                sid,
                owner,
                Optional.of(owner),
                "industrial",
                Optional.empty(),
                Optional.empty(),
                Map.of(),
                components,
                flows,
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                "",
                AT);
    }

    private static void put(Map<String, Component> components, Component c) {
        components.put(c.localId(), c);
    }

    private static Component component(String sid, String local, String kind, Layer layer, Restoration restore) {
        return component(sid, local, kind, layer, restore, Optional.empty());
    }

    private static Component component(
            String sid, String local, String kind, Layer layer, Restoration restore, Optional<Needs> needs) {
        return new Component(
                sid + "." + local,
                sid,
                local,
                layer,
                kind,
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Scales.Credentials.UNIQUE,
                Scales.UpdatePath.SIGNED_AUTOMATIC,
                Optional.of(true),
                List.of(),
                Set.of(),
                Optional.empty(),
                List.of(),
                Scales.Logging.CENTRAL,
                false,
                Scales.Tenancy.SINGLE,
                false,
                List.of(),
                List.of(),
                Optional.of(restore),
                needs,
                List.of(),
                Scales.UserAction.NONE,
                List.of(),
                "",
                AT,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                java.util.OptionalLong.empty(),
                Optional.empty(),
                java.util.OptionalInt.empty());
    }

    private static Restoration restore(
            Duration time, int spares, Duration swap, Scales.Backup backup, List<Ref> after) {
        return new Restoration(
                Optional.of(time),
                spares,
                Optional.ofNullable(swap),
                backup,
                Optional.of(Duration.ofDays(1)),
                after,
                Optional.empty(),
                Optional.empty(),
                AT);
    }

    private static Flow flow(String system, Ref from, Ref to, List<Ref> network) {
        return flow(system, from, to, network, false);
    }

    private static Flow flow(String system, Ref from, Ref to, List<Ref> network, boolean required) {
        return new Flow(
                Flow.label(from, to),
                false,
                system,
                from,
                to,
                "mqtt",
                "tls",
                "certificate",
                false,
                Scales.Authorization.NONE,
                List.of(),
                required,
                network,
                Optional.empty(),
                List.of(),
                "",
                AT,
                OptionalInt.of(8883),
                List.of());
    }

    private static Ref ref(String qualified) {
        return new Ref(qualified, null, AT);
    }
}
