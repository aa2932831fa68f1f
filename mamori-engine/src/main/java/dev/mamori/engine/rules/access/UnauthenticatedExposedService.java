package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
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
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.ArrayList;
import java.util.List;

/** An internet-facing platform or service that anyone may use without logging in. */
public final class UnauthenticatedExposedService extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("unauthenticated-exposed-service")
            .title("Internet-facing service without authentication")
            .rationale("A cloud API, broker, device-management or web service on the internet that accepts requests"
                    + " without authentication is used by whoever finds it, and scanners find it within hours:"
                    + " unauthenticated IoT cloud APIs have let strangers unlock cars, read baby monitors and push"
                    + " commands to whole device fleets knowing no more than a device id. The rule fires on an"
                    + " internet-facing platform or service component whose credentials are none, or that receives a"
                    + " flow with authentication none; anonymous commands are judged trivial to abuse, anonymous data"
                    + " only slightly less, since forged readings and junk still reach everything downstream.")
            .layers(Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(306), capec(1), owaspIot(2), owaspIot(3), iec62443("SR 1.2"), emb3d("TID-310"))
            .mitigations(
                    "Authenticate every caller: devices with certificates (authentication: certificate), users"
                            + " and partner systems with short-lived tokens (authentication: token), and give the"
                            + " component its own login policy (credentials: unique or certificate).",
                    "If part of the service must stay public, split that part into its own component that serves"
                            + " only public data and accepts no commands.")
            .build();

    public UnauthenticatedExposedService() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        if (!AccessFacts.platformOrService(graph, c) || !context.internetFacing(c)) {
            return;
        }
        Component component = graph.component(c);
        List<String> reasons = new ArrayList<>();
        boolean commands = false;
        if (component.credentials() == Credentials.NONE) {
            reasons.add("its credentials are none");
            commands = true;
        }
        for (int f : graph.flowsIn(c)) {
            if (AccessFacts.authenticationStrength(context, graph.flow(f).authentication()) == Strength.NONE) {
                reasons.add(context.flowName(f) + " arrives without authentication"
                        + (graph.flow(f).commands() ? " and carries commands" : ""));
                commands |= graph.flow(f).commands();
            }
        }
        if (reasons.isEmpty()) {
            return;
        }
        context.onComponent(
                c,
                "the internet-facing " + AccessFacts.named(component) + " lets anyone in: "
                        + String.join("; ", reasons),
                commands
                        ? Factor.of(5, "anyone who finds the service can use it, no login needed")
                        : Factor.of(4, "anyone who finds the service can feed it forged data"),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }
}
