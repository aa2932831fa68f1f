package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Scales.UpdatePath;
import dev.mamori.model.Words;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * Updates installed without a signature check: whoever reaches the update path, or impersonates the
 * update server, replaces the firmware with their own.
 */
public final class UnsignedUpdates extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("unsigned-updates")
            .title("Software updates are not signed")
            .rationale("A component that installs updates without verifying a signature (update: manual or"
                    + " automatic) runs whatever image it is handed. For automatic updates, a spoofed DNS"
                    + " answer, a man-in-the-middle on the download or a compromised update server pushes"
                    + " attacker firmware to every unit at once, and the fleet installs it by itself; this is"
                    + " judged the easier case. For manual updates, anyone who reaches the upload page, the"
                    + " USB port or the maintenance tool can flash a modified image that survives reboots and"
                    + " factory resets; it is judged trivial when that upload needs no login or only a"
                    + " publicly known one, and easier when one password guards the whole fleet. Transport"
                    + " encryption of the download does not help: TLS proves"
                    + " where the file came from, not who built it.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(494),
                    cwe(347),
                    capec(186),
                    owaspIot(4),
                    etsi("5.3-9"),
                    etsi("5.3-10"),
                    iec62443("SR 3.4"),
                    emb3d("TID-211"),
                    emb3d("TID-213"))
            .mitigations(
                    "Sign every image at the vendor with a key kept offline or in an HSM, and have the device"
                            + " verify the signature against a key in protected storage before installing it"
                            + " (update: signed-automatic or signed-manual).",
                    "Refuse older signed images (anti-rollback), so that a signed but vulnerable version cannot"
                            + " be re-installed.")
            .build();

    public UnsignedUpdates() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (!DeviceFacts.unsigned(component.update()) || !DeviceFacts.PATCHED_LAYERS.contains(component.layer())) {
            return;
        }
        Factor ease;
        if (component.update() == UpdatePath.AUTOMATIC) {
            ease = Factor.of(
                    4,
                    "impersonating or compromising the update server is enough, and every unit installs the"
                            + " image by itself");
        } else if (component.credentials() == Credentials.NONE
                || component.credentials() == Credentials.DEFAULT_SHARED) {
            ease = Factor.of(
                    5,
                    "the manual update needs no login or only a publicly known one (credentials: "
                            + Words.of(component.credentials()) + ")");
        } else if (component.credentials() == Credentials.FLEET_SHARED) {
            ease = Factor.of(4, "the manual update is guarded by one password shared across the fleet");
        } else {
            ease = Factor.of(3, "an attacker has to reach the manual update interface and pass its login");
        }
        context.onComponent(
                c,
                component.id() + " installs updates without checking a signature (update: "
                        + Words.of(component.update()) + ")" + DeviceFacts.fleet(component),
                ease);
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        Component component = graph.component(c);
        return List.of(new KeyEdit(
                component.at(),
                "update",
                component.update() == dev.mamori.model.Scales.UpdatePath.AUTOMATIC
                        ? "signed-automatic"
                        : "signed-manual"));
    }
}
