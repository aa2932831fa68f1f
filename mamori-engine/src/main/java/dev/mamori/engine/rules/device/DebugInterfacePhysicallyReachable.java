package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Scales.Trust;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;
import java.util.Map;

/**
 * A hardware debug port (JTAG, SWD, a UART console, USB, a service connector) left enabled on a unit
 * that outsiders can get their hands on: firmware and keys can be read out and replaced.
 */
public final class DebugInterfacePhysicallyReachable extends ComponentRule {

    /** The hardware debug interfaces, with how much each gives an attacker at the port. */
    static final Map<String, Integer> HARDWARE = Map.of(
            "jtag", 4,
            "swd", 4,
            "uart", 4,
            "usb", 3,
            "service-port", 3);

    static final RuleMetadata METADATA = RuleMetadata.rule("debug-interface-physically-reachable")
            .title("Hardware debug interface within reach")
            .rationale("JTAG and SWD give full read and write access to memory and flash with a probe that costs"
                    + " a few dollars; a UART boot console commonly drops into a root shell or a bootloader prompt"
                    + " without a password; a USB or service connector often accepts firmware or configuration."
                    + " From one unit an attacker extracts the firmware, finds its vulnerabilities offline and"
                    + " reads the keys and passwords it holds, which are frequently the same on every unit; or"
                    + " flashes an implant and puts the unit back. The rule fires when the unit is physically"
                    + " exposed (judged easiest), reachable from nearby (taken as a sign that it is installed"
                    + " where outsiders come close, judged one step harder) or in a low-trust or untrusted zone"
                    + " (public or shared premises, though the model does not say the unit can be touched,"
                    + " judged two steps harder). JTAG, SWD and UART are judged worse than USB and service"
                    + " connectors, whose reach depends on what the firmware exposes behind them.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY)
            .references(cwe(1191), owaspIot(10), etsi("5.6-3"), etsi("5.6-4"), emb3d("TID-119"))
            .mitigations(
                    "Disable JTAG and SWD in production by blowing the debug-lock fuses or setting readout"
                            + " protection, and require authentication on any console left on UART (remove"
                            + " the interface from debug).",
                    "Remove or depopulate debug headers, put the unit in a locked, tamper-evident enclosure, and"
                            + " keep per-device secrets in a secure element so that one opened unit does not"
                            + " expose the fleet.")
            .build();

    public DebugInterfacePhysicallyReachable() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        List<String> ports = component.debug().stream()
                .filter(HARDWARE::containsKey)
                .distinct()
                .toList();
        if (ports.isEmpty()) {
            return;
        }
        int best = ports.stream().mapToInt(HARDWARE::get).max().orElse(1);
        String where;
        int penalty;
        if (component.exposure().contains(Exposure.PHYSICAL)) {
            where = "is physically exposed";
            penalty = 0;
        } else if (component.exposure().contains(Exposure.ADJACENT)) {
            where = "is reachable from nearby";
            penalty = 1;
        } else if (context.trustOf(c) == Trust.LOW || context.trustOf(c) == Trust.UNTRUSTED) {
            where = context.trustOf(c) == Trust.LOW ? "sits in a low-trust zone" : "sits in an untrusted zone";
            penalty = 2;
        } else {
            return;
        }
        String list = String.join(", ", ports);
        context.onComponent(
                c,
                component.id() + " has hardware debug access enabled (debug: " + list + ") and " + where
                        + DeviceFacts.fleet(component),
                Factor.of(
                        Math.max(1, best - penalty),
                        list + " at hand gives firmware and secrets"
                                + (penalty == 0 ? "" : ", if the unit can be reached by hand")));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        List<String> kept = graph.component(c).debug().stream()
                .filter(port -> !HARDWARE.containsKey(port))
                .distinct()
                .toList();
        return List.of(new KeyEdit(graph.component(c).at(), "debug", "[" + String.join(", ", kept) + "]"));
    }
}
