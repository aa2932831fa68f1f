package dev.mamori.engine.rules.device;

import dev.mamori.engine.risk.Rule;
import java.util.List;

/** The device rules, in the order they are listed. */
public final class DeviceRules {

    private DeviceRules() {}

    public static List<Rule> all() {
        return List.of(new DefaultCredentials());
    }
}
