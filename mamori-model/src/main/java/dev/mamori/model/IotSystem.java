package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One IoT system of the landscape, owned by a stakeholder. Its category and sector select the
 * requirement profile and the tolerable risk.
 *
 * @param operator who runs it day to day, when not the owner
 * @param profile the requirement profile named in the model; empty means its category's
 */
public record IotSystem(
        String id,
        String name,
        Ref owner,
        Optional<Ref> operator,
        String category,
        Optional<String> sector,
        Optional<String> profile,
        Map<String, Zone> zones,
        Map<String, Component> components,
        List<Flow> flows,
        List<CredentialRelation> credentials,
        Map<String, Account> accounts,
        Map<String, DataAsset> data,
        List<Responsibility> responsibilities,
        List<Control> controls,
        List<String> tags,
        String description,
        SourceLocation at) {

    public IotSystem {
        zones = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(zones));
        components = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(components));
        flows = List.copyOf(flows);
        credentials = List.copyOf(credentials);
        accounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(accounts));
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        responsibilities = List.copyOf(responsibilities);
        controls = List.copyOf(controls);
        tags = List.copyOf(tags);
    }

    /** This system with its components replaced by {@code replaced} (same ids, same order). */
    public IotSystem withComponents(Map<String, Component> replaced) {
        return new IotSystem(
                id,
                name,
                owner,
                operator,
                category,
                sector,
                profile,
                zones,
                replaced,
                flows,
                credentials,
                accounts,
                data,
                responsibilities,
                controls,
                tags,
                description,
                at);
    }
}
