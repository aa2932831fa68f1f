package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.INTEGRITY;
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
import dev.mamori.model.Scales.Trust;
import dev.mamori.model.Words;

/**
 * A dangerous machine takes orders from a less trusted network or from someone else's system: the
 * command path itself bypasses the zone model, and no interlock bounds the harm.
 */
public final class HazardCommandableFromLessTrustedZone extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("hazard-commandable-from-less-trusted-zone")
            .title("Hazard without interlock commandable from a less trusted zone")
            .rationale("The IEC 62443 zone and conduit model rests on one assumption: what can hurt people sits in"
                    + " the most trusted zone, and commands reach it only from zones trusted at least as much. A"
                    + " command flow from a lower-trust zone, or from another system, makes the hazard as exposed"
                    + " as the least trusted place that can send the command: compromise the office PC, the cloud"
                    + " tenant or the partner's platform and you move the machine, as the attackers of the 2015"
                    + " Ukrainian grid did from the corporate network. With no interlock, nothing below the network"
                    + " bounds the harm, whatever the hazard's severity. A commander exposed to the internet counts"
                    + " as untrusted and one exposed to a partner as low trust, whatever its zone says; a component"
                    + " without a zone counts as medium trust.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, INTEGRITY)
            .references(iec62443("SR 5.1"), iec62443("SR 5.2"), cwe(923))
            .mitigations(
                    "Move the commanding component into the hazard's zone or one of equal trust; let less trusted"
                            + " zones and other systems only request actions, through a DMZ, that the control zone"
                            + " checks and an operator confirms.",
                    "Add an independent interlock to the hazard (hazards: NAME: { interlock: ... }).",
                    "At the conduit, pass only authenticated, authorised commands (authentication: certificate,"
                            + " authorization: per-command) and log them.")
            .build();

    public HazardCommandableFromLessTrustedZone() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        Component component = graph.component(c);
        if (component.hazards().stream().allMatch(h -> h.interlock().isPresent())) {
            return;
        }
        Trust own = SafetyFacts.effectiveTrust(context, c);
        int worst = -1;
        Factor worstReach = null;
        Factor worstEase = null;
        int others = 0;
        for (int f : graph.flowsIn(c)) {
            int source = graph.flowFrom(f);
            if (!graph.flow(f).commands()) {
                continue;
            }
            boolean lessTrusted = SafetyFacts.effectiveTrust(context, source).compareTo(own) < 0;
            if (!lessTrusted && !graph.crossesSystems(f)) {
                continue;
            }
            Factor reach = context.reachOfFlow(f);
            Factor ease = SafetyFacts.commandEase(context, f);
            if (worst < 0) {
                worst = f;
            } else {
                others++;
                if (SafetyFacts.likelihood(reach, ease) <= SafetyFacts.likelihood(worstReach, worstEase)) {
                    continue;
                }
                worst = f;
            }
            worstReach = reach;
            worstEase = ease;
        }
        if (worst < 0) {
            return;
        }
        int source = graph.flowFrom(worst);
        String why = "";
        if (SafetyFacts.effectiveTrust(context, source).compareTo(own) < 0) {
            why += ", less trusted than " + component.id() + " in " + SafetyFacts.trustWords(context, c);
        }
        if (graph.crossesSystems(worst)) {
            why += (why.isEmpty() ? ", " : "; ") + graph.component(source).id() + " belongs to another system, "
                    + graph.component(source).system();
        }
        for (Hazard hazard : component.hazards()) {
            if (hazard.interlock().isPresent()) {
                continue;
            }
            context.onHazard(
                    c,
                    hazard,
                    "hazard " + hazard.id() + " (" + Words.of(hazard.severity()) + ", no interlock) can be set off"
                            + " by commands from " + graph.component(source).id() + " in "
                            + SafetyFacts.trustWords(context, source)
                            + why
                            + (others > 0 ? " (and " + others + " more such command flow(s))" : ""),
                    worstReach,
                    worstEase);
        }
    }
}
