package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.imports.threagile.ThreagileModel.SharedRuntime;
import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.imports.threagile.ThreagileModel.TrustBoundary;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references of a Threagile model, checked as Threagile checks them: every id an element
 * names exists, an asset sits directly inside one trust boundary, a boundary is nested in at most
 * one other, and nesting has no cycle. What follows (zones, flows) relies on all of it.
 */
final class ReferenceCheck {

    private final ThreagileModel model;
    private final Diagnostics diagnostics;

    ReferenceCheck(ThreagileModel model, Diagnostics diagnostics) {
        this.model = model;
        this.diagnostics = diagnostics;
    }

    void run() {
        Set<String> dataIds = model.dataAssets().keySet();
        Set<String> assetIds = model.technicalAssets().keySet();
        for (TechnicalAsset asset : model.technicalAssets().values()) {
            existing(asset.fields().texts("data_assets_processed"), dataIds, "data asset");
            existing(asset.fields().texts("data_assets_stored"), dataIds, "data asset");
        }
        for (Link link : model.links()) {
            existing(List.of(link.target()), assetIds, "technical asset");
            existing(link.fields().texts("data_assets_sent"), dataIds, "data asset");
            existing(link.fields().texts("data_assets_received"), dataIds, "data asset");
        }
        checkBoundaries();
        for (SharedRuntime runtime : model.sharedRuntimes().values()) {
            existing(runtime.fields().texts("technical_assets_running"), assetIds, "technical asset");
        }
    }

    private void checkBoundaries() {
        Map<String, TrustBoundary> boundaries = model.trustBoundaries();
        Map<String, String> boundaryOfAsset = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (TrustBoundary b : boundaries.values()) {
            for (ScalarNode inside : existing(
                    b.fields().texts("technical_assets_inside"),
                    model.technicalAssets().keySet(),
                    "technical asset")) {
                String earlier = boundaryOfAsset.putIfAbsent(inside.text(), b.id());
                if (earlier != null && !earlier.equals(b.id())) {
                    diagnostics.error(
                            inside.at(),
                            "duplicate-id",
                            "technical asset '" + inside.text() + "' is already inside trust boundary '" + earlier
                                    + "'; an asset sits directly inside one boundary (nest the boundaries instead)");
                }
            }
            for (ScalarNode nested :
                    existing(b.fields().texts("trust_boundaries_nested"), boundaries.keySet(), "trust boundary")) {
                String earlier = parentOf.putIfAbsent(nested.text(), b.id());
                if (earlier != null && !earlier.equals(b.id())) {
                    diagnostics.error(
                            nested.at(),
                            "duplicate-id",
                            "trust boundary '" + nested.text() + "' is already nested in '" + earlier
                                    + "'; a boundary is nested in at most one other");
                }
            }
        }
        for (String start : parentOf.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            for (String b = start; b != null; b = parentOf.get(b)) {
                if (!seen.add(b)) {
                    diagnostics.error(
                            boundaries.get(start).at(),
                            "nesting-cycle",
                            "trust boundary '" + start + "' is nested in itself, through " + String.join(" -> ", seen));
                    break;
                }
            }
        }
    }

    /** The references that name an id of {@code ids}; each other one is reported. */
    private List<ScalarNode> existing(List<ScalarNode> refs, Set<String> ids, String noun) {
        List<ScalarNode> found = new ArrayList<>();
        for (ScalarNode ref : refs) {
            if (ids.contains(ref.text())) {
                found.add(ref);
            } else {
                diagnostics.error(
                        ref.at(),
                        "dangling-reference",
                        "no " + noun + " with id '" + ref.text() + "'" + Suggestions.didYouMean(ref.text(), ids));
            }
        }
        return found;
    }
}
