package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;

/** A static API key as the only proof of identity on a flow across the internet. */
public final class ApiKeyOnInternet extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("api-key-on-internet")
            .title("Flow across the internet authenticated by a static API key")
            .rationale("An API key is a long-lived bearer secret: whoever has a copy is the caller, from anywhere,"
                    + " until someone rotates it, which is rarely. Keys for IoT clouds are found in mobile apps and"
                    + " firmware images, public repositories, CI logs and proxy logs, and one key often serves a whole"
                    + " product line. Across the internet nothing else narrows who may present it; sent without"
                    + " encryption it is read straight off the wire. The rule fires on a flow authenticated by api-key"
                    + " with an internet-facing end or an internet network on its path.")
            .layers(Layer.DEVICE, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(1390), cwe(294), cwe(522), owaspIot(3), iec62443("SR 1.5"), iec62443("SR 1.2"))
            .mitigations(
                    "Authenticate devices and servers with certificates over mutual TLS (authentication:"
                            + " certificate), and people and partner systems with short-lived, scoped tokens from"
                            + " an authorization server (authentication: token).",
                    "Where an API key must stay, scope it to one client and the least operations, restrict it to"
                            + " known source addresses, keep it out of apps and firmware, always send it over TLS"
                            + " (encryption: tls) and rotate it on a schedule.")
            .build();

    public ApiKeyOnInternet() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        Flow flow = graph.flow(f);
        if (!flow.authentication().equals("api-key") || !AccessFacts.crossesInternet(context, f)) {
            return;
        }
        boolean clear = AccessFacts.encryptionStrength(context, flow.encryption()) == Strength.NONE;
        context.onFlow(
                f,
                "the " + flow.protocol() + " flow " + context.flowName(f)
                        + " crosses the internet authenticated only by an API key"
                        + (clear ? ", sent in clear text" : ""),
                clear
                        ? Factor.of(5, "the key crosses the internet in clear text, readable by anyone on the path")
                        : Factor.of(3, "static API keys leak from apps, repositories and logs and rarely" + " expire"));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return dev.mamori.engine.risk.Remedies.setStrongAuthentication(graph, f);
    }
}
