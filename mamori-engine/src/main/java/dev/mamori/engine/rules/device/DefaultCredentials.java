package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
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
import java.util.List;

/** The Mirai weakness: every unit ships with the same, publicly known login. */
public final class DefaultCredentials extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("default-credentials")
            .title("Universal default password")
            .rationale("A login that is the same on every unit of a product is published in manuals and"
                    + " scanned for by botnets within minutes of a device going online; whoever knows it"
                    + " controls the whole fleet.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(1392), cwe(798), capec(70), owaspIot(1), etsi("5.1-1"), emb3d("TID-311"))
            .mitigations(
                    "Give every unit its own password at the factory, or make the user set one before first use"
                            + " (credentials: unique or user-defined).",
                    "Prefer certificates for machine-to-machine logins (credentials: certificate).")
            .build();

    public DefaultCredentials() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.credentials() == Credentials.DEFAULT_SHARED) {
            context.onComponent(
                    c,
                    component.id() + " uses a default password shared by every unit of its kind"
                            + (component.count() > 1 ? " (" + component.count() + " units here)" : ""),
                    Factor.of(5, "a universal default password is publicly known"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of(new KeyEdit(graph.component(c).at(), "credentials", "unique"));
    }
}
