package dev.mamori.engine.rules;

import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.rules.access.AccessRules;
import dev.mamori.engine.rules.device.DeviceRules;
import dev.mamori.engine.rules.governance.GovernanceRules;
import dev.mamori.engine.rules.network.NetworkRules;
import dev.mamori.engine.rules.safety.SafetyRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every built-in rule, by area: devices, networks and flows, access and platforms, safety, governance. */
public final class RuleCatalog {

    private RuleCatalog() {}

    public static List<Rule> all() {
        List<Rule> all = new ArrayList<>();
        all.addAll(DeviceRules.all());
        all.addAll(NetworkRules.all());
        all.addAll(AccessRules.all());
        all.addAll(SafetyRules.all());
        all.addAll(GovernanceRules.all());
        return List.copyOf(all);
    }

    public static Optional<Rule> find(String id) {
        return all().stream().filter(r -> r.metadata().id().equals(id)).findFirst();
    }
}
