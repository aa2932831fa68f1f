package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A maintenance login left listening on the network (Telnet, SSH, ADB, a web admin page): the way in
 * that Mirai and its successors scan for.
 */
public final class NetworkDebugService extends ComponentRule {

    /** The network maintenance services, with how easily each is abused as such. */
    static final Map<String, Integer> SERVICES = Map.of(
            "telnet", 5,
            "adb", 5,
            "ssh", 3,
            "web-admin", 3);

    /** Services that are never an acceptable way to administer anything, whatever its layer. */
    static final Set<String> NEVER_ACCEPTABLE = Set.of("telnet");

    static final RuleMetadata METADATA = RuleMetadata.rule("network-debug-service")
            .title("Maintenance login open on the network")
            .rationale("A maintenance service left enabled in the field is a login prompt for anyone who reaches"
                    + " the device over the network. Telnet sends the password in clear text and is the first"
                    + " port IoT botnets try; ADB over TCP usually gives a root shell without any login; SSH and"
                    + " web admin pages are only as strong as the password behind them, which on devices is"
                    + " often default or shared, and their daemons are a large attack surface that is rarely"
                    + " patched. The rule judges each service by itself and by the component's credentials:"
                    + " no or default credentials make any of them trivial, a fleet-wide password makes them"
                    + " easier, certificates make SSH and web admin harder. On platforms and services, SSH and"
                    + " web administration are the normal management path and are left to the access rules;"
                    + " Telnet is flagged on every layer.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(489), cwe(319), owaspIot(2), etsi("5.6-1"), etsi("5.6-5"), iec62443("SR 7.7"), emb3d("TID-224"))
            .mitigations(
                    "Disable Telnet and ADB in production firmware and remove them from debug; where remote"
                            + " maintenance is needed, use SSH with per-device keys (credentials: certificate).",
                    "Bind maintenance services to a management interface or zone only, and reach them through a"
                            + " jump host or VPN that authenticates the technician with a second factor.")
            .build();

    public NetworkDebugService() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        boolean embedded = component.layer() == Layer.DEVICE || component.layer() == Layer.NETWORK;
        List<String> services = component.debug().stream()
                .filter(SERVICES::containsKey)
                .filter(s -> embedded || NEVER_ACCEPTABLE.contains(s))
                .distinct()
                .toList();
        if (services.isEmpty()) {
            return;
        }
        Factor ease = ease(services.get(0), component.credentials());
        for (String service : services) {
            ease = ease.max(ease(service, component.credentials()));
        }
        context.onComponent(
                c,
                component.id() + " leaves a network maintenance login enabled (debug: " + String.join(", ", services)
                        + ")" + DeviceFacts.fleet(component),
                ease);
    }

    private static Factor ease(String service, Credentials credentials) {
        int base = SERVICES.get(service);
        return switch (credentials) {
            case NONE, DEFAULT_SHARED ->
                Factor.of(
                        5,
                        service + " asks for no or a publicly known password (credentials: " + Words.of(credentials)
                                + ")");
            case FLEET_SHARED ->
                Factor.of(Math.min(5, base + 1), service + " is guarded by one password shared across the fleet");
            case CERTIFICATE ->
                base >= 5
                        ? Factor.of(base, reason(service))
                        : Factor.of(2, service + " requires a key or certificate to log in");
            default -> Factor.of(base, reason(service));
        };
    }

    private static String reason(String service) {
        return switch (service) {
            case "telnet" -> "telnet sends its login in clear text and is scanned for by every IoT botnet";
            case "adb" -> "adb over the network usually gives a root shell without a login";
            default -> service + " is as strong as the password behind it and is probed constantly";
        };
    }

    /** The debug list without the network services this rule flags there. */
    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        boolean embedded = component.layer() == Layer.DEVICE || component.layer() == Layer.NETWORK;
        List<String> kept = component.debug().stream()
                .filter(s -> !SERVICES.containsKey(s) || !embedded && !NEVER_ACCEPTABLE.contains(s))
                .distinct()
                .toList();
        return List.of(new KeyEdit(component.at(), "debug", "[" + String.join(", ", kept) + "]"));
    }
}
