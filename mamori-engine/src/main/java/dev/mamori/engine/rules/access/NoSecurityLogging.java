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
import dev.mamori.model.Scales.Logging;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Set;

/** A gatekeeper of the landscape whose security events go nowhere: intrusions are neither seen nor traced. */
public final class NoSecurityLogging extends ComponentRule {

    /** Kinds that decide who gets in or what runs, whose events matter wherever they sit. */
    static final Set<String> SECURITY_KINDS = Set.of(
            "remote-access", "identity", "pki", "update-server", "device-management", "broker", "firewall", "scada");

    static final RuleMetadata METADATA = RuleMetadata.rule("no-security-logging")
            .judgesRecords()
            .title("No security logging on a security-relevant component")
            .rationale("Logins, failed attempts, configuration changes, certificate issuance, pushed updates and"
                    + " commands at the components that guard the landscape are what incident responders need to see"
                    + " an attack and to tell afterwards what it touched. Without them an intruder can probe, log in"
                    + " and return unseen, and after an incident nobody can say what was touched or whether the"
                    + " attacker is still inside. The rule looks at internet-facing platforms and services and at"
                    + " remote-access, identity, pki, update-server, device-management, broker, firewall and scada"
                    + " components wherever they sit, and fires when their logging is none or not stated (unknown),"
                    + " since what nobody has said is collected is usually not.")
            .layers(Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(778), cwe(223), owaspIot(8), iec62443("SR 2.8"), iec62443("SR 6.2"))
            .mitigations(
                    "Send security events (logins, failures, privilege and configuration changes, commands)"
                            + " to a central, append-only store outside the component's own admin reach"
                            + " (logging: central), with synchronized clocks.",
                    "Have someone watch them: alerts on impossible logins, bursts of failures and fleet-wide"
                            + " commands, reviewed by a SOC or an on-call operator (logging: monitored).")
            .build();

    public NoSecurityLogging() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (component.logging() != Logging.NONE && component.logging() != Logging.UNKNOWN) {
            return;
        }
        String why;
        if (SECURITY_KINDS.contains(component.kind())) {
            why = "components of kind " + component.kind() + " guard access to others";
        } else if (AccessFacts.platformOrService(graph, c) && context.internetFacing(c)) {
            why = "it is an internet-facing " + component.layer().name().toLowerCase(java.util.Locale.ROOT);
        } else {
            return;
        }
        boolean none = component.logging() == Logging.NONE;
        context.onComponent(
                c,
                component.id() + (none ? " keeps no security log" : " does not say where its security events go")
                        + ", though " + why,
                none
                        ? Factor.of(3, "an intruder can try, fail and come back unseen")
                        : Factor.of(
                                2,
                                "nobody has said that its security events are collected, so likely"
                                        + " nobody sees them"),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        return List.of(new KeyEdit(component.at(), "logging", "central"));
    }
}
