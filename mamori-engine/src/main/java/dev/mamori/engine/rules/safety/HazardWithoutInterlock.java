package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Hazard;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.HazardSeverity;
import dev.mamori.model.Words;

/**
 * A machine that can maim or kill obeys remote commands and nothing independent of its control
 * system stops a harmful one: one cyber compromise of a commander becomes physical harm.
 */
public final class HazardWithoutInterlock extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("hazard-without-interlock")
            .title("Critical hazard on a commandable component with no interlock")
            .rationale("IEC 61508 and IEC 61511 do not let the control system that can cause a hazard also be the"
                    + " only layer that prevents it. A component whose wrong action is critical or catastrophic,"
                    + " and which accepts commands, is one forged or hijacked command away from injury or death:"
                    + " a stolen HMI login, a compromised SCADA server or a spoofed message is enough, as the"
                    + " 2015 Ukrainian grid attacks showed by opening breakers from the operators' own screens."
                    + " An independent interlock (a mechanical limit, a hard-wired trip, a separately engineered"
                    + " safety instrumented function) bounds what any command can do, because it acts on physics"
                    + " and not on the network. Without it, cyber security carries the whole safety claim, which"
                    + " IEC 62443 security levels were never meant to do. Negligible and marginal hazards are"
                    + " left to other rules; the likelihood follows the most reachable, least protected command"
                    + " path into the component.")
            .layers(Layer.DEVICE, Layer.PLATFORM)
            .threatens(SAFETY)
            .references(cwe(654), iec62443("SR 3.6"))
            .mitigations(
                    "Add an independent safeguard that acts whatever the component is told (a mechanical limit,"
                            + " a relief valve, a hard-wired trip, a safety instrumented function on its own safety"
                            + " controller) and record it on the hazard (hazards: NAME: { interlock: ... }).",
                    "Until then, narrow who can command the component: strong authentication and per-command"
                            + " authorization on every command flow (authentication: certificate, authorization:"
                            + " per-command), and commanders only in zones of equal or higher trust.")
            .build();

    public HazardWithoutInterlock() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        int worst = -1;
        Factor worstReach = null;
        Factor worstEase = null;
        int commanders = 0;
        for (int f : graph.flowsIn(c)) {
            if (!graph.flow(f).commands()) {
                continue;
            }
            commanders++;
            Factor reach = context.reachOfFlow(f);
            Factor ease = SafetyFacts.commandEase(context, f);
            if (worst < 0 || SafetyFacts.likelihood(reach, ease) > SafetyFacts.likelihood(worstReach, worstEase)) {
                worst = f;
                worstReach = reach;
                worstEase = ease;
            }
        }
        if (worst < 0) {
            return;
        }
        for (Hazard hazard : component.hazards()) {
            if (hazard.interlock().isPresent() || !RuleContext.atLeast(hazard.severity(), HazardSeverity.CRITICAL)) {
                continue;
            }
            String source = graph.component(graph.flowFrom(worst)).id();
            context.onHazard(
                    c,
                    hazard,
                    "hazard " + hazard.id() + " is " + Words.of(hazard.severity()) + " and has no interlock, yet "
                            + component.id() + " accepts commands (from " + source
                            + (commanders > 1 ? " and " + (commanders - 1) + " more command flow(s)" : "")
                            + "): a wrong command leads straight to harm",
                    worstReach,
                    worstEase);
        }
    }
}
