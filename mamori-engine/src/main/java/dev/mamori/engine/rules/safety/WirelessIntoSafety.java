package dev.mamori.engine.rules.safety;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.FlowRule;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.Optional;

/**
 * A safety function that listens to radio: jamming starves it of a trip signal, and a weakly
 * protected link lets an attacker outside the fence feed it a false one.
 */
public final class WirelessIntoSafety extends FlowRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("wireless-into-safety")
            .title("Radio link into a safety function")
            .rationale("Radio crosses walls and fences: anyone within range can jam a Wi-Fi, Bluetooth, Zigbee or"
                    + " LPWAN channel with cheap equipment, and cellular and satellite links add a provider's"
                    + " network and its outages to the safety path. A safety function whose inputs or commands"
                    + " arrive by radio can be starved of a trip signal or, if the link is weakly protected, fed a"
                    + " false one or a replay; it stays safe only if it notices the silence and goes to its safe"
                    + " state within the process safety time, which nuisance trips then make an attack on"
                    + " availability. IEC 62443 asks for wireless access to be controlled, and functional-safety"
                    + " profiles treat any such link as an untrusted black channel with watchdogs and message"
                    + " authentication. Any flow counts, data or commands; flows without encryption or"
                    + " authentication are judged easier still.")
            .layers(Layer.DEVICE, Layer.NETWORK)
            .threatens(SAFETY, INTEGRITY, AVAILABILITY)
            .references(iec62443("SR 1.6"), iec62443("SR 2.2"), capec(601), emb3d("TID-412"))
            .mitigations(
                    "Wire the safety inputs and outputs (a hard-wired loop or a safety fieldbus) instead of radio.",
                    "Where radio cannot be avoided, run a safety protocol with message authentication and a watchdog"
                            + " that drives the safe state when messages stop (authentication: certificate or"
                            + " message-mac, encryption: a strong means), and monitor the spectrum for jamming.")
            .build();

    public WirelessIntoSafety() {
        super(METADATA);
    }

    @Override
    protected void checkFlow(RuleContext context, int f) {
        FrozenGraph graph = context.graph();
        int target = graph.flowTo(f);
        Component component = graph.component(target);
        int zone = graph.zoneOf(target);
        boolean safetyZone = zone >= 0 && graph.zone(zone).kind() == ZoneKind.SAFETY;
        if (!component.safetyFunction() && !safetyZone) {
            return;
        }
        Optional<String> radio = SafetyFacts.radio(context, f);
        if (radio.isEmpty()) {
            return;
        }
        Flow flow = graph.flow(f);
        boolean weak = SafetyFacts.authentication(context, f).compareTo(Strength.WEAK) <= 0
                || context.vocabulary().encryptionStrength(flow.encryption()).compareTo(Strength.WEAK) <= 0;
        Factor ease = weak
                ? Factor.of(5, "the radio link is weakly protected: it can be jammed, and spoofed or replayed")
                : Factor.of(4, "any radio link can be jammed from within range with cheap equipment");
        context.onFlow(
                f,
                (component.safetyFunction() ? "safety function " : "")
                        + component.id()
                        + (safetyZone ? " in safety zone " + graph.zone(zone).id() : "")
                        + " receives " + (flow.commands() ? "commands" : "data") + " from "
                        + graph.component(graph.flowFrom(f)).id() + " by radio: " + radio.get(),
                ease);
    }
}
