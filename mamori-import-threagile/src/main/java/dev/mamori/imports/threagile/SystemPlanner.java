package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ComponentKinds.ComponentKind;
import dev.mamori.imports.threagile.SystemPlan.Stakeholder;
import dev.mamori.imports.threagile.SystemPlan.Vpn;
import dev.mamori.imports.threagile.ThreagileModel.DataAsset;
import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.diagnostics.Diagnostics;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the Mamori system a Threagile model becomes. The whole model is one system, named after
 * its title: Threagile models one application and the organisation that runs it, and its trust
 * boundaries are segments inside it (docs/import-threagile.md, "One model, one system"). So every
 * technical asset is a component of that system, and the trust boundaries become its zones.
 */
final class SystemPlanner {

    /** The stakeholder that owns the system when the model names no owner at all. */
    static final String UNKNOWN_OWNER_ID = "unknown-owner";

    private final ThreagileModel model;
    private final Diagnostics diagnostics;
    /** Stakeholder ids by the owner's name, and the roles of each, in the order first named. */
    private final Map<String, String> stakeholderIds = new LinkedHashMap<>();

    private final Map<String, Set<String>> rolesOf = new LinkedHashMap<>();

    SystemPlanner(ThreagileModel model, Diagnostics diagnostics) {
        this.model = model;
        this.diagnostics = diagnostics;
    }

    SystemPlan plan() {
        String name = model.root().text("title").orElse(Texts.stem(model.file()));
        String systemId = Ids.unique(Ids.slug(name, "threagile"), new HashSet<>());
        // Stakeholders are written in the order first named: the system's owner, then the owners
        // of technical assets (operators), then of data (data owners).
        String ownerId = systemOwner();

        Map<String, String> dataIds = new LinkedHashMap<>();
        Set<String> usedDataIds = new HashSet<>();
        model.dataAssets()
                .values()
                .forEach(d -> dataIds.put(d.id(), Ids.mamoriId(d.id(), usedDataIds, d.fields(), diagnostics)));
        Set<String> sensitiveDataIds = new HashSet<>();
        for (DataAsset d : model.dataAssets().values()) {
            if (DataWriter.secrecy(d.fields()).need().compareTo(Need.HIGH) >= 0 || DataWriter.personal(d.fields())) {
                sensitiveDataIds.add(dataIds.get(d.id()));
            }
        }

        ZonePlan zones = ZonePlan.of(model.trustBoundaries(), diagnostics);

        // Components, flows and the VPN share one space of ids, taken in this order.
        Set<String> usedElementIds = new HashSet<>();
        Map<String, String> componentIds = new LinkedHashMap<>();
        Map<String, ComponentKind> componentKinds = new LinkedHashMap<>();
        ComponentKinds kinds = new ComponentKinds(diagnostics);
        for (TechnicalAsset asset : model.technicalAssets().values()) {
            componentIds.put(asset.id(), Ids.mamoriId(asset.id(), usedElementIds, asset.fields(), diagnostics));
            componentKinds.put(asset.id(), kinds.of(asset));
            asset.fields().text("owner").ifPresent(o -> addRole(stakeholder(o, null), "operator"));
        }
        Map<String, String> flowIds = new LinkedHashMap<>();
        Optional<Vpn> vpn = Optional.empty();
        for (Link link : model.links()) {
            if (link.goesToItself()) {
                continue;
            }
            String from = componentIds.get(link.source().id());
            flowIds.put(link.threagileId(), Ids.unique(from + "-" + Ids.slug(link.title(), "link"), usedElementIds));
            if (vpn.isEmpty() && link.fields().bool("vpn")) {
                vpn = Optional.of(
                        new Vpn(Ids.unique("vpn", usedElementIds), link.fields().at("vpn")));
            }
        }
        model.dataAssets()
                .values()
                .forEach(d -> d.fields().text("owner").ifPresent(o -> addRole(stakeholder(o, null), "data-owner")));

        Map<String, Stakeholder> stakeholders = new LinkedHashMap<>();
        stakeholderIds.forEach((owner, id) ->
                stakeholders.put(owner, new Stakeholder(id, owner, List.copyOf(rolesOf.getOrDefault(id, Set.of())))));
        return new SystemPlan(
                name,
                systemId,
                ownerId,
                stakeholders,
                componentIds,
                componentKinds,
                dataIds,
                sensitiveDataIds,
                flowIds,
                vpn,
                zones);
    }

    /**
     * The owner of the most technical assets in scope owns the system: Threagile names no owner of
     * the whole, and the one who runs most of it is the nearest reading. Failing that, the owner of
     * the most assets, then of the most data.
     */
    private String systemOwner() {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (TechnicalAsset asset : model.technicalAssets().values()) {
            if (!asset.fields().bool("out_of_scope")) {
                asset.fields().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum));
            }
        }
        if (count.isEmpty()) {
            model.technicalAssets()
                    .values()
                    .forEach(a -> a.fields().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum)));
        }
        if (count.isEmpty()) {
            model.dataAssets()
                    .values()
                    .forEach(d -> d.fields().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum)));
        }
        if (count.isEmpty()) {
            diagnostics.warning(
                    model.root().at(),
                    "imported-approximately",
                    "no technical or data asset names an owner, and a Mamori system needs one; the system is owned by"
                            + " a stakeholder 'unknown-owner' to be replaced");
            return stakeholder("Owner not stated in the Threagile model", UNKNOWN_OWNER_ID);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : count.entrySet()) {
            if (best == null || e.getValue() > count.get(best)) {
                best = e.getKey();
            }
        }
        return stakeholder(best, null);
    }

    /** The stakeholder id of an owner named in the input, created on first use. */
    private String stakeholder(String owner, String preferredId) {
        return stakeholderIds.computeIfAbsent(
                owner,
                o -> Ids.unique(
                        preferredId != null ? preferredId : Ids.slug(o, "owner"),
                        new HashSet<>(stakeholderIds.values())));
    }

    private void addRole(String stakeholderId, String role) {
        rolesOf.computeIfAbsent(stakeholderId, k -> new LinkedHashSet<>()).add(role);
    }
}
