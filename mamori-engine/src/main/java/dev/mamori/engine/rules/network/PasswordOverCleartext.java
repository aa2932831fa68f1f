package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
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
import java.util.Set;

/** A password or static API key sent over an unencrypted flow, where any sniffer captures it for reuse. */
public final class PasswordOverCleartext extends FlowRule {

    private static final Set<String> STATIC_SECRETS = Set.of("password", "api-key");

    static final RuleMetadata METADATA = RuleMetadata.rule("password-over-cleartext")
            .title("Password or API key sent in clear text")
            .rationale("A password or static API key travels with the login or with every request; over an"
                    + " unencrypted flow anyone on the path reads it and uses it as often as they like. Such"
                    + " secrets live long and are often shared across a fleet or a team, so one capture opens"
                    + " every component that accepts them. Protocols differ only in how the secret is encoded"
                    + " (HTTP Basic, MQTT CONNECT, Telnet and FTP logins, SNMP community strings, keys in"
                    + " headers or URLs), so the rule fires for any protocol. Short-lived tokens, certificates"
                    + " and message MACs are not flagged here, nor is a flow whose protocol encrypts it or"
                    + " which travels inside a tunnel (a vpn network component).")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY)
            .references(cwe(523), cwe(319), capec(157), owaspIot(7), etsi("5.5-7"), emb3d("TID-408"))
            .mitigations(
                    "Encrypt the flow (encryption: tls, or another strong means its protocol supports) so that"
                            + " the secret never crosses the network readable.",
                    "Replace static passwords and API keys with short-lived tokens or client certificates"
                            + " (authentication: token or certificate), each component holding its own.")
            .build();

    public PasswordOverCleartext() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        if (STATIC_SECRETS.contains(flow.authentication()) && Transit.cleartext(context, f)) {
            context.onFlow(
                    f,
                    Transit.name(context, f) + " sends "
                            + (flow.authentication().equals("password") ? "a password" : "an API key")
                            + " for " + Transit.to(context, f) + " with nothing on its path encrypting it",
                    Factor.of(5, "one capture on the path yields a secret that is reused at will"));
        }
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "tls", "ssh", "dtls");
    }
}
