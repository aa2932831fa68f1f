package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.ArrayList;
import java.util.List;

/** A message broker that takes anonymous clients: anyone connected can read every topic and publish to any. */
public final class AnonymousBroker extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("anonymous-broker")
            .title("Message broker accepts anonymous clients")
            .rationale("A broker that lets a client publish without authenticating usually lets it subscribe to the"
                    + " '#' wildcard too: tens of thousands of MQTT brokers found on the internet give away telemetry,"
                    + " locations and credentials in their topics, and accept commands from anyone for the actuators"
                    + " that subscribe to them. Inside a plant or building the same broker turns any foothold on the"
                    + " network into control of everything it relays. The rule fires on a broker that receives any"
                    + " flow with authentication none, since the broker then cannot tell a device from an intruder and"
                    + " cannot apply per-client ACLs.")
            .layers(Layer.PLATFORM)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(306), owaspIot(2), owaspIot(9), iec62443("SR 1.2"), emb3d("TID-310"))
            .mitigations(
                    "Turn off anonymous access on the broker and authenticate every client, devices by"
                            + " certificate (authentication: certificate) or at least a per-device password over"
                            + " TLS.",
                    "Bind each client identity to ACLs that allow only its own topics, so that one device's"
                            + " identity cannot read the fleet or publish commands.")
            .build();

    public AnonymousBroker() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (!component.kind().equals("broker")) {
            return;
        }
        List<String> anonymous = new ArrayList<>();
        for (int f : graph.flowsIn(c)) {
            if (AccessFacts.authenticationStrength(context, graph.flow(f).authentication()) == Strength.NONE) {
                anonymous.add(context.flowName(f));
            }
        }
        if (anonymous.isEmpty()) {
            return;
        }
        context.onComponent(
                c,
                "the broker " + component.id() + " accepts clients without authentication: "
                        + String.join(", ", anonymous),
                Factor.of(5, "any client that reaches the broker can subscribe to every topic and publish" + " to any"),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        int anonymous = dev.mamori.engine.risk.Remedies.theOnlyFlowIn(
                graph, c, dev.mamori.model.vocabulary.Vocabulary.Strength.NONE);
        return anonymous < 0 ? List.of() : dev.mamori.engine.risk.Remedies.setStrongAuthentication(graph, anonymous);
    }
}
