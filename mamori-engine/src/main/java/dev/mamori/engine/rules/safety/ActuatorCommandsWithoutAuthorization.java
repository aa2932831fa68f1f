package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * An actuator that does whatever any sender says: no check that this sender may give this command,
 * the way most Modbus and DNP3 field devices work.
 */
public final class ActuatorCommandsWithoutAuthorization extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("actuator-commands-without-authorization")
            .rootCause("open-command-channel")
            .title("Actuator obeys commands without authorising them")
            .rationale("Authentication tells a receiver who sent a command; authorization decides whether that"
                    + " sender may give that command. An actuating component that authorises nothing obeys every"
                    + " peer that can talk to it, whether a compromised gateway, a dashboard meant to read only, or"
                    + " an attacker holding any one stolen credential, and accepts the most dangerous command (open,"
                    + " start, overdose, disable limits) as readily as the most harmless. Most legacy industrial"
                    + " protocols work this way. IEC 62443 asks every component to enforce authorisation for each"
                    + " action by least privilege, with critical actions confirmed. The rule fires on every command"
                    + " flow into an actuating kind that says authorization: none (the default); how easy the"
                    + " abuse is follows the flow's authentication, and how bad it is follows the target's hazards.")
            .layers(Layer.DEVICE)
            .threatens(SAFETY, INTEGRITY)
            .references(cwe(862), capec(1), iec62443("SR 2.1"), owaspIot(3), emb3d("TID-406"))
            .mitigations(
                    "Make the receiver authorise each command for its sender (authorization: per-command), or at"
                            + " least by role (authorization: role-based): OPC UA roles, DNP3 Secure Authentication"
                            + " with role-based access, an allow-list of senders and function codes in the controller.",
                    "Meanwhile, put a protocol-aware firewall in front of the actuator that passes only the function"
                            + " codes and registers this sender needs.")
            .build();

    public ActuatorCommandsWithoutAuthorization() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        Flow flow = graph.flow(f);
        int target = graph.flowTo(f);
        if (!flow.commands()
                || flow.authorization() != Authorization.NONE
                || !context.actuates(target)
                || graph.facts().hardwired(f)) {
            return; // a hardwired signal carries no message to authorize: nothing on a network can send it
        }
        context.onFlow(
                f,
                "actuating " + graph.component(target).kind() + " "
                        + graph.component(target).id()
                        + " obeys every command from "
                        + graph.component(graph.flowFrom(f)).id() + " over "
                        + flow.protocol() + " without authorising it (authorization: none)",
                SafetyFacts.commandEase(context, f));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return List.of(new KeyEdit(graph.flow(f).at(), "authorization", "per-command"));
    }
}
