package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ThreagileModel.DataAsset;
import dev.mamori.imports.threagile.ThreagileModel.LayoutHints;
import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.imports.threagile.ThreagileModel.SharedRuntime;
import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.imports.threagile.ThreagileModel.TrustBoundary;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Threagile model, includes merged, into a {@link ThreagileModel}, reporting everything
 * that makes it malformed (a missing id, a word Threagile refuses, a value of the wrong shape, a
 * dangling reference) in one run. When the diagnostics hold an error afterwards, there is nothing
 * to import.
 */
final class ThreagileReader {

    private static final Set<String> DATA_KEYS = Set.of(
            "id",
            "description",
            "usage",
            "tags",
            "origin",
            "owner",
            "quantity",
            "confidentiality",
            "integrity",
            "availability",
            "justification_cia_rating");
    private static final Set<String> ASSET_KEYS = Set.of(
            "id",
            "description",
            "type",
            "usage",
            "used_as_client_by_human",
            "out_of_scope",
            "justification_out_of_scope",
            "size",
            "technology",
            "technologies",
            "tags",
            "internet",
            "machine",
            "encryption",
            "owner",
            "confidentiality",
            "integrity",
            "availability",
            "justification_cia_rating",
            "multi_tenant",
            "redundant",
            "custom_developed_parts",
            "data_assets_processed",
            "data_assets_stored",
            "data_formats_accepted",
            "diagram_tweak_order",
            "communication_links");
    private static final Set<String> LINK_KEYS = Set.of(
            "target",
            "description",
            "protocol",
            "authentication",
            "authorization",
            "tags",
            "vpn",
            "ip_filtered",
            "readonly",
            "usage",
            "data_assets_sent",
            "data_assets_received",
            "diagram_tweak_weight",
            "diagram_tweak_constraint");
    private static final Set<String> BOUNDARY_KEYS =
            Set.of("id", "description", "type", "tags", "technical_assets_inside", "trust_boundaries_nested");
    private static final Set<String> RUNTIME_KEYS = Set.of("id", "description", "tags", "technical_assets_running");
    private static final List<String> USAGES = List.of("business", "devops");
    private static final List<String> SIZES = List.of("system", "service", "application", "component");
    private static final List<String> AT_REST = List.of(
            "none",
            "transparent",
            "data-with-symmetric-shared-key",
            "data-with-asymmetric-shared-key",
            "data-with-enduser-individual-key");
    private static final List<String> QUANTITIES = List.of("very-few", "few", "many", "very-many");
    /** An asset's booleans, read here so that a malformed one is reported with every other problem. */
    private static final List<String> ASSET_FLAGS = List.of(
            "used_as_client_by_human",
            "out_of_scope",
            "internet",
            "multi_tenant",
            "redundant",
            "custom_developed_parts");

    private static final List<String> LINK_FLAGS = List.of("vpn", "ip_filtered", "readonly");

    private final Diagnostics diagnostics;
    private In root;
    private final Map<String, DataAsset> dataAssets = new LinkedHashMap<>();
    private final Map<String, TechnicalAsset> technicalAssets = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, TrustBoundary> trustBoundaries = new LinkedHashMap<>();
    private final Map<String, SharedRuntime> sharedRuntimes = new LinkedHashMap<>();
    private SourceLocation firstLayoutHint;
    private int layoutHintCount;

    ThreagileReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reads the model whose top-level mapping (includes merged) is {@code merged}; use once. */
    ThreagileModel read(String file, MapNode merged) {
        root = new In(merged, "model", diagnostics);
        root.onlyKnown(ThreagileImporter.TOP_LEVEL);
        root.node.entries().stream()
                .filter(e -> e.key().startsWith("diagram_tweak_"))
                .forEach(e -> countLayoutHint(root, e.key()));
        readDataAssets();
        readTechnicalAssets();
        readTrustBoundaries();
        readSharedRuntimes();
        ThreagileModel model = new ThreagileModel(
                file,
                root,
                dataAssets,
                technicalAssets,
                links,
                trustBoundaries,
                sharedRuntimes,
                new LayoutHints(firstLayoutHint, layoutHintCount));
        new ReferenceCheck(model, diagnostics).run();
        return model;
    }

    /** The entries of a section, each a mapping titled by its key, as Threagile writes elements. */
    private List<Map.Entry<MapNode.Entry, In>> elements(String section, String noun) {
        List<Map.Entry<MapNode.Entry, In>> out = new ArrayList<>();
        Optional<MapNode> map = root.map(section);
        if (map.isEmpty()) {
            return out;
        }
        for (MapNode.Entry entry : map.get().entries()) {
            if (entry.value() instanceof MapNode element) {
                out.add(Map.entry(entry, new In(element, noun + " '" + entry.key() + "'", diagnostics)));
            } else if (!In.isEmpty(entry.value())) {
                diagnostics.error(
                        entry.value().at(),
                        "wrong-type",
                        noun + " '" + entry.key() + "' is " + entry.value().describe()
                                + ", but Threagile expects a mapping of its fields");
            }
        }
        return out;
    }

    /** The element's id, which every element needs; Threagile refers to elements by it. */
    private Optional<String> id(MapNode.Entry entry, In in, Map<String, ?> seen, String noun) {
        Optional<String> id = in.text("id");
        if (id.isEmpty()) {
            diagnostics.error(
                    entry.keyAt(),
                    "missing-key",
                    noun + " '" + entry.key() + "' has no 'id'; Threagile refers to elements by their id");
            return Optional.empty();
        }
        if (seen.containsKey(id.get())) {
            diagnostics.error(
                    in.at("id"),
                    "duplicate-id",
                    "the " + noun + " id '" + id.get() + "' is already used; ids must be unique");
            return Optional.empty();
        }
        return id;
    }

    private void readDataAssets() {
        for (var e : elements("data_assets", "data asset")) {
            In in = e.getValue();
            in.onlyKnown(DATA_KEYS);
            id(e.getKey(), in, dataAssets, "data asset").ifPresent(id -> {
                dataAssets.put(
                        id, new DataAsset(id, e.getKey().key(), in, e.getKey().keyAt()));
                for (String rating : List.of("confidentiality", "integrity", "availability")) {
                    if (in.text(rating).isEmpty()) {
                        diagnostics.error(
                                e.getKey().keyAt(),
                                "missing-key",
                                "data asset '" + e.getKey().key() + "' has no '" + rating
                                        + "'; Threagile needs the rating of every data asset");
                    }
                }
                in.word("confidentiality", Tables.CONFIDENTIALITY);
                in.word("integrity", Tables.CRITICALITY);
                in.word("availability", Tables.CRITICALITY);
                in.word("usage", USAGES);
                in.word("quantity", QUANTITIES);
            });
        }
    }

    private void readTechnicalAssets() {
        for (var e : elements("technical_assets", "technical asset")) {
            In in = e.getValue();
            in.onlyKnown(ASSET_KEYS);
            Optional<String> id = id(e.getKey(), in, technicalAssets, "technical asset");
            if (id.isEmpty()) {
                continue;
            }
            TechnicalAsset asset = new TechnicalAsset(
                    id.get(), e.getKey().key(), in, e.getKey().keyAt());
            technicalAssets.put(id.get(), asset);
            in.word("type", Tables.ASSET_TYPES);
            in.word("usage", USAGES);
            in.word("size", SIZES);
            in.word("machine", Tables.MACHINES);
            in.word("encryption", AT_REST);
            in.word("confidentiality", Tables.CONFIDENTIALITY);
            in.word("integrity", Tables.CRITICALITY);
            in.word("availability", Tables.CRITICALITY);
            countLayoutHint(in, "diagram_tweak_order");
            ASSET_FLAGS.forEach(in::bool);
            in.map("communication_links").ifPresent(linkMap -> readLinks(asset, linkMap));
        }
    }

    private void readLinks(TechnicalAsset asset, MapNode linkMap) {
        Set<String> linkIds = new HashSet<>();
        for (MapNode.Entry l : linkMap.entries()) {
            if (!(l.value() instanceof MapNode linkNode)) {
                if (!In.isEmpty(l.value())) {
                    diagnostics.error(
                            l.value().at(),
                            "wrong-type",
                            "communication link '" + l.key() + "' is "
                                    + l.value().describe() + ", but Threagile expects a mapping of its fields");
                }
                continue;
            }
            In link = new In(linkNode, "communication link '" + l.key() + "'", diagnostics);
            link.onlyKnown(LINK_KEYS);
            link.word("usage", USAGES);
            countLayoutHint(link, "diagram_tweak_weight");
            countLayoutHint(link, "diagram_tweak_constraint");
            LINK_FLAGS.forEach(link::bool);
            Optional<ScalarNode> target =
                    link.scalar("target").filter(t -> !t.text().isBlank());
            if (target.isEmpty()) {
                diagnostics.error(
                        l.keyAt(),
                        "missing-key",
                        "communication link '" + l.key() + "' of technical asset '" + asset.title()
                                + "' has no 'target'; name the id of the technical asset it goes to");
                continue;
            }
            String linkId = asset.id() + ">" + Ids.linkSlug(l.key());
            if (!linkIds.add(linkId)) {
                diagnostics.error(
                        l.keyAt(),
                        "duplicate-id",
                        "technical asset '" + asset.title() + "' already has a link whose title reads as '"
                                + Ids.linkSlug(l.key())
                                + "'; Threagile names links by their titles, so they must differ");
                continue;
            }
            links.add(new Link(linkId, l.key(), asset, link, l.keyAt(), Texts.strip(target.get())));
        }
    }

    private void countLayoutHint(In in, String key) {
        if (in.node.entry(key).isPresent()) {
            if (firstLayoutHint == null) {
                firstLayoutHint = in.at(key);
            }
            layoutHintCount++;
        }
    }

    private void readTrustBoundaries() {
        for (var e : elements("trust_boundaries", "trust boundary")) {
            In in = e.getValue();
            in.onlyKnown(BOUNDARY_KEYS);
            id(e.getKey(), in, trustBoundaries, "trust boundary").ifPresent(id -> {
                Optional<ScalarNode> type =
                        in.scalar("type").filter(t -> !t.text().isBlank());
                String kind = type.map(t -> t.text().strip()).orElse("network-on-prem");
                if (type.isPresent() && !Tables.BOUNDARY_TYPES.contains(kind)) {
                    diagnostics.warning(
                            type.get().at(),
                            "imported-approximately",
                            "'" + kind + "' is not a Threagile trust boundary type"
                                    + Suggestions.didYouMean(kind, Tables.BOUNDARY_TYPES)
                                    + "; the boundary is imported as a network segment");
                }
                trustBoundaries.put(
                        id,
                        new TrustBoundary(id, e.getKey().key(), in, e.getKey().keyAt(), kind));
            });
        }
    }

    private void readSharedRuntimes() {
        for (var e : elements("shared_runtimes", "shared runtime")) {
            In in = e.getValue();
            in.onlyKnown(RUNTIME_KEYS);
            id(e.getKey(), in, sharedRuntimes, "shared runtime")
                    .ifPresent(id -> sharedRuntimes.put(
                            id,
                            new SharedRuntime(
                                    id, e.getKey().key(), in, e.getKey().keyAt())));
        }
    }
}
