package dev.mamori.engine.rules.access;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The access rules, in the order they are listed. */
public final class AccessRules {

    private AccessRules() {}

    public static List<Rule> all() {
        return List.of(
                new VendorRemoteAccessWithoutMfa(),
                new SharedCredential(),
                new FleetWideCredential(),
                new RemoteAccessIntoControlZone(),
                new InternetExposedDatabase(),
                new UnauthenticatedExposedService(),
                new PasswordOnlyInternetLogin(),
                new MultiTenantWithoutIsolation(),
                new NoSecurityLogging(),
                new AnonymousBroker(),
                new ManagementPlaneExposed(),
                new ApiKeyOnInternet());
    }
}
