package dev.mamori.engine.rules.governance;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The governance rules, in the order they are listed. */
public final class GovernanceRules {

    private GovernanceRules() {}

    public static List<Rule> all() {
        return List.of(
                new NoResponsibleStakeholder(),
                new InterconnectionWithoutResponsible(),
                new DataWithoutOwner(),
                new PersonalDataWithoutOwner(),
                new PersonalDataToUnauthorizedStakeholder(),
                new MissionSinglePointOfFailure(),
                new MissionWithoutRecoveryObjective(),
                new MissionWithoutOwner(),
                new ManufacturerWithoutVulnerabilityDisclosure(),
                new DeviceWithoutManufacturer());
    }
}
