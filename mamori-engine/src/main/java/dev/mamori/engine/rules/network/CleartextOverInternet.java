package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.Remedies;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Optional;

/** An unencrypted flow across the internet, readable and changeable by every network it passes. */
public final class CleartextOverInternet extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("cleartext-over-internet")
            .title("Clear text across the internet")
            .rationale("An unencrypted flow that crosses the internet can be read and changed by every network"
                    + " it passes: access providers, transit carriers, public hotspots, and anyone who can divert"
                    + " it through DNS or routing, none of whom answer to the landscape's owners. The rule fires"
                    + " when nothing on the flow's path encrypts it and it either travels over a network"
                    + " component of kind internet, or joins two systems one of whose ends is reachable from the"
                    + " internet (internet exposure or an untrusted zone), which is how links between"
                    + " organisations usually run. A radio, bus or serial link between systems does not leave its"
                    + " link, so only the first condition applies to it. A tunnel the model shows as a vpn"
                    + " network component counts as encryption.")
            .layers(Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(319), capec(94), owaspIot(7), etsi("5.5-1"), iec62443("SR 4.1 RE 1"), emb3d("TID-408"))
            .mitigations(
                    "Encrypt the flow end to end with a strong means its protocol supports (encryption: tls, dtls,"
                            + " oscore or ipsec).",
                    "Where the protocol has no secure form, carry it in a site-to-site tunnel (encryption: vpn, or"
                            + " a vpn network component in the flow's network).")
            .build();

    public CleartextOverInternet() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        if (!Transit.cleartext(context, f)) {
            return;
        }
        Optional<String> why = whyOnTheInternet(context, f);
        if (why.isPresent()) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " is not encrypted and " + why.get(),
                    Factor.of(5, "clear text on the internet is read and altered by anyone on its path"));
        }
    }

    private static Optional<String> whyOnTheInternet(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        for (int n : graph.networksOf(f)) {
            if (graph.facts().internet(n)) {
                return Optional.of(
                        "travels over the internet (" + graph.component(n).id() + ")");
            }
        }
        Flow flow = graph.flow(f);
        if (graph.crossesSystems(f) && Transit.routable(context, flow)) {
            for (int end : new int[] {graph.flowFrom(f), graph.flowTo(f)}) {
                if (context.internetFacing(end)) {
                    return Optional.of(
                            "joins two systems, and " + graph.component(end).id() + " is reachable from the internet");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "tls", "dtls");
    }
}
