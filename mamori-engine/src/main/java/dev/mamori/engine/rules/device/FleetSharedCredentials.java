package dev.mamori.engine.rules.device;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
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
import dev.mamori.model.Scales.Exposure;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * One password for the whole fleet: the operator replaced the vendor default, but with a single
 * secret that every unit accepts, so one leak or one unit taken apart opens them all.
 */
public final class FleetSharedCredentials extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("fleet-shared-credentials")
            .title("One password shared by the whole fleet")
            .rationale("A password the operator set once for every unit is not public like a vendor default, but"
                    + " it is known to every technician, installer and contractor who ever serviced a unit, is"
                    + " stored in their laptops and tools, and can be read out of the flash of any single unit"
                    + " that is stolen or bought second-hand. It is rarely rotated, because changing it means"
                    + " touching every unit. The first leak gives the attacker the whole fleet at once, and"
                    + " nothing distinguishes the attacker's logins from the staff's. The rule fires on"
                    + " credentials: fleet-shared whatever the count, since a secret shared with units modelled"
                    + " elsewhere spreads compromise in the same way. It is judged easier to exploit when units"
                    + " stand where outsiders can get at them (exposure: physical or adjacent), since one unit"
                    + " taken apart is then enough to extract it; how far a leaked password carries (the"
                    + " internet, a partner) is weighed by the component's reach.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(cwe(1391), capec(560), owaspIot(1), etsi("5.1-1"), iec62443("SR 1.2 RE 1"), iec62443("SR 1.5"))
            .mitigations(
                    "Give every unit its own secret, derived or provisioned per device and kept in a password"
                            + " vault (credentials: unique), or use per-device certificates (credentials:"
                            + " certificate).",
                    "Where a shared maintenance login cannot be avoided yet, rotate it on a schedule and whenever"
                            + " staff or contractors leave, and allow it only from a management zone.")
            .build();

    public FleetSharedCredentials() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        Component component = context.graph().component(c);
        if (component.credentials() != Credentials.FLEET_SHARED) {
            return;
        }
        boolean outsiders = component.exposure().contains(Exposure.PHYSICAL)
                || component.exposure().contains(Exposure.ADJACENT);
        Factor ease = outsiders
                ? Factor.of(4, "one unit within outsiders' reach is enough to extract the fleet's password")
                : Factor.of(3, "the shared password has to leak from staff, contractors or their tools first");
        context.onComponent(
                c,
                component.id() + " uses one password set for the whole fleet (credentials: fleet-shared)"
                        + DeviceFacts.fleet(component),
                ease);
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of(new KeyEdit(graph.component(c).at(), "credentials", "unique"));
    }
}
