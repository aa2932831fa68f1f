package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileModel.Link;
import dev.mamori.model.Scales.TreatmentStatus;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.PlainValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes Threagile's risk tracking as treatments: each tracked risk that records a decision, about
 * links on which a Mamori rule finds the same weakness, becomes one treatment per rule and element.
 * Everything else is quoted at the end with a warning saying why.
 */
final class TreatmentWriter {

    private static final Set<String> TRACKING_KEYS = Set.of("status", "justification", "ticket", "date", "checked_by");

    /**
     * What one tracked risk becomes.
     *
     * @param key the tracking's key, {@code category@link@source@target}
     * @param where how the footer names it when it is not imported
     * @param wildcard whether its key covers links by a wildcard (or names no link at all)
     * @param treats the pairs it treats, {@code rule|element} to the element's qualified id
     */
    private record TrackedRisk(
            MapNode.Entry entry,
            In fields,
            String key,
            String where,
            TreatmentStatus status,
            boolean wildcard,
            Map<String, String> treats) {}

    private final ThreagileModel model;
    private final SystemPlan plan;
    private final Map<String, RiskTables.LinkFacts> factsByLink;
    private final LocalDate today;
    private final Diagnostics diagnostics;
    private final NotImported notImported;
    /**
     * The model's links by their link id, source and target, each list in the model's order; made on
     * the first tracked risk that names one, so that a tracked risk looks at the links it names
     * rather than at every link of the model (which made the import quadratic in large models).
     */
    private Map<String, List<Link>> linksById;

    private Map<String, List<Link>> linksBySource;
    private Map<String, List<Link>> linksByTarget;

    TreatmentWriter(
            ThreagileModel model,
            SystemPlan plan,
            Map<String, RiskTables.LinkFacts> factsByLink,
            LocalDate today,
            Diagnostics diagnostics,
            NotImported notImported) {
        this.model = model;
        this.plan = plan;
        this.factsByLink = factsByLink;
        this.today = today;
        this.diagnostics = diagnostics;
        this.notImported = notImported;
    }

    void write(OutList out) {
        Optional<MapNode> tracking = model.root().map("risk_tracking");
        if (tracking.isEmpty()) {
            return;
        }
        List<TrackedRisk> risks = new ArrayList<>();
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
            trackedRisk(entry, in).ifPresent(risks::add);
        }
        // As in Threagile, an entry that names its link outright wins over wildcards that also
        // cover it; among wildcards, the first one written wins.
        Set<String> done = new HashSet<>();
        risks.stream()
                .filter(r -> !r.wildcard())
                .forEach(r -> done.addAll(r.treats().keySet()));
        for (TrackedRisk risk : risks) {
            Map<String, String> treats = new LinkedHashMap<>(risk.treats());
            if (risk.wildcard()) {
                treats.keySet().removeAll(done);
                done.addAll(treats.keySet());
            }
            if (treats.isEmpty()) {
                diagnostics.warning(
                        risk.entry().keyAt(),
                        "not-imported",
                        "every element " + risk.key() + " covers is tracked by another entry written before it or"
                                + " naming its link outright; nothing is left for it to treat");
                notImported.quote(risk.where(), PlainValues.of(risk.fields().node));
                continue;
            }
            writeTreatments(risk, treats, out);
        }
    }

    private void writeTreatments(TrackedRisk risk, Map<String, String> treats, OutList out) {
        In in = risk.fields();
        MapNode.Entry entry = risk.entry();
        String key = risk.key();
        In root = model.root();
        String reason = in.text("justification").orElse("no justification given in Threagile");
        List<String> context = new ArrayList<>();
        context.add("Threagile risk tracking " + key);
        in.text("checked_by").ifPresent(by -> context.add("checked by " + by));
        in.text("date").ifPresent(d -> context.add("on " + d));
        String fullReason = reason + " (" + String.join(", ", context) + ")";
        Optional<LocalDate> until = Optional.empty();
        if (risk.status() == TreatmentStatus.ACCEPTED) {
            // A Mamori acceptance lapses; Threagile's does not, so one is counted from the best date known.
            LocalDate from =
                    date(in.text("date")).or(() -> date(root.text("date"))).orElse(today);
            until = Optional.of(from.plusMonths(RiskTables.ACCEPTANCE_MONTHS));
            diagnostics.warning(
                    in.at("status"),
                    "imported-approximately",
                    "Threagile's acceptance of " + key + " never lapses, but a Mamori acceptance must: it holds until "
                            + until.get() + ", " + RiskTables.ACCEPTANCE_MONTHS + " months after "
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
            t.put("status", in.at("status"), Words.of(risk.status()));
            t.put("reason", in.at("justification"), fullReason);
            until.ifPresent(u -> t.put("until", in.at("status"), u.toString()));
            in.text("ticket").ifPresent(ticket -> t.put("ticket", in.at("ticket"), ticket));
            OutList.Item item = out.add(entry.keyAt(), t);
            if (first) {
                item.comments.add("From Threagile's risk tracking " + key);
                first = false;
            }
        }
    }

    /** What a tracking entry treats, or empty (with a warning, and quoted) when it becomes no treatment. */
    private Optional<TrackedRisk> trackedRisk(MapNode.Entry entry, In in) {
        String key = entry.key().strip();
        String[] parts = key.split("@", -1);
        String category = parts[0];
        Object plain = PlainValues.of(in.node);
        String where = "risk_tracking " + key + " (" + entry.keyAt() + ")";
        String status = in.text("status", "unchecked");
        if (!RiskTables.STATUSES.containsKey(status)) {
            diagnostics.warning(
                    in.at("status"),
                    "not-imported",
                    "'" + status + "' is not a Threagile risk status"
                            + Suggestions.didYouMean(status, RiskTables.STATUSES.keySet()) + "; the tracking of " + key
                            + " is not imported");
            notImported.quote(where, plain);
            return Optional.empty();
        }
        List<RiskTables.Rule> rules = RiskTables.RISKS.get(category);
        if (rules == null) {
            diagnostics.warning(
                    entry.keyAt(),
                    "not-imported",
                    (RiskTables.UNMATCHED_RISKS.contains(category)
                                    ? "Threagile's risk '" + category + "' has no corresponding Mamori rule"
                                    : "'" + category + "' is not one of Threagile's built-in risks, so no Mamori rule"
                                            + " corresponds to it")
                            + "; its tracking (" + status + ") is kept as a comment");
            notImported.quote(where, plain);
            return Optional.empty();
        }
        Optional<TreatmentStatus> decided = RiskTables.STATUSES.get(status);
        if (decided.isEmpty()) {
            diagnostics.warning(
                    in.at("status"),
                    "not-imported",
                    "the tracking of " + key + " is '" + status + "', which records no decision, so there is no"
                            + " Mamori treatment to write; it is kept as a comment");
            notImported.quote(where, plain);
            return Optional.empty();
        }
        Optional<List<Link>> matching = matchingLinks(key, parts, entry.keyAt());
        if (matching.isEmpty()) {
            notImported.quote(where, plain);
            return Optional.empty();
        }
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (Link link : matching.get()) {
            RiskTables.LinkFacts facts = factsByLink.get(link.threagileId());
            for (RiskTables.Rule rule : rules) {
                if (facts != null && rule.fires().test(facts)) {
                    String element = rule.target() == RiskTables.Target.FLOW
                            ? plan.flowIds().get(link.threagileId())
                            : plan.componentIds().get(link.target().text());
                    targets.computeIfAbsent(rule.id(), r -> new LinkedHashSet<>())
                            .add(plan.id() + "." + element);
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
            notImported.quote(where, plain);
            return Optional.empty();
        }
        boolean wildcard = Arrays.stream(parts).skip(1).anyMatch(p -> p.strip().equals("*"));
        Map<String, String> treats = new LinkedHashMap<>();
        targets.forEach((rule, elements) -> elements.forEach(e -> treats.put(rule + "|" + e, e)));
        return Optional.of(
                new TrackedRisk(entry, in, key, where, decided.get(), wildcard || parts.length == 1, treats));
    }

    /**
     * The links a tracked risk is about. Threagile writes a link risk as
     * {@code category@link@source@target}, any part possibly a wildcard; a key of another shape
     * cannot be matched and is reported.
     */
    private Optional<List<Link>> matchingLinks(String key, String[] parts, SourceLocation at) {
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
        List<Link> out = new ArrayList<>();
        for (Link link : candidates(pattern, everything)) {
            if (!plan.flowIds().containsKey(link.threagileId())) {
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

    /** The links a pattern can match, in the model's order: those under its first named part. */
    private List<Link> candidates(List<String> pattern, boolean everything) {
        if (everything) {
            return model.links();
        }
        if (linksById == null) {
            linksById = new LinkedHashMap<>();
            linksBySource = new LinkedHashMap<>();
            linksByTarget = new LinkedHashMap<>();
            for (Link link : model.links()) {
                linksById
                        .computeIfAbsent(link.threagileId(), k -> new ArrayList<>())
                        .add(link);
                linksBySource
                        .computeIfAbsent(link.source().id(), k -> new ArrayList<>())
                        .add(link);
                linksByTarget
                        .computeIfAbsent(link.target().text(), k -> new ArrayList<>())
                        .add(link);
            }
        }
        if (!pattern.get(0).equals("*")) {
            return linksById.getOrDefault(pattern.get(0), List.of());
        }
        if (!pattern.get(1).equals("*")) {
            return linksBySource.getOrDefault(pattern.get(1), List.of());
        }
        return linksByTarget.getOrDefault(pattern.get(2), List.of());
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
}
