package dev.mamori.engine.rules.safety;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The safety rules, in the order they are listed. */
public final class SafetyRules {

    private SafetyRules() {}

    public static List<Rule> all() {
        return List.of(
                new HazardWithoutInterlock(),
                new HazardCommandableFromLessTrustedZone(),
                new SafetyFunctionSharesZoneWithIt(),
                new SafetyFunctionCommandedFromOutsideItsZone(),
                new WirelessIntoSafety(),
                new ControlZoneWithoutSecurityLevel(),
                new InternetToControlZoneFlow(),
                new ActuatorCommandsWithoutAuthorization(),
                new CrossOrganisationActuation(),
                new UnsignedUpdatesOnSafetyFunction());
    }
}
