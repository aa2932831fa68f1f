package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * No verified boot on a component whose integrity matters: modified firmware runs and persists
 * unnoticed on something that moves, doses, locks or protects.
 */
public final class NoSecureBoot extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("no-secure-boot")
            .title("No secure boot where integrity matters")
            .rationale("Without a boot chain anchored in hardware that verifies each stage (secure-boot: false),"
                    + " a modified bootloader or firmware runs as if it were genuine: an implant survives reboots,"
                    + " factory resets and even updates, and can lie to the operator about its state. Missing"
                    + " secure boot is not an entry point by itself; it is what turns one successful write to"
                    + " flash into permanent control. The rule therefore looks only where that control is"
                    + " dangerous: components that actuate, safety functions, components that receive commands,"
                    + " and components with modelled hazards. It is judged easier to exploit when the flash can"
                    + " be written from outside: physical exposure or a debug interface, and above all unsigned"
                    + " updates, since then nothing at all checks the code the component runs.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, INTEGRITY)
            .references(cwe(1326), etsi("5.7-1"), iec62443("SR 3.4"), emb3d("TID-201"), emb3d("TID-301"))
            .mitigations(
                    "Enable verified boot anchored in a hardware root of trust (ROM key hash, fuses or a secure"
                            + " element) so that every stage checks the next (secure-boot: true).",
                    "Sign updates and check them on the device too (update: signed-automatic), and close debug"
                            + " ports in production, so that the flash cannot be rewritten in the first place.")
            .build();

    public NoSecureBoot() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (!component.secureBoot().equals(Optional.of(false))
                || !DeviceFacts.PATCHED_LAYERS.contains(component.layer())) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (context.actuates(c)) {
            why.add("it acts on the physical world");
        }
        if (component.safetyFunction()) {
            why.add("it is a safety function");
        }
        if (DeviceFacts.receivesCommands(context.graph(), c)) {
            why.add("it receives commands");
        }
        if (!component.hazards().isEmpty()) {
            why.add("it has modelled hazards");
        }
        if (why.isEmpty()) {
            return;
        }
        context.onComponent(
                c,
                component.id() + " boots without verifying its firmware (secure-boot: false), and "
                        + String.join(", ", why) + DeviceFacts.fleet(component),
                ease(component));
    }

    private static Factor ease(Component component) {
        if (DeviceFacts.unsigned(component.update())) {
            return Factor.of(
                    4,
                    "its updates are not signed either (update: " + Words.of(component.update())
                            + "), so nothing checks the code it runs");
        }
        if (component.exposure().contains(Exposure.PHYSICAL)
                || !component.debug().isEmpty()) {
            return Factor.of(3, "its flash can be rewritten by hand, through physical access or a debug interface");
        }
        return Factor.of(2, "an attacker first needs some way to write its flash; then nothing stops the implant");
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of(new KeyEdit(graph.component(c).at(), "secure-boot", "true"));
    }
}
