package dev.mamori.engine.rules.governance;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;

/**
 * An interconnection nobody answers for (NISC 3 e), 3 f)): the link between two organisations'
 * systems, where each side assumes the other secures, monitors and eventually closes it.
 */
public final class InterconnectionWithoutResponsible extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("interconnection-without-responsible")
            .judgesRecords()
            .title("Interconnection between systems with no responsible stakeholder")
            .rationale("Where two systems meet, each owner secures its own side and the link itself belongs to"
                    + " nobody: its credentials are not rotated, its traffic is not watched, its failures are"
                    + " reported to no one, and it stays open after the partnership ends. Attackers and"
                    + " incidents cross between organisations exactly at such links (the conduits of IEC 62443),"
                    + " and the responsibility of each system's owner stops short of them. A responsibility for"
                    + " either system therefore does not count; only one that names the flow itself does, and"
                    + " only a flow with an id can be named. An agreement on the flow makes it likelier that"
                    + " the demarcation was settled somewhere, so it lowers the score but does not silence the"
                    + " finding: the model still does not say who answers.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(owaspIot(3), iec62443("SR 5.2"))
            .mitigations(
                    "Give the flow an id (id: ...) and add a responsibility for it that names who runs the link"
                            + " and who answers for it: - { for: SYSTEM.FLOW-ID, responsible: STAKEHOLDER,"
                            + " accountable: STAKEHOLDER }.",
                    "Record the interconnection agreement on the flow (agreement: ...) and settle in it who"
                            + " monitors the link, rotates its credentials, handles its incidents and closes it.")
            .build();

    public InterconnectionWithoutResponsible() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        Stewardship stewardship = context.shared(Stewardship.class, Stewardship::new);
        if (!context.graph().crossesSystems(f) || stewardship.hasResponsibleForFlow(f)) {
            return;
        }
        Flow flow = context.graph().flow(f);
        String from = context.graph().component(context.graph().flowFrom(f)).system();
        String to = context.graph().component(context.graph().flowTo(f)).system();
        String why = flow.named()
                ? "no responsibility names a responsible or accountable party for it"
                : "it has no id, so no responsibility can name it";
        Factor ease = flow.agreement().isPresent()
                ? Factor.of(
                        2,
                        "agreement '" + flow.agreement().get() + "' may settle who runs the link, but"
                                + " the model does not say who")
                : Factor.of(
                        4,
                        "neither a responsibility nor an agreement governs the link, so nobody watches"
                                + " it, rotates its credentials or closes it");
        context.onFlow(
                f, "the flow " + context.flowName(f) + " joins systems " + from + " and " + to + ", and " + why, ease);
    }
}
