package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
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
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;
import java.util.Set;

/** The console that controls a fleet or a plant, reachable from anywhere on the internet. */
public final class ManagementPlaneExposed extends ComponentRule {

    static final Set<String> MANAGEMENT_KINDS = Set.of("device-management", "scada", "hmi", "operator-console");

    static final RuleMetadata METADATA = RuleMetadata.rule("management-plane-exposed")
            .title("Management plane reachable from the internet")
            .rationale("Device-management consoles, SCADA servers, HMIs and operator consoles are where one login"
                    + " controls a whole fleet or a whole process. On the internet they are indexed by search engines"
                    + " and attacked directly: HMIs and PLC panels of water utilities found online with default"
                    + " passwords were taken over and defaced in 2023, forcing utilities onto manual operation. A"
                    + " cloud device-management service must face its devices, but its operator console need not; if"
                    + " devices alone reach it with client certificates the rule still fires, at a lower likelihood,"
                    + " so that the model says how the console is kept off the internet.")
            .layers(Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(668), cwe(284), owaspIot(3), iec62443("SR 1.13"), iec62443("SR 5.2"))
            .mitigations(
                    "Take the console off the internet: reach it through a VPN or a zero-trust access proxy"
                            + " with single sign-on and a second factor, and drop exposure: internet from the"
                            + " component.",
                    "For a cloud device-management service, split the device endpoint (mutual TLS only) from the"
                            + " operator console and model them as two components, the console restricted to"
                            + " the operator's network.")
            .build();

    public ManagementPlaneExposed() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (!MANAGEMENT_KINDS.contains(component.kind()) || !context.internetFacing(c)) {
            return;
        }
        context.onComponent(
                c,
                "the " + component.kind() + " " + component.id() + " is reachable from the internet",
                ease(context, c),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }

    private static Factor ease(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (component.credentials() == Credentials.NONE || component.credentials() == Credentials.DEFAULT_SHARED) {
            return Factor.of(5, "its login is absent or a published default");
        }
        int[] in = graph.flowsIn(c);
        boolean allStrong = in.length > 0;
        for (int f : in) {
            Strength strength =
                    AccessFacts.authenticationStrength(context, graph.flow(f).authentication());
            if (strength == Strength.NONE) {
                return Factor.of(5, context.flowName(f) + " reaches it without authentication");
            }
            allStrong &= strength == Strength.STRONG;
        }
        return allStrong
                ? Factor.of(
                        3,
                        "only callers with strong credentials are modelled, but the console is still one"
                                + " exploit or one stolen key away")
                : Factor.of(4, "exposed consoles are found by search engines and attacked by password and exploit");
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return dev.mamori.engine.risk.Remedies.withoutInternetExposure(graph, c);
    }
}
