package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ThreagileModel.TrustBoundary;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Zones from trust boundaries. Each boundary that is a network segment becomes a zone; nesting is
 * flattened, each asset going to the innermost segment that holds it. An execution environment is
 * not a segment (Threagile's own rules do not count it as one): its assets go to the segment around
 * it and are tagged with it.
 */
final class ZonePlan {

    private final Map<String, TrustBoundary> boundaries;
    /** The boundary each boundary is nested in, by Threagile id. */
    private final Map<String, String> parentOf = new HashMap<>();
    /** The Mamori zone id of each network segment, by Threagile boundary id. */
    private final Map<String, String> zoneIds = new HashMap<>();
    /** The Mamori zone of each technical asset in a segment, by Threagile asset id. */
    private final Map<String, String> zoneOfAsset = new HashMap<>();
    /** The execution environments around each technical asset, innermost first, by Threagile id. */
    private final Map<String, List<String>> environmentsOfAsset = new HashMap<>();

    private ZonePlan(Map<String, TrustBoundary> boundaries) {
        this.boundaries = boundaries;
    }

    static ZonePlan of(Map<String, TrustBoundary> boundaries, Diagnostics diagnostics) {
        ZonePlan plan = new ZonePlan(boundaries);
        for (TrustBoundary b : boundaries.values()) {
            b.fields().texts("trust_boundaries_nested").forEach(n -> plan.parentOf.put(n.text(), b.id()));
        }
        Set<String> usedZoneIds = new HashSet<>();
        for (TrustBoundary b : boundaries.values()) {
            if (!b.isExecutionEnvironment()) {
                plan.zoneIds.put(b.id(), Ids.mamoriId(b.id(), usedZoneIds, b.fields(), diagnostics));
            }
        }
        for (TrustBoundary b : boundaries.values()) {
            for (ScalarNode inside : b.fields().texts("technical_assets_inside")) {
                plan.networkAround(b.id())
                        .ifPresent(zone -> plan.zoneOfAsset.put(inside.text(), plan.zoneIds.get(zone)));
                List<String> environments = new ArrayList<>();
                for (String e = b.id(); e != null; e = plan.parentOf.get(e)) {
                    if (boundaries.get(e).isExecutionEnvironment()) {
                        environments.add(e);
                    }
                }
                plan.environmentsOfAsset.put(inside.text(), environments);
            }
        }
        return plan;
    }

    /** The innermost boundary from {@code boundaryId} outwards that is a network segment. */
    Optional<String> networkAround(String boundaryId) {
        for (String b = boundaryId; b != null; b = parentOf.get(b)) {
            if (!boundaries.get(b).isExecutionEnvironment()) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The boundary {@code boundaryId} is nested in, if any. */
    Optional<String> parentOf(String boundaryId) {
        return Optional.ofNullable(parentOf.get(boundaryId));
    }

    /** The zone id of a boundary that is a network segment; absent for an execution environment. */
    Optional<String> zoneId(String boundaryId) {
        return Optional.ofNullable(zoneIds.get(boundaryId));
    }

    /** The zone a technical asset sits in; absent when no network segment holds it. */
    Optional<String> zoneOf(String assetId) {
        return Optional.ofNullable(zoneOfAsset.get(assetId));
    }

    List<String> environmentsOf(String assetId) {
        return environmentsOfAsset.getOrDefault(assetId, List.of());
    }
}
