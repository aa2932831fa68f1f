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
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/**
 * A reachable component with no login at all: whoever can send it a packet can configure or command
 * it (the open Telnet, Modbus or web console of countless field devices).
 */
public final class NoAuthentication extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("no-authentication")
            .title("Reachable component without authentication")
            .rationale("A component that asks for no credential at all (credentials: none) trusts everyone who"
                    + " can reach it: configuration, firmware upload and commands are open to any host on its"
                    + " network, any radio in range or, if exposed, anyone on the internet. No exploit is needed,"
                    + " only reach. The rule fires only where something can reach the component: an inbound"
                    + " flow, any exposure, or an untrusted zone; a sensor that only sends, in a zone of its own,"
                    + " is left alone. Where every modelled inbound flow authenticates its sender, the component"
                    + " is judged somewhat harder to abuse, but its own interfaces still ask nothing of whoever"
                    + " bypasses those flows.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(306),
                    owaspIot(2),
                    owaspIot(9),
                    etsi("5.5-5"),
                    iec62443("SR 1.1"),
                    iec62443("SR 1.2"),
                    emb3d("TID-310"))
            .mitigations(
                    "Require authentication on every management and command interface, with a per-device secret"
                            + " or certificate (credentials: unique or certificate).",
                    "Where the device cannot authenticate by itself (legacy fieldbus devices), put it behind a"
                            + " gateway that does, and allow no other path to it (authentication on the flows,"
                            + " no exposure).")
            .build();

    public NoAuthentication() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (component.credentials() != Credentials.NONE || !DeviceFacts.reachable(context, c)) {
            return;
        }
        boolean exposed = DeviceFacts.exposed(context, c);
        Factor ease = !exposed && everyInboundFlowAuthenticated(context, c)
                ? Factor.of(
                        4,
                        "its modelled inbound flows authenticate their senders, but the component itself"
                                + " asks nothing of anyone who reaches it another way")
                : Factor.of(5, "no credential is needed: reaching it is enough");
        context.onComponent(
                c,
                component.id() + " asks for no credential (credentials: none) yet " + how(context, c)
                        + DeviceFacts.fleet(component),
                ease);
    }

    private static boolean everyInboundFlowAuthenticated(RuleContext context, int c) {
        for (int f : context.graph().flowsIn(c)) {
            var means = context.vocabulary()
                    .authentication()
                    .get(context.graph().flow(f).authentication());
            if (means == null || means.strength() == Strength.NONE) {
                return false;
            }
        }
        return true;
    }

    private static String how(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (context.internetFacing(c)) {
            return "is reachable from the internet";
        }
        if (!component.exposure().isEmpty()) {
            return "is exposed ("
                    + String.join(
                            ", ",
                            component.exposure().stream()
                                    .map(Words::of)
                                    .sorted()
                                    .toList())
                    + ")";
        }
        int flows = context.graph().flowsIn(c).length;
        return "receives " + flows + (flows == 1 ? " flow" : " flows") + " from other components";
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of(new KeyEdit(graph.component(c).at(), "credentials", "unique"));
    }
}
