package dev.mamori.engine.rules.network;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;

/**
 * A link between two systems that no agreement governs: nobody has agreed how it is protected, who
 * watches it, who is told of an incident and who may cut it off.
 */
public final class InterconnectionWithoutAgreement extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("interconnection-without-agreement")
            .title("Interconnection between systems without an agreement")
            .rationale("Where a flow joins two systems, each side's security depends on the other: who may"
                    + " connect, which protection the link must have, who monitors it, who is told of an"
                    + " incident and how fast, and who may disconnect it. Without an agreement (a security annex"
                    + " to the contract, an interconnection security agreement, a data-processing agreement"
                    + " where personal data crosses) each side assumes the other answers for these, and a"
                    + " weakness or incident at the seam is nobody's to fix or report. The rule fires on every"
                    + " flow between two systems that names no agreement; between systems with the same owner"
                    + " an internal agreement is still worth naming, but the finding weighs less.")
            .layers(Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(iec62443("SR 5.2"), owaspIot(3))
            .mitigations(
                    "Name the agreement that governs the flow, with its reference (agreement: the contract,"
                            + " interconnection security agreement or data-processing agreement).",
                    "Make sure the agreement says which protection the link must have, who monitors it, whom to"
                            + " notify of an incident and within what time, and who may cut the link.")
            .build();

    public InterconnectionWithoutAgreement() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        Flow flow = graph.flow(f);
        if (!graph.crossesSystems(f)
                || flow.agreement().filter(a -> !a.isBlank()).isPresent()) {
            return;
        }
        int fromSystem = graph.systemOf(graph.flowFrom(f));
        int toSystem = graph.systemOf(graph.flowTo(f));
        int fromOwner = graph.systemOwner(fromSystem);
        boolean sameOwner = fromOwner >= 0 && fromOwner == graph.systemOwner(toSystem);
        String between = "systems " + graph.system(fromSystem).id() + " and "
                + graph.system(toSystem).id();
        context.onFlow(
                f,
                Transit.name(context, f) + " joins " + between + " with no agreement"
                        + (sameOwner
                                ? " (both owned by "
                                        + graph.stakeholder(fromOwner).id() + ")"
                                : " between their owners"),
                sameOwner
                        ? Factor.of(1, "one owner answers for both ends, but the duties at the seam are unwritten")
                        : Factor.of(2, "with no agreed duties, a weakness at the seam is nobody's to fix or report"));
    }
}
