package dev.mamori.engine.compliance;

import static dev.mamori.model.grammar.ObjectSpec.object;

import dev.mamori.engine.risk.Property;
import dev.mamori.model.Scales.Phase;
import dev.mamori.model.Words;
import dev.mamori.model.grammar.IdForm;
import dev.mamori.model.grammar.JsonSchema;
import dev.mamori.model.grammar.Language;
import dev.mamori.model.grammar.ObjectSpec;
import dev.mamori.model.grammar.ReferenceDoc;
import dev.mamori.model.grammar.ValueType.Bool;
import dev.mamori.model.grammar.ValueType.Choice;
import dev.mamori.model.grammar.ValueType.Date;
import dev.mamori.model.grammar.ValueType.ListOf;
import dev.mamori.model.grammar.ValueType.MapOf;
import dev.mamori.model.grammar.ValueType.Obj;
import dev.mamori.model.grammar.ValueType.Text;
import dev.mamori.model.grammar.ValueType.Whole;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The catalog file format (the built-in catalog.yaml, profiles.yaml and standards.yaml, and a
 * landscape's own catalog files), declared with the model language's grammar machinery: {@link
 * CatalogReader} checks files against it, and the JSON Schema ({@link #jsonSchema()}) and the
 * reference in docs/compliance.md ({@link #reference()}) are generated from it. What the grammar
 * cannot say (a requirement id used once across requirements and means, references between
 * entries, versions written YEAR.N) the reader checks.
 */
public final class CatalogGrammar {

    private CatalogGrammar() {}

    private static final Text TEXT = new Text();
    private static final ListOf TEXTS = new ListOf(TEXT, true);

    /** Requirement and means ids: a control names one, so they are plain kebab case. */
    static final IdForm REQUIREMENT_ID =
            IdForm.of("[a-z0-9]+(-[a-z0-9]+)*", "write it in kebab case, like secure-update");

    /** Standard ids carry their version, dots included (etsi-en-303-645-v2.1.1). */
    static final IdForm STANDARD_ID = IdForm.of(
            "[A-Za-z0-9][A-Za-z0-9._-]*", "use letters, digits, '.', '-' and '_', like etsi-en-303-645-v2.1.1");

    private static ObjectSpec obligations(ObjectSpec spec, String scope) {
        for (Obligation obligation : Obligation.values()) {
            spec.optional(
                    obligation.word(),
                    TEXTS,
                    "[]",
                    "Ids of the performance requirements " + scope + " as " + obligation.word() + ".");
        }
        return spec;
    }

    public static final ObjectSpec VERIFICATION = object(
                    "verification",
                    "How a means is verified, one way of three: from the model by risk rules (`rules`, with the"
                            + " `facts` the model must state), by a declared control with its evidence (`control`), or"
                            + " by a person (`review`).",
                    "verify: { rules: [default-credentials], facts: [credentials] }")
            .optional(
                    "rules",
                    TEXTS,
                    "none",
                    "Ids of risk rules (`mamori rules`); an open finding of one of them on an element fails it.")
            .optional(
                    "facts",
                    new ListOf(
                            new Choice(
                                    Arrays.stream(Fact.values()).map(Fact::word).toList()),
                            true),
                    "[]",
                    "Facts the model must state for an element to count as satisfying the means; with `rules` only.")
            .optional("control", TEXT, "none", "The evidence a control declared for the means must name.")
            .optional("review", TEXT, "none", "What a person looks at, until a control records the result.");

    public static final ObjectSpec CROSSWALK = relationships(object(
            "crosswalk",
            "The items of one external standard a requirement or means relates to, by relationship read from"
                    + " ours to theirs. Keyed by the standard's id; every item id is checked against its list.",
            "crosswalk:\n  iec-62443-3-3: { subset: [SR 1.5], intersects: [SR 1.7] }"));

    private static ObjectSpec relationships(ObjectSpec spec) {
        for (Relationship relationship : Relationship.values()) {
            spec.optional(
                    relationship.word(),
                    TEXTS,
                    "[]",
                    "Item ids of the standard that ours "
                            + switch (relationship) {
                                case EQUIVALENT -> "is equivalent to.";
                                case SUBSET -> "is a subset of (ours covers part of theirs).";
                                case SUPERSET -> "is a superset of (ours covers more).";
                                case INTERSECTS -> "intersects.";
                            });
        }
        return spec;
    }

    public static final ObjectSpec MEANS = object(
                    "means",
                    "A specification requirement: one concrete way of the day to meet a performance requirement,"
                            + " with when it applies and how it is verified.",
                    "per-unit-passwords:\n  title: Per-unit or user-set passwords\n"
                            + "  statement: Every component that logs in with a password gets its own.\n"
                            + "  applies-to: uses-passwords\n"
                            + "  verify: { rules: [default-credentials], facts: [credentials] }")
            .required("title", TEXT, "A short name.")
            .required("statement", TEXT, "What must hold, in our own words.")
            .required(
                    "applies-to",
                    new Choice(Condition.words()),
                    "The elements of a system it applies to; when it selects nothing, the means is not applicable.")
            .optional(
                    "security-level",
                    new Whole(1, 4),
                    "none",
                    "In profiles graded by IEC 62443 security level, the target security level of the zone from"
                            + " which it applies.")
            .required("verify", new Obj(VERIFICATION), "How it is verified.")
            .optional("valid-from", TEXT, "none", "The catalog version (YEAR.N) it is valid from.")
            .optional(
                    "superseded-by",
                    TEXT,
                    "none",
                    "The id of the requirement or means that replaces it; it is then no longer judged.")
            .optional(
                    "crosswalk",
                    new MapOf(CROSSWALK, STANDARD_ID),
                    "none",
                    "External items this means alone relates to, more precisely than its requirement.");

    public static final ObjectSpec REQUIREMENT = object(
                    "requirement",
                    "A performance requirement: what must hold, for which properties and in which lifecycle"
                            + " phase, met by its means.",
                    "secure-update:\n  title: Software can be updated securely\n"
                            + "  statement: Every component that runs software can be updated.\n"
                            + "  properties: [S, I, A]\n  phase: operate\n  means:\n    update-mechanism: { ... }")
            .required("title", TEXT, "A short name.")
            .required("statement", TEXT, "What must hold, in our own words.")
            .optional(
                    "properties",
                    new ListOf(
                            new Choice(Arrays.stream(Property.values())
                                    .map(Property::letter)
                                    .toList()),
                            true),
                    "none",
                    "What it protects: S safety, C confidentiality, I integrity, A availability.")
            .required("phase", new Choice(Words.all(Phase.class)), "The lifecycle phase it belongs to.")
            .optional("valid-from", TEXT, "none", "The catalog version (YEAR.N) it is valid from.")
            .optional(
                    "superseded-by",
                    TEXT,
                    "none",
                    "The id of the requirement or means that replaces it; it is then no longer judged.")
            .optional(
                    "met-when",
                    new Choice(List.of("all", "any")),
                    "all",
                    "Whether every applicable means must hold (`all`) or one suffices (`any`).")
            .required(
                    "means",
                    new MapOf(MEANS, REQUIREMENT_ID),
                    "Its means, at least one; their ids share one set with the requirements'.")
            .optional(
                    "crosswalk",
                    new MapOf(CROSSWALK, STANDARD_ID),
                    "none",
                    "The items of external standards it relates to, by standard.");

    public static final ObjectSpec PROFILE_REGIME = obligations(
            object(
                            "profile regime",
                            "A further law or scheme of one jurisdiction, with its own dates: a requirement it"
                                    + " names takes its class only while the regime is in force (judged against"
                                    + " `--today`). Keyed by an id of ours.",
                            "cra-reporting:\n  regime: EU CRA, Article 14 (reporting)\n"
                                    + "  applies-from: 2026-09-11\n  statutory: [vulnerability-handling]")
                    .required("regime", TEXT, "The law or scheme, with its reference.")
                    .optional("applies-from", new Date(), "in force already", "When it starts to apply.")
                    .optional(
                            "applies-until", new Date(), "none", "The last day it applies, where another replaces it.")
                    .optional(
                            "applies-to",
                            new Choice(Condition.words()),
                            "every system of the profile",
                            "The systems it binds: only those in which this condition selects something (the RED"
                                    + " binds radio equipment: `radio-flows`)."),
            "under it");

    public static final ObjectSpec PROFILE_JURISDICTION = obligations(
            object(
                            "profile jurisdiction",
                            "What a profile asks for under one jurisdiction, typically raising requirements to"
                                    + " statutory under a named regime from a date. Keyed by the jurisdiction's"
                                    + " id; a profile that extends another adds to what it asks there.",
                            "uk: { statutory: [defined-support-period] }")
                    .optional(
                            "regime",
                            TEXT,
                            "the jurisdiction's",
                            "The law or scheme that makes these obligations, when not the jurisdiction's usual"
                                    + " one.")
                    .optional("applies-from", new Date(), "the jurisdiction's", "When the regime starts to apply.")
                    .optional(
                            "applies-until",
                            new Date(),
                            "none",
                            "The last day the regime applies, where another replaces it.")
                    .optional(
                            "regimes",
                            new MapOf(PROFILE_REGIME),
                            "none",
                            "Further regimes of the jurisdiction, each with its own dates and obligations."),
            "there");

    public static final ObjectSpec PROFILE = obligations(
                    object(
                                    "profile",
                                    "A requirement profile: which requirements hold a category or sector of systems, and"
                                            + " how strongly, in general and per jurisdiction.",
                                    "stadium:\n  title: Our stadium\n  extends: public-event\n"
                                            + "  essential: [crowd-display-integrity]")
                            .required("title", TEXT, "A short name.")
                            .optional("description", TEXT, "none", "What systems it is for.")
                            .optional(
                                    "extends",
                                    TEXT,
                                    "none",
                                    "The id of a profile defined before it, whose requirements and jurisdictions it"
                                            + " starts from.")
                            .optional(
                                    "categories",
                                    TEXTS,
                                    "[]",
                                    "The system categories it is for (a system without a profile of its own takes it).")
                            .optional(
                                    "sectors",
                                    TEXTS,
                                    "[]",
                                    "The sectors it is for; a sector is chosen before a category.")
                            .optional(
                                    "security-levels",
                                    new Bool(),
                                    "the extended profile's, else false",
                                    "Whether means with a security level apply only to zones whose target security"
                                            + " level reaches it."),
                    "it holds systems to")
            .optional(
                    "jurisdictions",
                    new MapOf(PROFILE_JURISDICTION),
                    "none",
                    "What each jurisdiction adds, by jurisdiction id.");

    public static final ObjectSpec JURISDICTION = object(
                    "jurisdiction",
                    "A place whose law or labelling scheme decides obligations.",
                    "uk:\n  name: United Kingdom\n  regime: UK PSTI regime\n  applies-from: 2024-04-29")
            .optional("name", TEXT, "the id", "Its name.")
            .required("regime", TEXT, "The law or scheme that makes requirements statutory or expected there.")
            .optional("applies-from", new Date(), "none", "When that regime starts to apply.");

    public static final ObjectSpec STANDARD = object(
                    "standard",
                    "An external standard the crosswalks point into; only the built-in standards.yaml declares"
                            + " them.",
                    "nist-ir-8259a:\n  title: NIST IR 8259A\n  ids: standards/nist-ir-8259a.tsv")
            .required("title", TEXT, "Its name and edition.")
            .required("ids", TEXT, "The resource listing its item ids (TSV: id, group, label, source).")
            .optional("labels", TEXT, "none", "A resource of our own labels, for id lists that carry statuses.")
            .optional(
                    "out-of-scope",
                    TEXT,
                    "none",
                    "A resource (TSV: standard, id, reason) of the items the catalog leaves out on purpose, each"
                            + " with why; `catalog --coverage` lists them apart from the items not written yet.");

    public static final ObjectSpec FILE = object(
                    "catalog file",
                    "A catalog file: requirements with their means, profiles, jurisdictions. A landscape names its"
                            + " own under `catalogs:`; they add new ids and cannot redefine built-in ones.",
                    "catalog: stadium-rules\nversion: \"2026.2\"\nrequirements: { ... }\nprofiles: { ... }")
            .optional("catalog", TEXT, "none", "The catalog's name; the first file read names the catalog.")
            .optional("version", TEXT, "none", "The catalog version, YEAR.N (quote it: \"2026.1\").")
            .optional("title", TEXT, "none", "A readable name.")
            .optional("description", TEXT, "none", "Anything worth knowing.")
            .optional(
                    "requirements", new MapOf(REQUIREMENT, REQUIREMENT_ID), "none", "Performance requirements, by id.")
            .optional("profiles", new MapOf(PROFILE), "none", "Requirement profiles, by id.")
            .optional("jurisdictions", new MapOf(JURISDICTION), "none", "Jurisdictions, by id.")
            .optional(
                    "standards",
                    new MapOf(STANDARD, STANDARD_ID),
                    "none",
                    "External standards, by id; only in the built-in standards.yaml.");

    /** The catalog file format as one language. */
    public static final Language LANGUAGE = new Language(
            "Mamori requirement catalog",
            "https://mamori.dev/schema/catalog-v1.json",
            FILE,
            List.of(
                    FILE,
                    REQUIREMENT,
                    MEANS,
                    VERIFICATION,
                    CROSSWALK,
                    PROFILE,
                    PROFILE_JURISDICTION,
                    PROFILE_REGIME,
                    JURISDICTION,
                    STANDARD));

    /** The JSON Schema (draft 2020-12) of catalog files, as plain maps and lists ready to be written as JSON. */
    public static Map<String, Object> jsonSchema() {
        return new JsonSchema(LANGUAGE, Vocabulary.empty()).toMap();
    }

    /** The reference of the catalog file format in Markdown: one table per object. */
    public static String reference() {
        return ReferenceDoc.objects(LANGUAGE);
    }
}
