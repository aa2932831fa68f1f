package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;

/**
 * Safety logic that takes commands across its zone boundary: whoever controls the outside commander
 * can bypass, reset, re-parameterise or trip the safety function.
 */
public final class SafetyFunctionCommandedFromOutsideItsZone extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("safety-function-commanded-from-outside-its-zone")
            .title("Safety function commanded from outside its zone")
            .rationale("A safety function must decide on its own inputs; commands into it (bypass, override, reset,"
                    + " setpoint or logic changes) are the most dangerous messages in a plant, because they switch"
                    + " off the layer meant to catch every other failure. When they come from a component outside"
                    + " the safety function's zone, the zone boundary no longer protects it: the safety function is"
                    + " as exposed as that commander and the conduit between them. IEC 61511 allows bypasses and"
                    + " resets only under controlled, independently authorised procedures, and IEC 62443 wants"
                    + " every conduit into a safety zone explicit, restricted to what is needed and monitored. A"
                    + " commander without a zone counts as outside; a safety function without a zone is left to"
                    + " other rules. How easily a harmful command gets through follows the flow's authentication.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(SAFETY, INTEGRITY)
            .references(iec62443("SR 5.2"), iec62443("SR 2.1"), cwe(923))
            .mitigations(
                    "Make the flow data only where you can (commands: false): let the safety function read what it"
                            + " needs and decide for itself.",
                    "Where a command must cross (a reset, a permissive, a maintenance override), pass only that"
                            + " command through the conduit, authenticated and authorised per command"
                            + " (authentication: certificate, authorization: per-command), and require a local"
                            + " confirmation at the safety system.")
            .build();

    public SafetyFunctionCommandedFromOutsideItsZone() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        int target = graph.flowTo(f);
        int source = graph.flowFrom(f);
        Component safety = graph.component(target);
        if (!graph.flow(f).commands() || !safety.safetyFunction() || graph.zoneOf(target) < 0) {
            return;
        }
        if (graph.zoneOf(source) == graph.zoneOf(target)) {
            return;
        }
        context.onFlow(
                f,
                "safety function " + safety.id() + " in " + SafetyFacts.zoneWords(context, target)
                        + " accepts commands from "
                        + graph.component(source).id() + " in "
                        + SafetyFacts.trustWords(context, source)
                        + " over " + graph.flow(f).protocol(),
                SafetyFacts.commandEase(context, f));
    }
}
