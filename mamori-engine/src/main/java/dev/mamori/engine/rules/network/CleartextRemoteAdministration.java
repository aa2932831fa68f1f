package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
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
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.List;
import java.util.Set;

/**
 * Devices administered over Telnet, FTP, VNC, plain HTTP or SNMP without encryption: the login and
 * the session cross the network readable and can be hijacked.
 */
public final class CleartextRemoteAdministration extends FlowRule {

    private static final Set<String> PROTOCOLS = Set.of("telnet", "ftp", "vnc", "http", "snmp");

    static final RuleMetadata METADATA = RuleMetadata.rule("cleartext-remote-administration")
            .title("Remote administration in clear text")
            .rationale("Telnet, FTP, VNC without TLS, plain HTTP and SNMP are still how many devices are"
                    + " administered. Without encryption the login crosses the network readable and the session"
                    + " itself can be watched and taken over: keystrokes on Telnet or VNC, configuration files"
                    + " fetched and uploaded over FTP, web-interface actions over HTTP, SNMP SET requests that"
                    + " rewrite ports and routes. The rule fires on these protocols when the flow carries"
                    + " commands or a password and nothing on its path encrypts it. SNMPv3 without privacy is"
                    + " still flagged although a MAC stops forged requests, because the configuration it reads"
                    + " and writes travels readable; a flow tunnelled in a VPN is not.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(319), cwe(523), capec(157), capec(593), owaspIot(2), etsi("5.5-7"), emb3d("TID-408"))
            .mitigations(
                    "Replace Telnet with SSH (protocol: ssh), FTP with SFTP or FTPS (protocol: sftp, or"
                            + " encryption: tls), and VNC and HTTP with their TLS forms (encryption: tls, or"
                            + " protocol: https).",
                    "For SNMP, use SNMPv3 with authentication and privacy (encryption: application,"
                            + " authentication: message-mac), turn v1 and v2c off, and disable SET where nothing"
                            + " needs it.",
                    "Where a legacy device offers nothing better, reach it only through a management VPN or jump"
                            + " host (a vpn network component in the flow's network) and disable the clear-text"
                            + " service on every other interface.")
            .build();

    public CleartextRemoteAdministration() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Flow flow = context.graph().flow(f);
        boolean password = flow.authentication().equals("password");
        if (!PROTOCOLS.contains(flow.protocol()) || !(flow.commands() || password) || !Transit.cleartext(context, f)) {
            return;
        }
        String carries = password && flow.commands() ? "a password and commands" : password ? "a password" : "commands";
        Strength login = Transit.authentication(context, flow);
        Factor ease = switch (login) {
            case NONE -> Factor.of(5, "the session needs no login at all and is taken over with public tools");
            case WEAK -> Factor.of(5, "a clear-text login is captured by any sniffer on the path and reused");
            case MODERATE -> Factor.of(4, "a captured clear-text token is reused for as long as it lives");
            case STRONG -> Factor.of(3, "signed requests cannot be forged, but everything they carry is read");
        };
        context.onFlow(
                f,
                Transit.name(context, f) + " administers " + Transit.to(context, f) + " in clear text: it carries "
                        + carries + ", and nothing on its path encrypts it",
                ease);
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return Remedies.setEncryption(graph, f, "ssh", "tls");
    }
}
