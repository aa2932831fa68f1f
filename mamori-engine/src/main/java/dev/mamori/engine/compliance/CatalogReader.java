package dev.mamori.engine.compliance;

import dev.mamori.engine.risk.Property;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Scales.Phase;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.syntax.ClasspathResource;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads catalog files: the built-in catalog, profiles and standards shipped in the jar, and a
 * landscape's own catalog files, which may add requirements, profiles and jurisdictions but not
 * redefine built-in ones. Every problem is reported as {@code file:line:col} with what was expected,
 * and every cross-reference (a profile's requirements, a crosswalk's ids, a means' rules) is checked.
 */
public final class CatalogReader {

    /** A catalog file as read: its name (as messages show it) and its bytes. */
    public record Source(String file, byte[] content) {}

    /** A catalog and what reading it reported; the catalog is usable when there are no errors. */
    public record Result(Catalog catalog, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean valid() {
            return diagnostics.stream().noneMatch(d -> d.severity() == dev.mamori.model.diagnostics.Severity.ERROR);
        }
    }

    static final String BUILTIN = "builtin:";
    private static final List<String> TOP_KEYS = List.of(
            "catalog", "version", "title", "description", "requirements", "profiles", "jurisdictions", "standards");
    private static final List<String> REQUIREMENT_KEYS = List.of(
            "title",
            "statement",
            "properties",
            "phase",
            "valid-from",
            "superseded-by",
            "met-when",
            "means",
            "crosswalk");
    private static final List<String> MEANS_KEYS = List.of(
            "title", "statement", "applies-to", "security-level", "verify", "valid-from", "superseded-by", "crosswalk");
    private static final List<String> VERIFY_KEYS = List.of("rules", "facts", "control", "review");
    private static final List<String> PROFILE_KEYS = List.of(
            "title",
            "description",
            "extends",
            "categories",
            "sectors",
            "security-levels",
            "statutory",
            "essential",
            "additional",
            "jurisdictions");
    private static final List<String> PROFILE_JURISDICTION_KEYS =
            List.of("regime", "applies-from", "statutory", "essential", "additional");
    private static final List<String> JURISDICTION_KEYS = List.of("name", "regime", "applies-from");
    private static final List<String> STANDARD_KEYS = List.of("title", "ids", "labels");
    private static final List<String> RELATIONSHIPS = java.util.Arrays.stream(Relationship.values())
            .map(Relationship::word)
            .toList();

    private final Diagnostics diagnostics = new Diagnostics();
    private final List<String> files = new ArrayList<>();
    private final Map<String, Requirement> requirements = new LinkedHashMap<>();
    private final Map<String, SourceLocation> ids = new HashMap<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, Jurisdiction> jurisdictions = new LinkedHashMap<>();
    private final Map<String, Standard> standards = new LinkedHashMap<>();
    private final List<Runnable> crossChecks = new ArrayList<>();
    private String name = "mamori";
    private String title = "";
    private CatalogVersion version = new CatalogVersion(0, 0);

    private CatalogReader() {}

    /** The built-in catalog; read once. A broken built-in file is a bug, so it fails loudly. */
    public static Catalog builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final Catalog BUILT_IN = readBuiltIn();
    }

    private static Catalog readBuiltIn() {
        Result result = new CatalogReader().readAll(builtInSources(), null);
        if (!result.valid()) {
            throw new IllegalStateException("built-in catalog invalid: " + result.diagnostics());
        }
        return result.catalog();
    }

    private static List<Source> builtInSources() {
        return List.of(
                new Source(BUILTIN + "standards.yaml", ClasspathResource.bytes(CatalogReader.class, "standards.yaml")),
                new Source(BUILTIN + "catalog.yaml", ClasspathResource.bytes(CatalogReader.class, "catalog.yaml")),
                new Source(BUILTIN + "profiles.yaml", ClasspathResource.bytes(CatalogReader.class, "profiles.yaml")));
    }

    /** The built-in catalog extended by a landscape's own files. */
    public static Result extend(Catalog base, List<Source> sources) {
        if (sources.isEmpty()) {
            return new Result(base, List.of());
        }
        return new CatalogReader().readAll(sources, base);
    }

    /**
     * A catalog read on its own from {@code sources} (an older or newer version, to compare), with the
     * built-in standards for its crosswalks.
     */
    public static Result standalone(List<Source> sources) {
        CatalogReader reader = new CatalogReader();
        reader.standards.putAll(builtIn().standards());
        reader.version = new CatalogVersion(0, 0);
        return reader.readAll(sources, null);
    }

    private Result readAll(List<Source> sources, Catalog base) {
        if (base != null) {
            name = base.name();
            title = base.title();
            version = base.version();
            files.addAll(base.files());
            requirements.putAll(base.requirements());
            base.requirements().values().forEach(r -> {
                ids.put(r.id(), r.at());
                r.means().forEach(m -> ids.put(m.id(), m.at()));
            });
            profiles.putAll(base.profiles());
            jurisdictions.putAll(base.jurisdictions());
            standards.putAll(base.standards());
        }
        for (Source source : sources) {
            files.add(source.file());
            new TreeReader(ReadLimits.DEFAULT)
                    .read(source.file(), source.content(), TreeReader.Syntax.forFileName(source.file()), diagnostics)
                    .ifPresent(tree -> file(tree, source.file(), base == null));
        }
        crossChecks.forEach(Runnable::run);
        Catalog catalog = new Catalog(name, version, title, files, requirements, profiles, jurisdictions, standards);
        return new Result(catalog, diagnostics.sorted());
    }

    private void file(Node tree, String file, boolean first) {
        Optional<Fields> top = Fields.check(tree, "catalog file", TOP_KEYS, List.of(), diagnostics);
        if (top.isEmpty()) {
            return;
        }
        Fields o = top.get();
        if (first) {
            o.text("catalog").ifPresent(n -> name = n);
            o.text("title").ifPresent(t -> title = t);
            o.text("version")
                    .ifPresent(v -> version = version(v, o.at("version")).orElse(version));
        } else {
            o.text("version").ifPresent(v -> version(v, o.at("version")));
        }
        if (o.has("standards")) {
            if (!file.startsWith(BUILTIN)) {
                diagnostics.error(
                        o.at("standards"),
                        "standards-built-in",
                        "a catalog file cannot add standards; crosswalks point into the built-in ones: "
                                + String.join(", ", standards.keySet()));
            } else {
                for (MapNode.Entry e : o.entries("standards")) {
                    standard(e);
                }
            }
        }
        for (MapNode.Entry e : o.entries("jurisdictions")) {
            jurisdiction(e);
        }
        for (MapNode.Entry e : o.entries("requirements")) {
            requirement(e);
        }
        for (MapNode.Entry e : o.entries("profiles")) {
            profile(e);
        }
    }

    // ---- standards ------------------------------------------------------------------------

    private void standard(MapNode.Entry e) {
        Fields.check(e.value(), "standard", STANDARD_KEYS, List.of("title", "ids"), diagnostics)
                .ifPresent(o -> {
                    Map<String, String[]> labels = new HashMap<>();
                    o.text("labels").ifPresent(f -> tsv(f).forEach(row -> labels.put(row[0], row)));
                    Map<String, Standard.Item> items = new LinkedHashMap<>();
                    for (String[] row : tsv(o.text("ids", ""))) {
                        if (row.length == 2) { // ETSI status lists: id and status letters
                            String[] label = labels.get(row[0]);
                            items.put(
                                    row[0],
                                    new Standard.Item(
                                            row[0],
                                            clause(row[0]),
                                            label != null ? label[1] : "",
                                            Optional.of(row[1]),
                                            label == null || label[2].endsWith("?")));
                        } else {
                            items.put(
                                    row[0],
                                    new Standard.Item(row[0], row[1], row[2], Optional.empty(), row[3].endsWith("?")));
                        }
                    }
                    standards.put(e.key(), new Standard(e.key(), o.text("title", e.key()), items));
                });
    }

    private static String clause(String provision) {
        int dash = provision.indexOf('-');
        return dash > 0 ? provision.substring(0, dash) : provision;
    }

    private static List<String[]> tsv(String resource) {
        String text = new String(ClasspathResource.bytes(CatalogReader.class, resource), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("id\t")) {
                continue;
            }
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    // ---- jurisdictions --------------------------------------------------------------------

    private void jurisdiction(MapNode.Entry e) {
        if (!fresh(jurisdictions.containsKey(e.key()), e, "jurisdiction")) {
            return;
        }
        Fields.check(e.value(), "jurisdiction", JURISDICTION_KEYS, List.of("regime"), diagnostics)
                .ifPresent(o -> jurisdictions.put(
                        e.key(),
                        new Jurisdiction(
                                e.key(),
                                o.text("name", e.key()),
                                o.text("regime", ""),
                                date(o, "applies-from"),
                                e.keyAt())));
    }

    private Optional<LocalDate> date(Fields o, String key) {
        return o.text(key).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException ex) {
                diagnostics.error(o.at(key), "bad-date", "'" + t + "' is not a date; write YYYY-MM-DD");
                return Optional.empty();
            }
        });
    }

    // ---- requirements ---------------------------------------------------------------------

    private boolean fresh(boolean exists, MapNode.Entry e, String what) {
        if (exists) {
            diagnostics.error(
                    e.keyAt(),
                    "duplicate-id",
                    "the " + what + " '" + e.key() + "' is already defined; a catalog file adds " + what
                            + "s under new ids and cannot redefine one");
            return false;
        }
        return true;
    }

    private boolean newId(MapNode.Entry e, String what) {
        SourceLocation earlier = ids.putIfAbsent(e.key(), e.keyAt());
        if (earlier != null) {
            diagnostics.error(
                    e.keyAt(),
                    "duplicate-id",
                    "the " + what + " id '" + e.key() + "' is already used at " + earlier
                            + "; requirements and means share one set of ids, so that a control names exactly one");
            return false;
        }
        if (!e.key().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            diagnostics.error(e.keyAt(), "bad-id", "'" + e.key() + "' is not a kebab-case id (like secure-update)");
        }
        return true;
    }

    private void requirement(MapNode.Entry e) {
        if (!newId(e, "requirement")) {
            return;
        }
        Optional<Fields> checked = Fields.check(
                e.value(),
                "requirement",
                REQUIREMENT_KEYS,
                List.of("title", "statement", "phase", "means"),
                diagnostics);
        if (checked.isEmpty()) {
            return;
        }
        Fields o = checked.get();
        Set<Property> properties = EnumSet.noneOf(Property.class);
        for (ScalarNode p : o.words("properties")) {
            Optional<Property> property = java.util.Arrays.stream(Property.values())
                    .filter(x -> x.letter().equals(p.text()))
                    .findFirst();
            property.ifPresentOrElse(
                    properties::add,
                    () -> diagnostics.error(
                            p.at(), "unknown-word", "'" + p.text() + "' is not a property; expected S, C, I or A"));
        }
        if (properties.isEmpty() && o.has("properties")) {
            diagnostics.error(o.at("properties"), "missing-key", "a requirement protects at least one of S, C, I, A");
        }
        Phase phase = word(o, "phase", Phase.class).orElse(Phase.DESIGN);
        String metWhen = o.text("met-when", "all");
        if (!metWhen.equals("all") && !metWhen.equals("any")) {
            diagnostics.error(
                    o.at("met-when"),
                    "unknown-word",
                    "met-when takes 'all' (every applicable means must hold) or 'any' (one suffices), not '" + metWhen
                            + "'");
        }
        List<Means> means = new ArrayList<>();
        for (MapNode.Entry m : o.entries("means")) {
            means(e.key(), m).ifPresent(means::add);
        }
        if (means.isEmpty() && o.has("means")) {
            diagnostics.error(o.at("means"), "missing-key", "a requirement needs at least one means");
        }
        List<Mapping> crosswalk = new ArrayList<>();
        for (MapNode.Entry s : o.entries("crosswalk")) {
            crosswalk(s, crosswalk);
        }
        Optional<String> supersededBy = o.text("superseded-by");
        supersededBy.ifPresent(next -> crossChecks.add(() -> known(next, o.at("superseded-by"))));
        requirements.put(
                e.key(),
                new Requirement(
                        e.key(),
                        o.text("title", e.key()),
                        o.text("statement", ""),
                        properties,
                        phase,
                        o.text("valid-from").flatMap(v -> version(v, o.at("valid-from"))),
                        supersededBy,
                        metWhen.equals("any"),
                        means,
                        crosswalk,
                        e.keyAt()));
    }

    private Optional<Means> means(String requirement, MapNode.Entry e) {
        if (!newId(e, "means")) {
            return Optional.empty();
        }
        Optional<Fields> checked = Fields.check(
                e.value(), "means", MEANS_KEYS, List.of("title", "statement", "applies-to", "verify"), diagnostics);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        Fields o = checked.get();
        Condition condition = o.text("applies-to")
                .flatMap(w -> {
                    Optional<Condition> c = Condition.of(w);
                    if (c.isEmpty()) {
                        diagnostics.error(
                                o.at("applies-to"),
                                "unknown-word",
                                "'" + w + "' is not a condition" + Suggestions.didYouMean(w, Condition.words())
                                        + "; expected one of: " + String.join(", ", Condition.words()));
                    }
                    return c;
                })
                .orElse(Condition.ALWAYS);
        OptionalInt level = OptionalInt.empty();
        Optional<String> levelText = o.text("security-level");
        if (levelText.isPresent()) {
            if (levelText.get().matches("[1-4]")) {
                level = OptionalInt.of(Integer.parseInt(levelText.get()));
            } else {
                diagnostics.error(
                        o.at("security-level"),
                        "bad-value",
                        "security-level is an IEC 62443 security level from 1 to 4, not '" + levelText.get() + "'");
            }
        }
        Verification verify = o.node("verify").flatMap(this::verification).orElse(new Verification.ByPerson(""));
        Optional<String> supersededBy = o.text("superseded-by");
        supersededBy.ifPresent(next -> crossChecks.add(() -> known(next, o.at("superseded-by"))));
        List<Mapping> crosswalk = new ArrayList<>();
        for (MapNode.Entry s : o.entries("crosswalk")) {
            crosswalk(s, crosswalk);
        }
        return Optional.of(new Means(
                e.key(),
                requirement,
                o.text("title", e.key()),
                o.text("statement", ""),
                condition,
                level,
                verify,
                o.text("valid-from").flatMap(v -> version(v, o.at("valid-from"))),
                supersededBy,
                crosswalk,
                e.keyAt()));
    }

    private Optional<Verification> verification(Node node) {
        Optional<Fields> checked = Fields.check(node, "verification", VERIFY_KEYS, List.of(), diagnostics);
        if (checked.isEmpty()) {
            return Optional.empty();
        }
        Fields o = checked.get();
        boolean model = o.has("rules");
        int methods = (model ? 1 : 0) + (o.has("control") ? 1 : 0) + (o.has("review") ? 1 : 0);
        if (methods != 1) {
            diagnostics.error(
                    o.at(),
                    "verification-method",
                    "a means is verified one way: 'rules' (from the model), 'control' (the evidence a declared"
                            + " control must name) or 'review' (what a person looks at); found " + methods);
            return Optional.empty();
        }
        if (o.has("facts") && !model) {
            diagnostics.error(o.at("facts"), "verification-method", "'facts' go with 'rules'");
        }
        if (model) {
            List<String> known =
                    RuleCatalog.all().stream().map(r -> r.metadata().id()).toList();
            List<String> rules = new ArrayList<>();
            for (ScalarNode rule : o.words("rules")) {
                if (known.contains(rule.text())) {
                    rules.add(rule.text());
                } else {
                    diagnostics.error(
                            rule.at(),
                            "unknown-rule",
                            "no rule '" + rule.text() + "'" + Suggestions.didYouMean(rule.text(), known)
                                    + "; 'mamori rules' lists them");
                }
            }
            Set<Fact> facts = EnumSet.noneOf(Fact.class);
            List<String> factWords =
                    java.util.Arrays.stream(Fact.values()).map(Fact::word).toList();
            for (ScalarNode fact : o.words("facts")) {
                java.util.Arrays.stream(Fact.values())
                        .filter(f -> f.word().equals(fact.text()))
                        .findFirst()
                        .ifPresentOrElse(
                                facts::add,
                                () -> diagnostics.error(
                                        fact.at(),
                                        "unknown-word",
                                        "'" + fact.text() + "' is not a fact a means can depend on; expected one of: "
                                                + String.join(", ", factWords)));
            }
            return Optional.of(new Verification.FromModel(rules, facts));
        }
        if (o.has("control")) {
            return Optional.of(new Verification.FromControl(o.text("control", "")));
        }
        return Optional.of(new Verification.ByPerson(o.text("review", "")));
    }

    private void crosswalk(MapNode.Entry s, List<Mapping> out) {
        Standard standard = standards.get(s.key());
        if (standard == null) {
            diagnostics.error(
                    s.keyAt(),
                    "unknown-standard",
                    "no standard '" + s.key() + "'" + Suggestions.didYouMean(s.key(), standards.keySet())
                            + "; expected one of: " + String.join(", ", standards.keySet()));
            return;
        }
        Fields.check(s.value(), "crosswalk", RELATIONSHIPS, List.of(), diagnostics)
                .ifPresent(o -> {
                    for (Relationship relationship : Relationship.values()) {
                        for (ScalarNode id : o.words(relationship.word())) {
                            if (standard.item(id.text()).isEmpty()) {
                                diagnostics.error(
                                        id.at(),
                                        "unknown-standard-id",
                                        standard.title() + " has no item '" + id.text() + "'"
                                                + Suggestions.didYouMean(
                                                        id.text(),
                                                        standard.items().keySet()));
                            } else {
                                out.add(new Mapping(standard.id(), id.text(), relationship, id.at()));
                            }
                        }
                    }
                });
    }

    private void known(String id, SourceLocation at) {
        if (!ids.containsKey(id)) {
            diagnostics.error(
                    at,
                    "unknown-requirement",
                    "superseded-by names '" + id + "', which is neither a requirement nor a means of the catalog"
                            + Suggestions.didYouMean(id, ids.keySet()));
        }
    }

    // ---- profiles -------------------------------------------------------------------------

    private void profile(MapNode.Entry e) {
        if (!fresh(profiles.containsKey(e.key()), e, "profile")) {
            return;
        }
        Optional<Fields> checked = Fields.check(e.value(), "profile", PROFILE_KEYS, List.of("title"), diagnostics);
        if (checked.isEmpty()) {
            return;
        }
        Fields o = checked.get();
        Map<String, Obligation> base = new LinkedHashMap<>();
        Map<String, Profile.JurisdictionRule> byJurisdiction = new LinkedHashMap<>();
        boolean levels = false;
        Optional<String> parent = o.text("extends");
        if (parent.isPresent()) {
            Profile p = profiles.get(parent.get());
            if (p == null) {
                diagnostics.error(
                        o.at("extends"),
                        "unknown-profile",
                        "no profile '" + parent.get() + "' to extend"
                                + Suggestions.didYouMean(parent.get(), profiles.keySet())
                                + "; a profile extends one defined before it");
            } else {
                base.putAll(p.base());
                byJurisdiction.putAll(p.byJurisdiction());
                levels = p.securityLevels();
            }
        }
        obligations(o, base);
        for (MapNode.Entry j : o.entries("jurisdictions")) {
            Fields.check(j.value(), "profile jurisdiction", PROFILE_JURISDICTION_KEYS, List.of(), diagnostics)
                    .ifPresent(jo -> {
                        Map<String, Obligation> obligations = new LinkedHashMap<>();
                        Profile.JurisdictionRule inherited = byJurisdiction.get(j.key());
                        if (inherited != null) {
                            obligations.putAll(inherited.obligations());
                        }
                        obligations(jo, obligations);
                        byJurisdiction.put(
                                j.key(),
                                new Profile.JurisdictionRule(
                                        j.key(),
                                        jo.text("regime")
                                                .or(() -> Optional.ofNullable(inherited)
                                                        .flatMap(Profile.JurisdictionRule::regime)),
                                        date(jo, "applies-from")
                                                .or(() -> Optional.ofNullable(inherited)
                                                        .flatMap(Profile.JurisdictionRule::appliesFrom)),
                                        obligations,
                                        j.keyAt()));
                        crossChecks.add(() -> {
                            if (!jurisdictions.containsKey(j.key())) {
                                diagnostics.error(
                                        j.keyAt(),
                                        "unknown-jurisdiction",
                                        "no jurisdiction '" + j.key() + "'"
                                                + Suggestions.didYouMean(j.key(), jurisdictions.keySet())
                                                + "; known: " + String.join(", ", jurisdictions.keySet()));
                            }
                        });
                    });
        }
        Optional<String> levelText = o.text("security-levels");
        if (levelText.isPresent()) {
            if (!levelText.get().equals("true") && !levelText.get().equals("false")) {
                diagnostics.error(o.at("security-levels"), "wrong-type", "security-levels is true or false");
            }
            levels = levelText.get().equals("true");
        }
        profiles.put(
                e.key(),
                new Profile(
                        e.key(),
                        o.text("title", e.key()),
                        o.text("description", ""),
                        o.words("categories").stream().map(ScalarNode::text).toList(),
                        o.words("sectors").stream().map(ScalarNode::text).toList(),
                        levels,
                        base,
                        byJurisdiction,
                        e.keyAt()));
    }

    private void obligations(Fields o, Map<String, Obligation> into) {
        Map<Obligation, List<ScalarNode>> lists = new EnumMap<>(Obligation.class);
        for (Obligation obligation : Obligation.values()) {
            lists.put(obligation, o.words(obligation.word()));
        }
        // Weakest first, so that a requirement listed twice keeps the stronger class.
        for (Obligation obligation : List.of(Obligation.ADDITIONAL, Obligation.ESSENTIAL, Obligation.STATUTORY)) {
            for (ScalarNode id : lists.get(obligation)) {
                into.put(id.text(), obligation);
                crossChecks.add(() -> {
                    if (!requirements.containsKey(id.text())) {
                        diagnostics.error(
                                id.at(),
                                "unknown-requirement",
                                "no requirement '" + id.text() + "' in the catalog"
                                        + Suggestions.didYouMean(id.text(), requirements.keySet())
                                        + "; profiles list performance requirements, not means");
                    }
                });
            }
        }
    }

    // ---- words ----------------------------------------------------------------------------

    private Optional<CatalogVersion> version(String text, SourceLocation at) {
        Optional<CatalogVersion> v = CatalogVersion.parse(text);
        if (v.isEmpty()) {
            diagnostics.error(at, "bad-version", "'" + text + "' is not a catalog version; write YEAR.N, like 2026.1");
        }
        return v;
    }

    private <E extends Enum<E>> Optional<E> word(Fields o, String key, Class<E> scale) {
        return o.text(key).flatMap(w -> {
            Optional<E> value = Words.parse(scale, w);
            if (value.isEmpty()) {
                List<String> words = Words.all(scale);
                diagnostics.error(
                        o.at(key),
                        "unknown-word",
                        "'" + w + "' is not a " + key + Suggestions.didYouMean(w, words) + "; expected one of: "
                                + String.join(", ", words));
            }
            return value;
        });
    }
}
