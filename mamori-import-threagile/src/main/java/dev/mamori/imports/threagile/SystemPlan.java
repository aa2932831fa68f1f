package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ComponentKinds.ComponentKind;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Mamori system a Threagile model becomes, decided before anything is written: its id and
 * owner, the stakeholders, the Mamori id of every element, each component's kind and zone. The
 * writers only put these decisions into the output. Maps are by Threagile id, in input order.
 *
 * @param name the model's title, or the file's name when it has none
 * @param ownerId the stakeholder id of the system's owner
 * @param stakeholders by the owner's name as written in Threagile, in the order they are first named
 * @param flowIds by Threagile link id; a link from an asset to itself has none
 * @param sensitiveDataIds the Mamori ids of data whose confidentiality matters highly, or that is personal
 * @param vpn the one component that stands for the VPNs links travel over, when a link says vpn
 */
record SystemPlan(
        String name,
        String id,
        String ownerId,
        Map<String, Stakeholder> stakeholders,
        Map<String, String> componentIds,
        Map<String, ComponentKind> componentKinds,
        Map<String, String> dataIds,
        Set<String> sensitiveDataIds,
        Map<String, String> flowIds,
        Optional<Vpn> vpn,
        ZonePlan zones) {

    /** A stakeholder: operator for owners of technical assets, data-owner for owners of data. */
    record Stakeholder(String id, String name, List<String> roles) {}

    /** @param at where the first link over a VPN says so */
    record Vpn(String id, SourceLocation at) {}

    /** The stakeholder id of an owner named in the input. */
    String stakeholderId(String ownerName) {
        return stakeholders.get(ownerName).id();
    }

    /** Whether the model uses the device kind the import declares in its vocabulary. */
    boolean usesIotDeviceKind() {
        return componentKinds.values().stream().anyMatch(ComponentKind::isDeclaredIotDevice);
    }
}
