package dev.mamori.engine.rules.device;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The device rules, in the order they are listed. */
public final class DeviceRules {

    private DeviceRules() {}

    public static List<Rule> all() {
        return List.of(
                new DefaultCredentials(),
                new FleetSharedCredentials(),
                new NoAuthentication(),
                new NoUpdatePath(),
                new UnsignedUpdates(),
                new ManualUpdatesOnLargeFleet(),
                new NoSecureBoot(),
                new DebugInterfacePhysicallyReachable(),
                new NetworkDebugService(),
                new EndOfSupportPassed(),
                new EndOfSupportBeforeMissionHorizon(),
                new DeviceExposedToInternet(),
                new ExpiredCertification(),
                new SecurityFactsUnstated(),
                new NoSupportPeriodDeclared());
    }
}
