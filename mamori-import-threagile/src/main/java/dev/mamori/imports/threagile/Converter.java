package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileImporter.Options;
import dev.mamori.model.Layer;
import dev.mamori.model.Scales.Authorization;
import dev.mamori.model.Scales.Need;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.PlainValues;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns one Threagile model, includes merged, into one Mamori system: reads and checks the input
 * first (a malformed model yields errors and no output), then writes each part. The choices it
 * makes are the tables of docs/import-threagile.md.
 */
final class Converter {

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
    private static final Set<String> TRACKING_KEYS = Set.of("status", "justification", "ticket", "date", "checked_by");
    private static final List<String> USAGES = List.of("business", "devops");
    private static final List<String> SIZES = List.of("system", "service", "application", "component");
    private static final List<String> AT_REST = List.of(
            "none",
            "transparent",
            "data-with-symmetric-shared-key",
            "data-with-asymmetric-shared-key",
            "data-with-enduser-individual-key");
    private static final List<String> QUANTITIES = List.of("very-few", "few", "many", "very-many");
    private static final Pattern DMZ = Pattern.compile("(^|[^a-z])dmz([^a-z]|$)");

    /** Sections with no Mamori counterpart, kept as comments. */
    private static final List<String> UNMAPPED_SECTIONS = List.of(
            "application_description",
            "technical_overview",
            "management_summary_comment",
            "security_requirements",
            "questions",
            "abuse_cases",
            "individual_risk_categories",
            "custom_risk_categories");

    private record DataIn(String id, String title, In in, SourceLocation at) {}

    private record AssetIn(String id, String title, In in, SourceLocation at, List<LinkIn> links) {}

    private record LinkIn(
            String threagileId, String title, AssetIn source, In in, SourceLocation at, ScalarNode target) {}

    private record BoundaryIn(String id, String title, In in, SourceLocation at, String type) {}

    private record RuntimeIn(String id, String title, In in, SourceLocation at) {}

    private final String file;
    private final In root;
    private final Options options;
    private final Diagnostics diagnostics;
    private final List<String> files;
    private final Vocabulary builtIn = BuiltInVocabulary.get();

    private final Map<String, DataIn> data = new LinkedHashMap<>();
    private final Map<String, AssetIn> assets = new LinkedHashMap<>();
    private final List<LinkIn> links = new ArrayList<>();
    private final Map<String, BoundaryIn> boundaries = new LinkedHashMap<>();
    private final Map<String, RuntimeIn> runtimes = new LinkedHashMap<>();

    /** Threagile ids to Mamori ids: technical assets, links (by Threagile link id), data, zones, owners. */
    private final Map<String, String> componentIds = new HashMap<>();

    private final Map<String, String> flowIds = new HashMap<>();
    private final Map<String, String> dataIds = new HashMap<>();
    private final Map<String, String> zoneIds = new HashMap<>();
    private final Map<String, String> stakeholderIds = new LinkedHashMap<>();
    private final Set<String> elementIds = new HashSet<>();

    private final List<String> header = new ArrayList<>();
    private final List<String> footer = new ArrayList<>();
    private final Set<String> addedProtocols = new TreeSet<>();
    /** What each imported link became, by Threagile link id: which Mamori rules can fire on it. */
    private final Map<String, Tables.LinkFacts> linkFacts = new HashMap<>();
    /** The Mamori layer of each technical asset, by Threagile id. */
    private final Map<String, Layer> layerOf = new HashMap<>();
    /** The Mamori ids of data assets whose confidentiality matters highly, or that are personal. */
    private final Set<String> sensitiveData = new HashSet<>();

    private boolean usesIotKind;
    private boolean usesHostLocal;
    private SourceLocation firstLayoutHint;
    private int layoutHints;
    private String systemId;
    /** The roles each stakeholder takes: operator for owners of technical assets, data-owner for data. */
    private final Map<String, Set<String>> rolesOf = new LinkedHashMap<>();
    /** The zone of each technical asset, and the execution environments around it, by Threagile id. */
    private final Map<String, String> zoneOfAsset = new HashMap<>();

    private final Map<String, List<String>> environmentsOfAsset = new HashMap<>();
    /** The tracked risks that become treatments, in the order they are written. */
    private final List<Plan> plans = new ArrayList<>();

    Converter(String file, MapNode root, Options options, Diagnostics diagnostics, List<String> files) {
        this.file = file;
        this.root = new In(root, "model", diagnostics);
        this.options = options;
        this.diagnostics = diagnostics;
        this.files = files;
    }

    ImportResult convert() {
        root.onlyKnown(ThreagileImporter.TOP_LEVEL);
        root.node.entries().stream()
                .filter(e -> e.key().startsWith("diagram_tweak_"))
                .forEach(e -> layoutHint(root, e.key()));
        readData();
        readAssets();
        readBoundaries();
        readRuntimes();
        checkReferences();
        if (diagnostics.hasErrors()) {
            return new ImportResult(null, List.of(), List.of(), diagnostics.sorted(), files);
        }
        OutMap model = new OutMap(root.at());
        model.put("mamori", root.at(), 1);
        String title = root.text("title").orElse(stem(file));
        model.put("landscape", root.at("title"), title);
        model.put("description", root.at(), provenance());
        OutMap vocabularyPlace = model.map("vocabulary", root.at());
        OutMap stakeholders = model.map("stakeholders", root.at());
        systemId = unique(slug(title, "threagile"), new HashSet<>());
        OutMap system = model.map("systems", root.at()).map(systemId, root.at("title"));
        String owner = systemOwner();
        system.put("name", root.at("title"), title);
        system.put("owner", root.at(), owner);
        system.put("category", root.at(), options.category());
        system.putIfPresent("description", root.at("business_overview"), systemDescription());
        Set<String> usedDataIds = new HashSet<>();
        data.values().forEach(d -> dataIds.put(d.id(), mamoriId(d.id(), usedDataIds, d.in())));
        for (DataIn d : data.values()) {
            if (Tables.SECRECY
                                    .get(d.in().text("confidentiality", "internal"))
                                    .need()
                                    .compareTo(Need.HIGH)
                            >= 0
                    || personal(d.in())) {
                sensitiveData.add(dataIds.get(d.id()));
            }
        }
        writeZones(system);
        writeComponents(system);
        writeFlows(system);
        writeData(system);
        writeStakeholders(stakeholders);
        OutList treatments = new OutList(root.at("risk_tracking"));
        writeTreatments(treatments);
        if (!treatments.items.isEmpty()) {
            model.put("treatments", root.at("risk_tracking"), treatments);
        }
        writeVocabulary(vocabularyPlace);
        if (vocabularyPlace.isEmpty()) {
            model.entries().remove("vocabulary");
        }
        unmappedSections();
        if (layoutHints > 0) {
            diagnostics.warning(
                    firstLayoutHint,
                    "not-imported",
                    "diagram layout hints (diagram_tweak_…, " + layoutHints + " in this model) only place boxes in"
                            + " Threagile's diagram; they are not imported");
        }
        header.add("Imported from the Threagile model " + file + " by 'mamori import threagile'.");
        header.add("The mapping is described in docs/import-threagile.md; what has no Mamori key is kept in"
                + " comments like this one or in tags, and was reported as a warning.");
        return new ImportResult(model, header, footer, diagnostics.sorted(), files);
    }

    // ---- reading -------------------------------------------------------------------------------

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

    private void readData() {
        for (var e : elements("data_assets", "data asset")) {
            In in = e.getValue();
            in.onlyKnown(DATA_KEYS);
            id(e.getKey(), in, data, "data asset").ifPresent(id -> {
                data.put(id, new DataIn(id, e.getKey().key(), in, e.getKey().keyAt()));
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

    private void readAssets() {
        for (var e : elements("technical_assets", "technical asset")) {
            In in = e.getValue();
            in.onlyKnown(ASSET_KEYS);
            Optional<String> id = id(e.getKey(), in, assets, "technical asset");
            if (id.isEmpty()) {
                continue;
            }
            AssetIn asset =
                    new AssetIn(id.get(), e.getKey().key(), in, e.getKey().keyAt(), new ArrayList<>());
            assets.put(id.get(), asset);
            in.word("type", Tables.ASSET_TYPES);
            in.word("usage", USAGES);
            in.word("size", SIZES);
            in.word("machine", Tables.MACHINES);
            in.word("encryption", AT_REST);
            in.word("confidentiality", Tables.CONFIDENTIALITY);
            in.word("integrity", Tables.CRITICALITY);
            in.word("availability", Tables.CRITICALITY);
            layoutHint(in, "diagram_tweak_order");
            // Read now so that a malformed value is reported with every other problem of the input.
            List.of(
                            "used_as_client_by_human",
                            "out_of_scope",
                            "internet",
                            "multi_tenant",
                            "redundant",
                            "custom_developed_parts")
                    .forEach(in::bool);
            Optional<MapNode> linkMap = in.map("communication_links");
            if (linkMap.isEmpty()) {
                continue;
            }
            Set<String> linkIds = new HashSet<>();
            for (MapNode.Entry l : linkMap.get().entries()) {
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
                layoutHint(link, "diagram_tweak_weight");
                layoutHint(link, "diagram_tweak_constraint");
                List.of("vpn", "ip_filtered", "readonly").forEach(link::bool);
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
                LinkIn parsed = new LinkIn(linkId, l.key(), asset, link, l.keyAt(), strip(target.get()));
                asset.links().add(parsed);
                links.add(parsed);
            }
        }
    }

    private void layoutHint(In in, String key) {
        if (in.node.entry(key).isPresent()) {
            if (firstLayoutHint == null) {
                firstLayoutHint = in.at(key);
            }
            layoutHints++;
        }
    }

    private void readBoundaries() {
        for (var e : elements("trust_boundaries", "trust boundary")) {
            In in = e.getValue();
            in.onlyKnown(BOUNDARY_KEYS);
            id(e.getKey(), in, boundaries, "trust boundary").ifPresent(id -> {
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
                boundaries.put(
                        id, new BoundaryIn(id, e.getKey().key(), in, e.getKey().keyAt(), kind));
            });
        }
    }

    private void readRuntimes() {
        for (var e : elements("shared_runtimes", "shared runtime")) {
            In in = e.getValue();
            in.onlyKnown(RUNTIME_KEYS);
            id(e.getKey(), in, runtimes, "shared runtime")
                    .ifPresent(id -> runtimes.put(
                            id,
                            new RuntimeIn(id, e.getKey().key(), in, e.getKey().keyAt())));
        }
    }

    /** Every id an element refers to must exist, as Threagile requires. */
    private void checkReferences() {
        for (AssetIn asset : assets.values()) {
            refs(asset.in().texts("data_assets_processed"), data.keySet(), "data asset");
            refs(asset.in().texts("data_assets_stored"), data.keySet(), "data asset");
            for (LinkIn link : asset.links()) {
                refs(List.of(link.target()), assets.keySet(), "technical asset");
                refs(link.in().texts("data_assets_sent"), data.keySet(), "data asset");
                refs(link.in().texts("data_assets_received"), data.keySet(), "data asset");
            }
        }
        Map<String, String> boundaryOfAsset = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        for (BoundaryIn b : boundaries.values()) {
            for (ScalarNode inside :
                    refs(b.in().texts("technical_assets_inside"), assets.keySet(), "technical asset")) {
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
                    refs(b.in().texts("trust_boundaries_nested"), boundaries.keySet(), "trust boundary")) {
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
        for (RuntimeIn r : runtimes.values()) {
            refs(r.in().texts("technical_assets_running"), assets.keySet(), "technical asset");
        }
    }

    private List<ScalarNode> refs(List<ScalarNode> refs, Set<String> ids, String noun) {
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

    // ---- the landscape and its system ----------------------------------------------------------

    private String provenance() {
        List<String> parts = new ArrayList<>();
        root.text("threagile_version").ifPresent(v -> parts.add("Threagile version " + v));
        root.text("date").ifPresent(d -> parts.add("dated " + d));
        root.map("author")
                .flatMap(a -> new In(a, "author", diagnostics).text("name"))
                .ifPresent(n -> parts.add("by " + n));
        List<String> contributors = new ArrayList<>();
        root.value("contributors").ifPresent(c -> {
            if (PlainValues.of(c) instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.get("name") != null) {
                        contributors.add(m.get("name").toString());
                    }
                }
            }
        });
        if (!contributors.isEmpty()) {
            parts.add("with " + String.join(", ", contributors));
        }
        return "Imported from the Threagile model " + file
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + ".";
    }

    private String systemDescription() {
        List<String> parts = new ArrayList<>();
        root.map("business_overview").ifPresent(o -> {
            In overview = new In(o, "business overview", diagnostics);
            overview.text("description").ifPresent(parts::add);
            if (overview.value("images")
                    .filter(i -> PlainValues.of(i) instanceof List<?> l && !l.isEmpty())
                    .isPresent()) {
                diagnostics.warning(
                        overview.at("images"),
                        "not-imported",
                        "the business overview's images belong to Threagile's report; they are not imported");
                footer(
                        "business_overview images (" + overview.at("images") + ")",
                        PlainValues.of(overview.value("images").get()));
            }
        });
        root.text("business_criticality").ifPresent(c -> parts.add("Business criticality in Threagile: " + c + "."));
        return String.join(" ", parts);
    }

    /**
     * The owner of the most technical assets in scope owns the system: Threagile names no owner of
     * the whole, and the one who runs most of it is the nearest reading.
     */
    private String systemOwner() {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (AssetIn asset : assets.values()) {
            if (!asset.in().bool("out_of_scope")) {
                asset.in().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum));
            }
        }
        if (count.isEmpty()) {
            assets.values().forEach(a -> a.in().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum)));
        }
        if (count.isEmpty()) {
            data.values().forEach(d -> d.in().text("owner").ifPresent(o -> count.merge(o, 1, Integer::sum)));
        }
        if (count.isEmpty()) {
            diagnostics.warning(
                    root.at(),
                    "imported-approximately",
                    "no technical or data asset names an owner, and a Mamori system needs one; the system is owned by"
                            + " a stakeholder 'unknown-owner' to be replaced");
            return stakeholder("Owner not stated in the Threagile model", "unknown-owner");
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
                o -> unique(
                        preferredId != null ? preferredId : slug(o, "owner"), new HashSet<>(stakeholderIds.values())));
    }

    private void role(String stakeholderId, String role) {
        rolesOf.computeIfAbsent(stakeholderId, k -> new LinkedHashSet<>()).add(role);
    }

    private void writeStakeholders(OutMap out) {
        stakeholderIds.forEach((name, id) -> {
            OutMap s = out.map(id, root.at());
            s.put("name", root.at(), name);
            Set<String> roles = rolesOf.getOrDefault(id, Set.of());
            if (!roles.isEmpty()) {
                s.put("roles", root.at(), List.copyOf(roles));
            }
        });
    }

    // ---- zones ---------------------------------------------------------------------------------

    /**
     * Each trust boundary that is a network segment becomes a zone; nesting is flattened, each
     * asset going to the innermost segment that holds it. An execution environment is not a
     * segment (Threagile's own rules do not count it as one): its assets go to the segment around
     * it and are tagged with it.
     */
    private void writeZones(OutMap system) {
        Map<String, String> parentOf = new HashMap<>();
        for (BoundaryIn b : boundaries.values()) {
            b.in().texts("trust_boundaries_nested").forEach(n -> parentOf.put(n.text(), b.id()));
        }
        OutMap zones = new OutMap(root.at("trust_boundaries"));
        Set<String> used = new HashSet<>();
        for (BoundaryIn b : boundaries.values()) {
            String parent = parentOf.get(b.id());
            if (b.type().equals(Tables.EXECUTION_ENVIRONMENT)) {
                zones.trailing.add(b.id() + " (" + b.title() + ") is a Threagile execution environment, not a network"
                        + " segment: its components sit in the zone around it"
                        + (parent != null ? " (" + network(parent, parentOf).orElse("none") + ")" : "")
                        + " and are tagged execution-environment:" + b.id()
                        + b.in().text("description").map(d -> ". " + d).orElse("")
                        + tags(b.in(), "; Threagile tags: "));
                continue;
            }
            String id = mamoriId(b.id(), used, b.in());
            zoneIds.put(b.id(), id);
            OutMap zone = zones.map(id, b.at());
            zone.put("name", b.at(), b.title());
            String lower = (b.id() + " " + b.title()).toLowerCase(Locale.ROOT);
            if (DMZ.matcher(lower).find()) {
                zone.put("kind", b.in().at("type"), Words.of(ZoneKind.DMZ));
            }
            List<String> about = new ArrayList<>();
            about.add("Threagile trust boundary of type " + b.type());
            if (parent != null) {
                about.add("nested in " + parent);
            }
            List<String> nested = b.in().texts("trust_boundaries_nested").stream()
                    .map(ScalarNode::text)
                    .toList();
            if (!nested.isEmpty()) {
                about.add("holds " + String.join(", ", nested));
            }
            String tags = tags(b.in(), "Threagile tags: ");
            if (!tags.isEmpty()) {
                about.add(tags);
            }
            zone.put("description", b.at(), sentence(b.in().text("description", ""), String.join("; ", about)));
        }
        for (BoundaryIn b : boundaries.values()) {
            for (ScalarNode inside : b.in().texts("technical_assets_inside")) {
                network(b.id(), parentOf).ifPresent(zone -> zoneOfAsset.put(inside.text(), zoneIds.get(zone)));
                List<String> environments = new ArrayList<>();
                for (String e = b.id(); e != null; e = parentOf.get(e)) {
                    if (boundaries.get(e).type().equals(Tables.EXECUTION_ENVIRONMENT)) {
                        environments.add(e);
                    }
                }
                environmentsOfAsset.put(inside.text(), environments);
            }
        }
        if (!zones.isEmpty() || !zones.trailing.isEmpty()) {
            system.put("zones", root.at("trust_boundaries"), zones);
        }
    }

    /** The innermost boundary from {@code id} outwards that is a network segment. */
    private Optional<String> network(String id, Map<String, String> parentOf) {
        for (String b = id; b != null; b = parentOf.get(b)) {
            if (!boundaries.get(b).type().equals(Tables.EXECUTION_ENVIRONMENT)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    // ---- components ----------------------------------------------------------------------------

    private void writeComponents(OutMap system) {
        Map<String, List<String>> runtimesOfAsset = new HashMap<>();
        for (RuntimeIn r : runtimes.values()) {
            List<ScalarNode> running = r.in().texts("technical_assets_running");
            running.forEach(a -> runtimesOfAsset
                    .computeIfAbsent(a.text(), k -> new ArrayList<>())
                    .add(r.id()));
            diagnostics.warning(
                    r.at(),
                    "imported-approximately",
                    "Mamori has no shared runtime: its " + running.size()
                            + " technical assets are tagged shared-runtime:" + r.id()
                            + ", but that they fall together is not analysed");
        }
        for (AssetIn asset : assets.values()) {
            String id = mamoriId(asset.id(), elementIds, asset.in());
            componentIds.put(asset.id(), id);
        }
        OutMap components = system.map("components", root.at("technical_assets"));
        for (AssetIn asset : assets.values()) {
            In in = asset.in();
            OutMap c = components.map(componentIds.get(asset.id()), asset.at());
            c.put("name", asset.at(), asset.title());
            Tables.Kind kind = kind(asset);
            c.put("kind", in.at("technology"), kind.kind());
            Layer defaultLayer = layers(kind.kind()).get(0);
            layerOf.put(asset.id(), kind.layer() != null ? kind.layer() : defaultLayer);
            if (kind.layer() != null && kind.layer() != defaultLayer) {
                c.put("layer", in.at("technology"), Words.of(kind.layer()));
            }
            Optional.ofNullable(zoneOfAsset.get(asset.id())).ifPresent(z -> c.put("zone", asset.at(), z));
            in.text("owner").ifPresent(o -> {
                String s = stakeholder(o, null);
                role(s, "operator");
                c.put("operator", in.at("owner"), s);
            });
            if (in.bool("internet")) {
                c.put("exposure", in.at("internet"), "internet");
            }
            if (in.bool("multi_tenant")) {
                c.put("tenancy", in.at("multi_tenant"), "multi-shared");
            }
            Set<String> stores = new LinkedHashSet<>();
            in.texts("data_assets_processed").forEach(d -> stores.add(dataId(d.text())));
            in.texts("data_assets_stored").forEach(d -> stores.add(dataId(d.text())));
            c.putIfPresent("stores", in.at("data_assets_stored"), List.copyOf(stores));
            List<String> tags = new ArrayList<>(texts(in, "tags"));
            if (in.bool("out_of_scope")) {
                tags.add("out-of-scope");
                diagnostics.warning(
                        in.at("out_of_scope"),
                        "imported-approximately",
                        "technical asset '" + asset.title() + "' is out of scope in Threagile; Mamori has no scope and"
                                + " assesses it like any component (it is tagged out-of-scope)");
            }
            environmentsOfAsset
                    .getOrDefault(asset.id(), List.of())
                    .forEach(e -> tags.add("execution-environment:" + e));
            runtimesOfAsset.getOrDefault(asset.id(), List.of()).forEach(r -> tags.add("shared-runtime:" + r));
            c.putIfPresent("tags", in.at("tags"), tags);
            c.putIfPresent("description", asset.at(), sentence(in.text("description", ""), assetFacts(asset)));
        }
    }

    /** The Mamori kind for a technical asset: its technology first, then its type and machine. */
    private Tables.Kind kind(AssetIn asset) {
        In in = asset.in();
        List<ScalarNode> technologies = new ArrayList<>(in.texts("technologies"));
        in.scalar("technology").filter(t -> !t.text().isBlank()).ifPresent(t -> technologies.add(0, t));
        String type = in.text("type", "process");
        for (ScalarNode t : technologies) {
            String technology = t.text().strip();
            technology = Tables.TECHNOLOGY_ALIASES.getOrDefault(technology, technology);
            if (technology.equals("unknown-technology")) {
                continue;
            }
            if (technology.equals("iot-device")) {
                for (String tag : texts(in, "tags")) {
                    var k = builtIn.componentKinds().get(tag);
                    if (k != null && k.layers().contains(Layer.DEVICE)) {
                        return new Tables.Kind(tag, Layer.DEVICE);
                    }
                }
                usesIotKind = true;
                return Tables.TECHNOLOGIES.get(technology);
            }
            if (technology.equals("gateway") && Tables.SOFTWARE_MACHINES.contains(in.text("machine", ""))) {
                return new Tables.Kind("api", null);
            }
            Tables.Kind kind = Tables.TECHNOLOGIES.get(technology);
            if (kind != null) {
                return kind;
            }
            diagnostics.warning(
                    t.at(),
                    "imported-approximately",
                    "'" + technology + "' is not a Threagile technology this import knows"
                            + Suggestions.didYouMean(technology, Tables.TECHNOLOGIES.keySet())
                            + "; the kind is chosen from"
                            + " the asset's type (" + type + ")");
        }
        if (type.equals("datastore")) {
            return new Tables.Kind("database", null);
        }
        if (in.bool("used_as_client_by_human")) {
            return new Tables.Kind("workstation", Layer.SERVICE);
        }
        if (in.bool("internet") && type.equals("external-entity")) {
            return new Tables.Kind("cloud", null);
        }
        return new Tables.Kind("application", null);
    }

    private List<Layer> layers(String kind) {
        if (kind.equals(ThreagileVocabulary.IOT_DEVICE)) {
            return List.of(Layer.DEVICE);
        }
        return builtIn.componentKinds().get(kind).layers();
    }

    /** What Threagile says of an asset that has no Mamori key, as a sentence of its description. */
    private String assetFacts(AssetIn asset) {
        In in = asset.in();
        List<String> facts = new ArrayList<>();
        List<String> technologies = new ArrayList<>();
        in.text("technology").ifPresent(technologies::add);
        in.texts("technologies").forEach(t -> technologies.add(t.text()));
        if (!technologies.isEmpty()) {
            facts.add("technology " + String.join(", ", technologies));
        }
        for (String key : List.of("type", "size", "machine", "usage")) {
            in.text(key).ifPresent(v -> facts.add(key + " " + v));
        }
        in.text("encryption").ifPresent(v -> facts.add("encryption at rest " + v));
        Optional<String> c = in.text("confidentiality");
        Optional<String> i = in.text("integrity");
        Optional<String> a = in.text("availability");
        if (c.isPresent() || i.isPresent() || a.isPresent()) {
            facts.add("C/I/A " + c.orElse("-") + "/" + i.orElse("-") + "/" + a.orElse("-")
                    + in.text("justification_cia_rating")
                            .map(j -> " (" + j + ")")
                            .orElse(""));
        }
        if (in.bool("used_as_client_by_human")) {
            facts.add("used as a client by people");
        }
        if (in.bool("redundant")) {
            facts.add("redundant");
        }
        if (in.bool("custom_developed_parts")) {
            facts.add("custom-developed parts");
        }
        List<String> formats = texts(in, "data_formats_accepted");
        if (!formats.isEmpty()) {
            facts.add("accepts " + String.join(", ", formats));
        }
        if (in.bool("out_of_scope")) {
            facts.add("out of scope"
                    + in.text("justification_out_of_scope")
                            .map(j -> " (" + j + ")")
                            .orElse(""));
        }
        return facts.isEmpty() ? "" : "Threagile: " + String.join("; ", facts);
    }

    // ---- flows ---------------------------------------------------------------------------------

    private void writeFlows(OutMap system) {
        if (links.isEmpty()) {
            return;
        }
        OutList flows = system.list("flows", root.at("technical_assets"));
        String vpn = null;
        SourceLocation vpnAt = null;
        for (LinkIn link : links) {
            In in = link.in();
            String target = link.target().text();
            if (target.equals(link.source().id())) {
                diagnostics.warning(
                        link.at(),
                        "not-imported",
                        "communication link '" + link.title() + "' goes from technical asset '"
                                + link.source().title()
                                + "' to itself; a Mamori flow joins two components, so it is not imported");
                footer(
                        "communication link '" + link.title() + "' of "
                                + link.source().id() + " (" + link.at() + ")",
                        PlainValues.of(in.node));
                continue;
            }
            String id = unique(componentIds.get(link.source().id()) + "-" + slug(link.title(), "link"), elementIds);
            flowIds.put(link.threagileId(), id);
            OutMap f = new OutMap(link.at());
            flows.add(link.at(), f);
            f.put("id", link.at(), id);
            f.put("from", link.at(), componentIds.get(link.source().id()));
            f.put("to", link.target().at(), componentIds.get(target));
            Tables.Wire wire = wire(in);
            Protocol protocol = ThreagileVocabulary.protocol(wire.protocol()).orElseThrow();
            if (ThreagileVocabulary.isAdded(wire.protocol())) {
                addedProtocols.add(wire.protocol());
            }
            usesHostLocal |= wire.encryption().equals(ThreagileVocabulary.HOST_LOCAL);
            f.put("protocol", in.at("protocol"), wire.protocol());
            f.put("encryption", in.at("protocol"), wire.encryption());
            String authentication = authentication(in, protocol, wire);
            f.put("authentication", in.at("authentication"), authentication);
            Authorization authorization = authorization(in);
            if (authorization != Authorization.NONE) {
                f.put("authorization", in.at("authorization"), Words.of(authorization));
            }
            Optional<String> commands = commands(link, protocol);
            if (commands.isPresent()) {
                f.put("commands", in.at("readonly"), true);
            }
            Set<String> carried = new LinkedHashSet<>();
            in.texts("data_assets_sent").forEach(d -> carried.add(dataId(d.text())));
            in.texts("data_assets_received").forEach(d -> carried.add(dataId(d.text())));
            f.putIfPresent("data", in.at("data_assets_sent"), List.copyOf(carried));
            if (in.bool("vpn")) {
                if (vpn == null) {
                    vpn = unique("vpn", elementIds);
                    vpnAt = in.at("vpn");
                }
                f.put("network", in.at("vpn"), List.of(vpn));
            }
            List<String> tags = new ArrayList<>(texts(in, "tags"));
            if (in.bool("ip_filtered")) {
                tags.add("ip-filtered");
            }
            if (in.text("authentication", "").equals("two-factor")) {
                tags.add("two-factor");
            }
            f.putIfPresent("tags", in.at("tags"), tags);
            f.put("description", link.at(), sentence(in.text("description", ""), linkFacts(link, commands)));
            AssetIn to = assets.get(target);
            linkFacts.put(
                    link.threagileId(),
                    new Tables.LinkFacts(
                            wire.protocol(),
                            wire.encryption(),
                            authentication,
                            commands.isPresent(),
                            in.bool("vpn"),
                            carried.stream().anyMatch(sensitiveData::contains),
                            to.in().bool("internet"),
                            layerOf.get(target) == Layer.PLATFORM || layerOf.get(target) == Layer.SERVICE));
        }
        if (vpn != null) {
            OutMap components = (OutMap) system.get("components");
            OutMap v = components.map(vpn, vpnAt);
            v.put("kind", vpnAt, "vpn");
            v.put(
                    "description",
                    vpnAt,
                    "The VPN that Threagile's links marked vpn: true travel over; Threagile does not say which VPN,"
                            + " so this one component stands for all of them");
        }
    }

    private Tables.Wire wire(In in) {
        Optional<ScalarNode> protocol =
                in.scalar("protocol").filter(p -> !p.text().isBlank());
        String word = protocol.map(p -> p.text().strip()).orElse("unknown-protocol");
        Tables.Wire wire = Tables.PROTOCOLS.get(word);
        if (wire != null) {
            return wire;
        }
        diagnostics.warning(
                protocol.map(ScalarNode::at).orElse(in.at()),
                "imported-approximately",
                (protocol.isEmpty() || word.equals("unknown-protocol")
                                ? "the link's protocol is not stated"
                                : "'" + word + "' is not a Threagile protocol this import knows"
                                        + Suggestions.didYouMean(word, Tables.PROTOCOLS.keySet()))
                        + "; the flow is imported as 'proprietary' without encryption");
        return new Tables.Wire("proprietary", "none");
    }

    private String authentication(In in, Protocol protocol, Tables.Wire wire) {
        Optional<ScalarNode> written =
                in.scalar("authentication").filter(a -> !a.text().isBlank());
        String word = written.map(a -> a.text().strip()).orElse("none");
        String wanted = Tables.AUTHENTICATION.get(word);
        if (wanted == null) {
            diagnostics.warning(
                    written.get().at(),
                    "imported-approximately",
                    "'" + word + "' is not a Threagile authentication"
                            + Suggestions.didYouMean(word, Tables.AUTHENTICATION.keySet())
                            + "; the flow is imported as unauthenticated");
            wanted = "none";
        }
        String nearest = ThreagileVocabulary.nearestAuthentication(protocol, wanted);
        if (!nearest.equals(wanted)) {
            diagnostics.warning(
                    written.map(ScalarNode::at).orElse(in.at()),
                    "imported-approximately",
                    (word.equals(wanted)
                                    ? "Threagile's authentication '" + word + "' cannot be written on an "
                                            + wire.protocol() + " flow in Mamori's vocabulary"
                                    : "Threagile's authentication '" + word + "' reads as '" + wanted + "', which "
                                            + wire.protocol() + " cannot carry in Mamori's vocabulary")
                            + "; the flow says '" + nearest + "', the nearest it can");
        }
        return nearest;
    }

    private Authorization authorization(In in) {
        Optional<ScalarNode> written =
                in.scalar("authorization").filter(a -> !a.text().isBlank());
        if (written.isEmpty()) {
            return Authorization.NONE;
        }
        String word = written.get().text().strip();
        Authorization a = Tables.AUTHORIZATION.get(word);
        if (a == null) {
            diagnostics.warning(
                    written.get().at(),
                    "imported-approximately",
                    "'" + word + "' is not a Threagile authorization"
                            + Suggestions.didYouMean(word, Tables.AUTHORIZATION.keySet())
                            + "; the flow is imported without authorization");
            return Authorization.NONE;
        }
        return a;
    }

    /**
     * Why the link can change what its target does, or empty when it only carries data: a
     * read-only link never does, and another only when it clearly is a control path.
     */
    private Optional<String> commands(LinkIn link, Protocol protocol) {
        In in = link.in();
        if (in.bool("readonly") || !protocol.commands()) {
            return Optional.empty();
        }
        String threagileProtocol = in.text("protocol", "");
        if (Tables.CONTROL_PROTOCOLS.contains(threagileProtocol)) {
            return Optional.of(threagileProtocol + " is an administrative channel");
        }
        if (in.text("usage", "").equals("devops")) {
            return Optional.of("a devops link that may write changes what its target runs");
        }
        AssetIn target = assets.get(link.target().text());
        String technology = target.in().text("technology", "");
        if (Tables.TECHNOLOGY_ALIASES.getOrDefault(technology, technology).equals("iot-device")
                || target.in().texts("technologies").stream()
                        .anyMatch(t -> Tables.TECHNOLOGY_ALIASES
                                .getOrDefault(t.text(), t.text())
                                .equals("iot-device"))) {
            return Optional.of("a link that may write to an IoT device controls it");
        }
        return Optional.empty();
    }

    private String linkFacts(LinkIn link, Optional<String> commands) {
        In in = link.in();
        List<String> facts = new ArrayList<>();
        facts.add("link '" + link.title() + "' (" + link.threagileId() + ")");
        in.text("protocol").ifPresent(p -> facts.add("protocol " + p));
        in.text("authentication").ifPresent(a -> facts.add("authentication " + a));
        List<String> sent = texts(in, "data_assets_sent");
        List<String> received = texts(in, "data_assets_received");
        if (!sent.isEmpty()) {
            facts.add("sends " + String.join(", ", sent));
        }
        if (!received.isEmpty()) {
            facts.add("receives " + String.join(", ", received));
        }
        in.text("usage").ifPresent(u -> facts.add("usage " + u));
        if (in.bool("readonly")) {
            facts.add("read-only");
        }
        if (in.bool("vpn")) {
            facts.add("over a VPN");
        }
        commands.ifPresent(c -> facts.add("carries commands: " + c));
        return "Threagile: " + String.join("; ", facts);
    }

    // ---- data ----------------------------------------------------------------------------------

    private String dataId(String threagileId) {
        return dataIds.get(threagileId);
    }

    private void writeData(OutMap system) {
        if (data.isEmpty()) {
            return;
        }
        OutMap out = new OutMap(root.at("data_assets"));
        for (DataIn d : data.values()) {
            In in = d.in();
            OutMap a = out.map(dataIds.get(d.id()), d.at());
            a.put("name", d.at(), d.title());
            in.text("owner").ifPresent(o -> {
                String s = stakeholder(o, null);
                role(s, "data-owner");
                a.put("owner", in.at("owner"), s);
            });
            Tables.Secrecy secrecy = Tables.SECRECY.get(in.text("confidentiality", "internal"));
            a.put("classification", in.at("confidentiality"), Words.of(secrecy.classification()));
            if (personal(in)) {
                a.put("personal", in.at("tags"), true);
            }
            a.put("confidentiality", in.at("confidentiality"), Words.of(secrecy.need()));
            a.put("integrity", in.at("integrity"), Words.of(need(in, "integrity")));
            a.put("availability", in.at("availability"), Words.of(need(in, "availability")));
            List<String> facts = new ArrayList<>();
            for (String key : List.of("usage", "origin", "quantity")) {
                in.text(key).ifPresent(v -> facts.add(key + " " + v));
            }
            facts.add("C/I/A " + in.text("confidentiality", "-") + "/" + in.text("integrity", "-") + "/"
                    + in.text("availability", "-")
                    + in.text("justification_cia_rating")
                            .map(j -> " (" + j + ")")
                            .orElse(""));
            List<String> tags = texts(in, "tags");
            if (!tags.isEmpty()) {
                facts.add("tags " + String.join(", ", tags));
            }
            a.put(
                    "description",
                    d.at(),
                    sentence(in.text("description", ""), "Threagile: " + String.join("; ", facts)));
        }
        system.put("data", root.at("data_assets"), out);
    }

    private static boolean personal(In in) {
        return texts(in, "tags").stream().anyMatch(t -> Tables.PERSONAL_TAGS.contains(t.toLowerCase(Locale.ROOT)));
    }

    private static Need need(In in, String key) {
        return Tables.NEED.getOrDefault(in.text(key, "operational"), Need.MEDIUM);
    }

    // ---- risk tracking -------------------------------------------------------------------------

    private void writeTreatments(OutList out) {
        Optional<MapNode> tracking = root.map("risk_tracking");
        if (tracking.isEmpty()) {
            return;
        }
        plans.clear();
        for (MapNode.Entry entry : tracking.get().entries()) {
            if (!(entry.value() instanceof MapNode node)) {
                diagnostics.warning(
                        entry.keyAt(),
                        "not-imported",
                        "risk tracking '" + entry.key() + "' is "
                                + entry.value().describe() + ", not a mapping with a status; it is not imported");
                continue;
            }
            In in = new In(node, "risk tracking '" + entry.key() + "'", diagnostics);
            in.onlyKnown(TRACKING_KEYS);
            plan(entry, in).ifPresent(plans::add);
        }
        // As in Threagile, an entry that names its link outright wins over wildcards that also
        // cover it; among wildcards, the first one written wins.
        Set<String> done = new HashSet<>();
        plans.stream()
                .filter(p -> !p.wildcard())
                .forEach(p -> done.addAll(p.treats().keySet()));
        for (Plan plan : plans) {
            Map<String, String> treats = new LinkedHashMap<>(plan.treats());
            if (plan.wildcard()) {
                treats.keySet().removeAll(done);
                done.addAll(treats.keySet());
            }
            if (treats.isEmpty()) {
                diagnostics.warning(
                        plan.entry().keyAt(),
                        "not-imported",
                        "every element " + plan.key() + " covers is tracked by another entry written before it or"
                                + " naming its link outright; nothing is left for it to treat");
                footer(plan.where(), PlainValues.of(plan.in().node));
                continue;
            }
            emit(plan, treats, out);
        }
    }

    /**
     * What one tracked risk becomes: the pairs it treats ({@code rule|element} to element) and
     * whether its key has wildcards.
     */
    private record Plan(
            MapNode.Entry entry,
            In in,
            String key,
            String where,
            TreatmentStatus status,
            boolean wildcard,
            Map<String, String> treats) {}

    private void emit(Plan plan, Map<String, String> treats, OutList out) {
        In in = plan.in();
        MapNode.Entry entry = plan.entry();
        String key = plan.key();
        String reason = in.text("justification").orElse("no justification given in Threagile");
        List<String> context = new ArrayList<>();
        context.add("Threagile risk tracking " + key);
        in.text("checked_by").ifPresent(by -> context.add("checked by " + by));
        in.text("date").ifPresent(d -> context.add("on " + d));
        String fullReason = reason + " (" + String.join(", ", context) + ")";
        Optional<LocalDate> until = Optional.empty();
        if (plan.status() == TreatmentStatus.ACCEPTED) {
            LocalDate from =
                    date(in.text("date")).or(() -> date(root.text("date"))).orElse(options.today());
            until = Optional.of(from.plusMonths(Tables.ACCEPTANCE_MONTHS));
            diagnostics.warning(
                    in.at("status"),
                    "imported-approximately",
                    "Threagile's acceptance of " + key + " never lapses, but a Mamori acceptance must: it holds until "
                            + until.get() + ", " + Tables.ACCEPTANCE_MONTHS + " months after "
                            + (in.text("date").isPresent()
                                    ? "it was checked"
                                    : root.text("date").isPresent() ? "the model's date" : "the day of the import"));
        }
        boolean first = true;
        for (Map.Entry<String, String> pair : treats.entrySet()) {
            OutMap t = new OutMap(entry.keyAt());
            t.put(
                    "rule",
                    entry.keyAt(),
                    pair.getKey().substring(0, pair.getKey().indexOf('|')));
            t.put("on", entry.keyAt(), pair.getValue());
            t.put("status", in.at("status"), Words.of(plan.status()));
            t.put("reason", in.at("justification"), fullReason);
            Optional<LocalDate> lapse = until;
            lapse.ifPresent(u -> t.put("until", in.at("status"), u.toString()));
            in.text("ticket").ifPresent(ticket -> t.put("ticket", in.at("ticket"), ticket));
            OutList.Item item = out.add(entry.keyAt(), t);
            if (first) {
                item.comments.add("From Threagile's risk tracking " + key);
                first = false;
            }
        }
    }

    private Optional<Plan> plan(MapNode.Entry entry, In in) {
        String key = entry.key().strip();
        String[] parts = key.split("@", -1);
        String category = parts[0];
        Object plain = PlainValues.of(in.node);
        String where = "risk_tracking " + key + " (" + entry.keyAt() + ")";
        String status = in.text("status", "unchecked");
        if (!Tables.STATUSES.containsKey(status)) {
            diagnostics.warning(
                    in.at("status"),
                    "not-imported",
                    "'" + status + "' is not a Threagile risk status"
                            + Suggestions.didYouMean(status, Tables.STATUSES.keySet()) + "; the tracking of " + key
                            + " is not imported");
            footer(where, plain);
            return Optional.empty();
        }
        List<Tables.Rule> rules = Tables.RISKS.get(category);
        if (rules == null) {
            diagnostics.warning(
                    entry.keyAt(),
                    "not-imported",
                    (Tables.UNMATCHED_RISKS.contains(category)
                                    ? "Threagile's risk '" + category + "' has no corresponding Mamori rule"
                                    : "'" + category + "' is not one of Threagile's built-in risks, so no Mamori rule"
                                            + " corresponds to it")
                            + "; its tracking (" + status + ") is kept as a comment");
            footer(where, plain);
            return Optional.empty();
        }
        Optional<TreatmentStatus> decided = Tables.STATUSES.get(status);
        if (decided.isEmpty()) {
            diagnostics.warning(
                    in.at("status"),
                    "not-imported",
                    "the tracking of " + key + " is '" + status + "', which records no decision, so there is no"
                            + " Mamori treatment to write; it is kept as a comment");
            footer(where, plain);
            return Optional.empty();
        }
        Optional<List<LinkIn>> matching = matching(key, parts, entry.keyAt());
        if (matching.isEmpty()) {
            footer(where, plain);
            return Optional.empty();
        }
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (LinkIn link : matching.get()) {
            Tables.LinkFacts facts = linkFacts.get(link.threagileId());
            for (Tables.Rule rule : rules) {
                if (facts != null && rule.fires().test(facts)) {
                    String element = rule.target() == Tables.Target.FLOW
                            ? flowIds.get(link.threagileId())
                            : componentIds.get(link.target().text());
                    targets.computeIfAbsent(rule.id(), r -> new LinkedHashSet<>())
                            .add(systemId + "." + element);
                }
            }
        }
        if (targets.isEmpty()) {
            diagnostics.warning(
                    entry.keyAt(),
                    "not-imported",
                    "no Mamori rule finds the weakness of " + key + " on the imported "
                            + (matching.get().size() == 1
                                    ? "flow"
                                    : matching.get().size() + " flows") + " ("
                            + String.join(
                                    "; ",
                                    rules.stream()
                                            .map(r -> r.id() + " needs " + r.when())
                                            .toList())
                            + "), so there is nothing to treat; kept as a comment");
            footer(where, plain);
            return Optional.empty();
        }
        boolean wildcard =
                java.util.Arrays.stream(parts).skip(1).anyMatch(p -> p.strip().equals("*"));
        Map<String, String> treats = new LinkedHashMap<>();
        targets.forEach((rule, elements) -> elements.forEach(e -> treats.put(rule + "|" + e, e)));
        return Optional.of(new Plan(entry, in, key, where, decided.get(), wildcard || parts.length == 1, treats));
    }

    /**
     * The links a tracked risk is about. Threagile writes a link risk as
     * {@code category@link@source@target}, any part possibly a wildcard; a key of another shape
     * cannot be matched and is reported.
     */
    private Optional<List<LinkIn>> matching(String key, String[] parts, SourceLocation at) {
        List<String> pattern = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.contains("*") && !part.equals("*")) {
                diagnostics.warning(
                        at,
                        "not-imported",
                        "'" + part + "' in " + key + " is a partial wildcard, which this import cannot match;"
                                + " write a whole part as * or name the element; kept as a comment");
                return Optional.empty();
            }
            pattern.add(part);
        }
        boolean everything = pattern.stream().allMatch(p -> p.equals("*"));
        if (!everything && pattern.size() != 3) {
            diagnostics.warning(
                    at,
                    "not-imported",
                    key + " does not read as Threagile's link risk id, category@link@source@target, so the link it"
                            + " is about cannot be told; kept as a comment");
            return Optional.empty();
        }
        List<LinkIn> out = new ArrayList<>();
        for (LinkIn link : links) {
            if (!flowIds.containsKey(link.threagileId())) {
                continue;
            }
            if (everything
                    || (matches(pattern.get(0), link.threagileId())
                            && matches(pattern.get(1), link.source().id())
                            && matches(pattern.get(2), link.target().text()))) {
                out.add(link);
            }
        }
        if (out.isEmpty()) {
            diagnostics.warning(
                    at, "not-imported", key + " matches no communication link of the model; kept as a comment");
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static boolean matches(String part, String id) {
        return part.equals("*") || part.equals(id);
    }

    private static Optional<LocalDate> date(Optional<String> text) {
        try {
            return text.map(t -> LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---- what has no counterpart ---------------------------------------------------------------

    private void unmappedSections() {
        for (String section : UNMAPPED_SECTIONS) {
            Optional<Node> value = root.value(section);
            if (value.isEmpty()) {
                continue;
            }
            Object plain = PlainValues.of(value.get());
            if (plain instanceof Map<?, ?> m && m.isEmpty() || plain instanceof List<?> l && l.isEmpty()) {
                continue;
            }
            diagnostics.warning(
                    root.at(section),
                    "not-imported",
                    "'" + section + "' has no Mamori counterpart; it is kept as a comment at the end of the file");
            footer(section + " (" + root.at(section) + ")", plain);
        }
    }

    private void footer(String title, Object plain) {
        footer.add("Not imported: " + title);
        for (String line : YamlWriter.plain(plain).split("\n")) {
            footer.add("  " + line);
        }
    }

    private void writeVocabulary(OutMap out) {
        if (usesIotKind) {
            OutMap kind = out.map("component-kinds", root.at()).map(ThreagileVocabulary.IOT_DEVICE, root.at());
            kind.put("layers", root.at(), List.of("device"));
            kind.put("description", root.at(), ThreagileVocabulary.IOT_DEVICE_DESCRIPTION);
        }
        if (usesHostLocal) {
            OutMap means = out.map("encryption", root.at()).map(ThreagileVocabulary.HOST_LOCAL, root.at());
            means.put("strength", root.at(), "strong");
            means.put("description", root.at(), ThreagileVocabulary.HOST_LOCAL_DESCRIPTION);
        }
        for (String p : addedProtocols) {
            OutMap protocol = out.map("protocols", root.at()).map(p, root.at());
            ThreagileVocabulary.declaration(ThreagileVocabulary.PROTOCOLS.get(p))
                    .forEach((k, v) -> protocol.put(k, root.at(), v));
        }
    }

    // ---- ids and text --------------------------------------------------------------------------

    /** A Mamori id for a Threagile one, unique among {@code used}; a changed spelling is reported. */
    private String mamoriId(String threagileId, Set<String> used, In in) {
        String clean = Ids.sanitize(threagileId);
        String id = unique(clean, used);
        if (!id.equals(threagileId)) {
            diagnostics.warning(
                    in.at("id"),
                    "imported-approximately",
                    "the id '" + threagileId + "' is written '" + id + "' in Mamori"
                            + (clean.equals(id)
                                    ? ", whose ids are letters, digits, '-' and '_'"
                                    : ", as the other is taken"));
        }
        return id;
    }

    private static String unique(String base, Set<String> used) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String slug(String text, String otherwise) {
        String s = Ids.linkSlug(text);
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? otherwise : Ids.sanitize(s);
    }

    private static List<String> texts(In in, String key) {
        return in.texts(key).stream().map(ScalarNode::text).toList();
    }

    private static String tags(In in, String prefix) {
        List<String> tags = texts(in, "tags");
        return tags.isEmpty() ? "" : prefix + String.join(", ", tags);
    }

    private static String sentence(String description, String facts) {
        String d = description.strip();
        if (d.isEmpty()) {
            return facts;
        }
        if (facts.isEmpty()) {
            return d;
        }
        return d + (d.endsWith(".") ? " " : ". ") + facts;
    }

    private static ScalarNode strip(ScalarNode s) {
        return new ScalarNode(s.at(), s.text().strip(), s.kind());
    }

    private static String stem(String file) {
        String name = java.nio.file.Path.of(file).getFileName().toString();
        return name.replaceFirst("\\.(ya?ml|json)$", "");
    }
}
