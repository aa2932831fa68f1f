package dev.mamori.engine.compliance;

import dev.mamori.engine.risk.Property;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.Scales.Phase;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.grammar.ObjectSpec;
import dev.mamori.model.load.CheckedObject;
import dev.mamori.model.syntax.BuiltInTrees;
import dev.mamori.model.syntax.ClasspathResource;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.syntax.TreeReader;
import dev.mamori.model.vocabulary.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * redefine built-in ones. Each file is checked against {@link CatalogGrammar} by the model's own
 * checker (unknown keys with "did you mean", missing keys, types, closed lists of words, id forms;
 * duplicate keys are the tree reader's), then every cross-reference (a profile's requirements, a
 * crosswalk's ids, a means' rules) is checked here. Every problem is reported as {@code
 * file:line:col} with what was expected, all of them in one run.
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

    private final Diagnostics diagnostics = new Diagnostics();
    // Catalog files name no vocabulary words: every closed list of words is in the grammar.
    private final CheckedObject.Context context = new CheckedObject.Context(diagnostics, Vocabulary::empty);
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
        Result result = new CatalogReader().readAll(builtInSources(), null, true);
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
        return new CatalogReader().readAll(sources, base, false);
    }

    /**
     * A catalog read on its own from {@code sources} (an older or newer version, to compare), with the
     * built-in standards for its crosswalks.
     */
    public static Result standalone(List<Source> sources) {
        CatalogReader reader = new CatalogReader();
        reader.standards.putAll(builtIn().standards());
        reader.version = new CatalogVersion(0, 0);
        return reader.readAll(sources, null, false);
    }

    /** Reads {@code sources} over {@code base}; {@code builtIn}: they are the files shipped in the jar. */
    private Result readAll(List<Source> sources, Catalog base, boolean builtIn) {
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
            // The built-in files' trees were kept by the build beside them (BuiltInTrees).
            (builtIn
                            ? BuiltInTrees.read(
                                    CatalogReader.class,
                                    source.file().substring(BUILTIN.length()),
                                    source.content(),
                                    source.file(),
                                    diagnostics)
                            : new TreeReader(ReadLimits.DEFAULT)
                                    .read(
                                            source.file(),
                                            source.content(),
                                            TreeReader.Syntax.forFileName(source.file()),
                                            diagnostics))
                    .ifPresent(tree -> file(tree, source.file(), base == null));
        }
        crossChecks.forEach(Runnable::run);
        Catalog catalog = new Catalog(name, version, title, files, requirements, profiles, jurisdictions, standards);
        return new Result(catalog, diagnostics.sorted());
    }

    private void file(Node tree, String file, boolean first) {
        Optional<CheckedObject> top = CheckedObject.check(tree, CatalogGrammar.FILE, context);
        if (top.isEmpty()) {
            return;
        }
        CheckedObject o = top.get();
        if (first) {
            o.text("catalog").ifPresent(n -> name = n);
            o.text("title").ifPresent(t -> title = t);
            version(o, "version").ifPresent(v -> version = v);
        } else {
            version(o, "version");
        }
        if (o.has("standards")) {
            if (!file.startsWith(BUILTIN)) {
                diagnostics.error(
                        o.at("standards"),
                        "standards-built-in",
                        "a catalog file cannot add standards; crosswalks point into the built-in ones: "
                                + String.join(", ", standards.keySet()));
            } else {
                for (CheckedObject.Keyed e : entries(o, "standards", CatalogGrammar.STANDARD)) {
                    standard(e);
                }
            }
        }
        for (CheckedObject.Keyed e : entries(o, "jurisdictions", CatalogGrammar.JURISDICTION)) {
            jurisdiction(e);
        }
        for (CheckedObject.Keyed e : entries(o, "requirements", CatalogGrammar.REQUIREMENT)) {
            requirement(e);
        }
        for (CheckedObject.Keyed e : entries(o, "profiles", CatalogGrammar.PROFILE)) {
            profile(e);
        }
    }

    // ---- standards ------------------------------------------------------------------------

    private void standard(CheckedObject.Keyed e) {
        CheckedObject o = e.value();
        Map<String, String[]> labels = new HashMap<>();
        o.text("labels").ifPresent(f -> tsv(f).forEach(row -> labels.put(row[0], row)));
        // Items left out on purpose, each with its reason; one file may serve several standards.
        Map<String, String> outOfScope = new LinkedHashMap<>();
        o.text("out-of-scope")
                .ifPresent(f -> tsv(f).stream()
                        .filter(row -> row.length == 3 && row[0].equals(e.id()))
                        .forEach(row -> outOfScope.put(row[1], row[2])));
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
                                label == null || label[2].endsWith("?"),
                                Optional.ofNullable(outOfScope.get(row[0]))));
            } else {
                items.put(
                        row[0],
                        new Standard.Item(
                                row[0],
                                row[1],
                                row[2],
                                Optional.empty(),
                                row[3].endsWith("?"),
                                Optional.ofNullable(outOfScope.get(row[0]))));
            }
        }
        for (String id : outOfScope.keySet()) {
            if (!items.containsKey(id)) {
                diagnostics.error(
                        o.at("out-of-scope"),
                        "unknown-standard-id",
                        "'" + id + "' is listed as out of scope but is not an item of " + e.id()
                                + Suggestions.didYouMean(id, items.keySet()));
            }
        }
        standards.put(e.id(), new Standard(e.id(), o.text("title", e.id()), items));
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

    private void jurisdiction(CheckedObject.Keyed e) {
        if (!fresh(jurisdictions.containsKey(e.id()), e, "jurisdiction")) {
            return;
        }
        CheckedObject o = e.value();
        jurisdictions.put(
                e.id(),
                new Jurisdiction(e.id(), o.text("name", e.id()), o.text("regime", ""), o.date("applies-from"), e.at()));
    }

    // ---- requirements ---------------------------------------------------------------------

    private boolean fresh(boolean exists, CheckedObject.Keyed e, String what) {
        if (exists) {
            diagnostics.error(
                    e.at(),
                    "duplicate-id",
                    "the " + what + " '" + e.id() + "' is already defined; a catalog file adds " + what
                            + "s under new ids and cannot redefine one");
            return false;
        }
        return true;
    }

    /** Requirements and means share one set of ids (their form is the grammar's). */
    private boolean newId(CheckedObject.Keyed e, String what) {
        SourceLocation earlier = ids.putIfAbsent(e.id(), e.at());
        if (earlier != null) {
            diagnostics.error(
                    e.at(),
                    "duplicate-id",
                    "the " + what + " id '" + e.id() + "' is already used at " + earlier
                            + "; requirements and means share one set of ids, so that a control names exactly one");
            return false;
        }
        return true;
    }

    private void requirement(CheckedObject.Keyed e) {
        if (!newId(e, "requirement")) {
            return;
        }
        CheckedObject o = e.value();
        Set<Property> properties = EnumSet.noneOf(Property.class);
        for (String letter : o.texts("properties")) {
            Arrays.stream(Property.values())
                    .filter(p -> p.letter().equals(letter))
                    .forEach(properties::add);
        }
        if (properties.isEmpty() && o.has("properties")) {
            diagnostics.error(
                    valueAt(o, "properties"), "missing-key", "a requirement protects at least one of S, C, I, A");
        }
        Phase phase = o.choice("phase", Phase.class, Phase.DESIGN);
        List<Means> means = new ArrayList<>();
        for (CheckedObject.Keyed m : entries(o, "means", CatalogGrammar.MEANS)) {
            means(e.id(), m).ifPresent(means::add);
        }
        if (means.isEmpty() && o.has("means")) {
            diagnostics.error(valueAt(o, "means"), "missing-key", "a requirement needs at least one means");
        }
        List<Mapping> crosswalk = crosswalk(o);
        Optional<String> supersededBy = o.text("superseded-by");
        supersededBy.ifPresent(next -> crossChecks.add(() -> known(next, valueAt(o, "superseded-by"))));
        requirements.put(
                e.id(),
                new Requirement(
                        e.id(),
                        o.text("title", e.id()),
                        o.text("statement", ""),
                        properties,
                        phase,
                        version(o, "valid-from"),
                        supersededBy,
                        o.text("met-when", "all").equals("any"),
                        means,
                        crosswalk,
                        e.at()));
    }

    private Optional<Means> means(String requirement, CheckedObject.Keyed e) {
        if (!newId(e, "means")) {
            return Optional.empty();
        }
        CheckedObject o = e.value();
        OptionalInt level =
                o.whole("security-level").map(l -> OptionalInt.of(l.intValue())).orElse(OptionalInt.empty());
        Verification verify = o.object("verify")
                .or(() -> o.written("verify") ? Optional.of(emptyVerification(o)) : Optional.empty())
                .flatMap(this::verification)
                .orElse(new Verification.ByPerson(""));
        Optional<String> supersededBy = o.text("superseded-by");
        supersededBy.ifPresent(next -> crossChecks.add(() -> known(next, valueAt(o, "superseded-by"))));
        return Optional.of(new Means(
                e.id(),
                requirement,
                o.text("title", e.id()),
                o.text("statement", ""),
                o.text("applies-to").flatMap(Condition::of).orElse(Condition.ALWAYS),
                level,
                verify,
                version(o, "valid-from"),
                supersededBy,
                crosswalk(o),
                e.at()));
    }

    /**
     * {@code verify:} written with nothing after it, read as an empty verification so that it is
     * reported as verifying the means no way (the checker reads an empty object as absent).
     */
    private CheckedObject emptyVerification(CheckedObject means) {
        return CheckedObject.check(new MapNode(means.at("verify"), List.of()), CatalogGrammar.VERIFICATION, context)
                .orElseThrow();
    }

    private Optional<Verification> verification(CheckedObject o) {
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
            diagnostics.error(valueAt(o, "facts"), "verification-method", "'facts' go with 'rules'");
        }
        if (model) {
            List<String> known =
                    RuleCatalog.all().stream().map(r -> r.metadata().id()).toList();
            List<String> rules = new ArrayList<>();
            for (ScalarNode rule : o.scalars("rules")) {
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
            for (String fact : o.texts("facts")) {
                Arrays.stream(Fact.values()).filter(f -> f.word().equals(fact)).forEach(facts::add);
            }
            return Optional.of(new Verification.FromModel(rules, facts));
        }
        if (o.has("control")) {
            return Optional.of(new Verification.FromControl(o.text("control", "")));
        }
        return Optional.of(new Verification.ByPerson(o.text("review", "")));
    }

    /** The crosswalk of a requirement or means, standard by standard, each relationship in its order. */
    private List<Mapping> crosswalk(CheckedObject owner) {
        List<Mapping> out = new ArrayList<>();
        for (CheckedObject.Keyed s : entries(owner, "crosswalk", CatalogGrammar.CROSSWALK)) {
            crosswalk(s, out);
        }
        return out;
    }

    private void crosswalk(CheckedObject.Keyed s, List<Mapping> out) {
        Standard standard = standards.get(s.id());
        if (standard == null) {
            diagnostics.error(
                    s.at(),
                    "unknown-standard",
                    "no standard '" + s.id() + "'" + Suggestions.didYouMean(s.id(), standards.keySet())
                            + "; expected one of: " + String.join(", ", standards.keySet()));
            return;
        }
        for (Relationship relationship : Relationship.values()) {
            for (ScalarNode id : s.value().scalars(relationship.word())) {
                if (standard.item(id.text()).isEmpty()) {
                    diagnostics.error(
                            id.at(),
                            "unknown-standard-id",
                            standard.title() + " has no item '" + id.text() + "'"
                                    + Suggestions.didYouMean(
                                            id.text(), standard.items().keySet()));
                } else {
                    out.add(new Mapping(standard.id(), id.text(), relationship, id.at()));
                }
            }
        }
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

    private void profile(CheckedObject.Keyed e) {
        if (!fresh(profiles.containsKey(e.id()), e, "profile")) {
            return;
        }
        CheckedObject o = e.value();
        Map<String, Obligation> base = new LinkedHashMap<>();
        Map<String, Profile.JurisdictionRule> byJurisdiction = new LinkedHashMap<>();
        boolean levels = false;
        Optional<String> parent = o.text("extends");
        if (parent.isPresent()) {
            Profile p = profiles.get(parent.get());
            if (p == null) {
                diagnostics.error(
                        valueAt(o, "extends"),
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
        for (CheckedObject.Keyed j : entries(o, "jurisdictions", CatalogGrammar.PROFILE_JURISDICTION)) {
            CheckedObject jo = j.value();
            Map<String, Obligation> obligations = new LinkedHashMap<>();
            Profile.JurisdictionRule inherited = byJurisdiction.get(j.id());
            if (inherited != null) {
                obligations.putAll(inherited.obligations());
            }
            obligations(jo, obligations);
            byJurisdiction.put(
                    j.id(),
                    new Profile.JurisdictionRule(
                            j.id(),
                            jo.text("regime")
                                    .or(() -> Optional.ofNullable(inherited).flatMap(Profile.JurisdictionRule::regime)),
                            jo.date("applies-from")
                                    .or(() -> Optional.ofNullable(inherited)
                                            .flatMap(Profile.JurisdictionRule::appliesFrom)),
                            jo.date("applies-until")
                                    .or(() -> Optional.ofNullable(inherited)
                                            .flatMap(Profile.JurisdictionRule::appliesUntil)),
                            obligations,
                            regimes(jo, inherited),
                            j.at()));
            crossChecks.add(() -> {
                if (!jurisdictions.containsKey(j.id())) {
                    diagnostics.error(
                            j.at(),
                            "unknown-jurisdiction",
                            "no jurisdiction '" + j.id() + "'" + Suggestions.didYouMean(j.id(), jurisdictions.keySet())
                                    + "; known: " + String.join(", ", jurisdictions.keySet()));
                }
            });
        }
        profiles.put(
                e.id(),
                new Profile(
                        e.id(),
                        o.text("title", e.id()),
                        o.text("description", ""),
                        o.texts("categories"),
                        o.texts("sectors"),
                        o.bool("security-levels", levels),
                        base,
                        byJurisdiction,
                        e.at()));
    }

    /** The further regimes of a profile's jurisdiction: the extended profile's, to which it adds. */
    private Map<String, Profile.RegimeRule> regimes(CheckedObject jo, Profile.JurisdictionRule inherited) {
        Map<String, Profile.RegimeRule> regimes = new LinkedHashMap<>();
        if (inherited != null) {
            regimes.putAll(inherited.regimes());
        }
        for (CheckedObject.Keyed r : entries(jo, "regimes", CatalogGrammar.PROFILE_REGIME)) {
            CheckedObject ro = r.value();
            Profile.RegimeRule before = regimes.get(r.id());
            Map<String, Obligation> obligations = new LinkedHashMap<>();
            if (before != null) {
                obligations.putAll(before.obligations());
            }
            obligations(ro, obligations);
            regimes.put(
                    r.id(),
                    new Profile.RegimeRule(
                            r.id(),
                            ro.text("regime", ""),
                            ro.date("applies-from"),
                            ro.date("applies-until"),
                            obligations,
                            ro.text("applies-to").flatMap(Condition::of),
                            r.at()));
        }
        return regimes;
    }

    private void obligations(CheckedObject o, Map<String, Obligation> into) {
        Map<Obligation, List<ScalarNode>> lists = new EnumMap<>(Obligation.class);
        for (Obligation obligation : Obligation.values()) {
            lists.put(obligation, o.scalars(obligation.word()));
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

    // ---- values the grammar leaves as text ---------------------------------------------------

    /** A version key's value, YEAR.N; a value of another form is reported and reads as absent. */
    private Optional<CatalogVersion> version(CheckedObject o, String key) {
        return o.text(key).flatMap(text -> {
            Optional<CatalogVersion> v = CatalogVersion.parse(text);
            if (v.isEmpty()) {
                diagnostics.error(
                        valueAt(o, key),
                        "bad-version",
                        "'" + text + "' is not a catalog version; write YEAR.N, like 2026.1");
            }
            return v;
        });
    }

    /**
     * The entries of an id-keyed mapping, each checked as its object. Unlike the model's elements,
     * whose checker leaves out an entry with a badly written id (reported there), a catalog entry is
     * read all the same, as the catalog always did: its id can still be named exactly, and every
     * other problem in it is reported in the same run.
     */
    private List<CheckedObject.Keyed> entries(CheckedObject o, String key, ObjectSpec spec) {
        if (!(o.node(key).orElse(null) instanceof MapNode map)) {
            return o.entries(key); // absent, written as a list of ids, or of the wrong type (reported)
        }
        List<CheckedObject.Keyed> out = new ArrayList<>();
        for (MapNode.Entry e : map.entries()) {
            CheckedObject.check(e.value(), spec, context, e.keyAt())
                    .ifPresent(value -> out.add(new CheckedObject.Keyed(e.key(), e.keyAt(), value)));
        }
        return out;
    }

    /** Where a key's value is written: what a message about the value points at. */
    private static SourceLocation valueAt(CheckedObject o, String key) {
        return o.node(key).map(Node::at).orElse(o.at(key));
    }
}
