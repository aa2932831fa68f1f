package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
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

/** A database or historian listening on the internet: found by scanners, dumped or wiped for ransom. */
public final class InternetExposedDatabase extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("internet-exposed-database")
            .title("Database reachable from the internet")
            .rationale("A database port open to the internet is indexed by search engines such as Shodan and Censys"
                    + " within hours; open Elasticsearch, MongoDB, Redis and InfluxDB instances holding IoT telemetry,"
                    + " the Wi-Fi passwords of customers' devices and customer records have been dumped, or wiped and"
                    + " held for ransom, by the thousand. Even with a password the database's own login and network"
                    + " stack become the only barrier, with no application in front to limit what a query may do. A"
                    + " database belongs behind the application that uses it; the rule fires on a component of kind"
                    + " database that is internet-facing or receives flows over an internet network.")
            .layers(Layer.PLATFORM)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(668), cwe(284), owaspIot(2), owaspIot(7), iec62443("SR 5.1"), iec62443("SR 5.2"))
            .mitigations(
                    "Remove the database from the internet: bind it to a private network, let only the"
                            + " application servers reach it, and model it without exposure: internet.",
                    "Where remote sites must write to it, put an authenticated API or a VPN in front (encryption:"
                            + " ipsec or tls, authentication: certificate) rather than the database port.",
                    "Require authentication on the database itself (credentials: unique or certificate), so that"
                            + " a firewall mistake does not open it to everyone.")
            .build();

    public InternetExposedDatabase() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (!component.kind().equals("database")) {
            return;
        }
        String how = null;
        if (context.internetFacing(c)) {
            how = "is reachable from the internet";
        } else {
            for (int f : graph.flowsIn(c)) {
                if (AccessFacts.overInternetNetwork(graph, f)) {
                    how = "receives " + context.flowName(f) + " over the internet";
                    break;
                }
            }
        }
        if (how == null) {
            return;
        }
        boolean open = component.credentials() == Credentials.NONE;
        for (int f : graph.flowsIn(c)) {
            if (AccessFacts.authenticationStrength(context, graph.flow(f).authentication()) == Strength.NONE) {
                open = true;
            }
        }
        context.onComponent(
                c,
                "the database " + component.id() + " " + how
                        + (open ? ", and it accepts connections without authentication" : ""),
                open
                        ? Factor.of(5, "open databases are found by scanners and dumped within hours")
                        : Factor.of(
                                4,
                                "exposed databases are scanned for constantly, and only their own"
                                        + " login stands in the way"),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return dev.mamori.engine.risk.Remedies.withoutInternetExposure(graph, c);
    }
}
