package dev.mamori.model.load;

import dev.mamori.model.IpPrefix;
import dev.mamori.model.Ref;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.grammar.FieldSpec;
import dev.mamori.model.grammar.IdForm;
import dev.mamori.model.grammar.ObjectSpec;
import dev.mamori.model.grammar.ValueType;
import dev.mamori.model.syntax.ListNode;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.vocabulary.Vocabulary;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A mapping of the model checked against its {@link ObjectSpec}: unknown keys (with "did you
 * mean"), missing required keys and values of the wrong type are reported once, here; a value that
 * failed its check reads as absent, so binding goes on and every other problem is found in the same
 * run. Getters name keys of the spec only; naming another is a programming error. Public so that
 * other languages declared with the grammar's machinery (the compliance catalog) are read the same
 * way.
 */
public final class CheckedObject {

    /** What checking needs besides the node: where to report, and the words currently known. */
    public record Context(Diagnostics diagnostics, Supplier<Vocabulary> vocabulary) {}

    private final ObjectSpec spec;
    private final SourceLocation at;
    private final Context context;
    private final Map<String, MapNode.Entry> valid = new LinkedHashMap<>();

    private CheckedObject(ObjectSpec spec, SourceLocation at, Context context) {
        this.spec = spec;
        this.at = at;
        this.context = context;
    }

    /** Checks {@code node} as a {@code spec}; an empty value (null) reads as an empty mapping. */
    public static Optional<CheckedObject> check(Node node, ObjectSpec spec, Context context) {
        return check(node, spec, context, node.at());
    }

    /**
     * As above; {@code namedAt} is where the object is introduced (its key, for an entry of an
     * id-keyed mapping), which is where a missing key is reported.
     */
    public static Optional<CheckedObject> check(Node node, ObjectSpec spec, Context context, SourceLocation namedAt) {
        if (isNull(node)) {
            node = new MapNode(node.at(), List.of());
        }
        if (!(node instanceof MapNode map)) {
            context.diagnostics()
                    .error(
                            node.at(),
                            "wrong-type",
                            "expected a mapping of " + spec.name() + " keys here, found " + node.describe());
            return Optional.empty();
        }
        CheckedObject object = new CheckedObject(spec, map.at(), context);
        for (MapNode.Entry entry : map.entries()) {
            Optional<FieldSpec> field = spec.field(entry.key());
            if (field.isEmpty()) {
                List<String> keys = spec.fields().stream().map(FieldSpec::key).toList();
                context.diagnostics()
                        .error(
                                entry.keyAt(),
                                "unknown-key",
                                "unknown key '" + entry.key() + "' in " + article(spec.name()) + " "
                                        + spec.name() + Suggestions.didYouMean(entry.key(), keys)
                                        + (Suggestions.closest(entry.key(), keys)
                                                        .isPresent()
                                                ? ""
                                                : "; expected one of: " + String.join(", ", keys)));
            } else if (object.checkValue(entry.value(), field.get().type(), entry.key())) {
                object.valid.put(entry.key(), entry);
            }
        }
        for (FieldSpec field : spec.requiredFields()) {
            if (map.entry(field.key()).isEmpty()) {
                String key = field.type() instanceof ValueType.Whole w && w.min() == w.max()
                        ? field.key() + ": " + w.min()
                        : field.key();
                context.diagnostics()
                        .error(
                                namedAt,
                                "missing-key",
                                "this " + spec.name() + " lacks the required key '" + key + "' ("
                                        + lowerFirst(field.doc()).replaceAll("\\.$", "") + ")");
            }
        }
        return Optional.of(object);
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public SourceLocation at() {
        return at;
    }

    // ---- type checks -------------------------------------------------------------------------

    /** Reports and returns false when {@code node} is not a {@code type}; nested objects are checked when read. */
    private boolean checkValue(Node node, ValueType type, String key) {
        Diagnostics d = context.diagnostics();
        if (type instanceof ValueType.ListOf list) {
            if (isNull(node)) {
                return true; // 'key:' with nothing after it is an empty list
            }
            if (node instanceof ListNode items) {
                boolean ok = true;
                for (Node item : items.items()) {
                    ok &= checkValue(item, list.item(), key);
                }
                return ok;
            }
            if (list.single() && !(node instanceof MapNode) && !isNull(node)) {
                return checkValue(node, list.item(), key);
            }
            return wrong(node, key, "a list");
        }
        if (type instanceof ValueType.MapOf mapOf) {
            if (isNull(node)) {
                return true;
            }
            if (node instanceof MapNode map) {
                // A bad id is reported here and its entry skipped when read; the other entries stay.
                for (MapNode.Entry entry : map.entries()) {
                    if (!isId(entry.key(), mapOf)) {
                        d.error(entry.keyAt(), "bad-id", badId(entry.key(), mapOf));
                    }
                }
                return true;
            }
            if (node instanceof ListNode list && !mapOf.value().hasRequiredFields()) {
                boolean ok = true;
                for (Node item : list.items()) {
                    if (!(item instanceof ScalarNode s) || s.isNull()) {
                        ok &= wrong(item, key, "an id");
                    } else if (!isId(s.text(), mapOf)) {
                        d.error(item.at(), "bad-id", badId(s.text(), mapOf));
                    }
                }
                return ok;
            }
            return wrong(node, key, "a mapping from ids to " + mapOf.value().name() + "s");
        }
        if (type instanceof ValueType.Obj) {
            return isNull(node) || node instanceof MapNode || wrong(node, key, "a mapping");
        }
        if (type instanceof ValueType.NeedsExpression) {
            return !isNull(node) || wrong(node, key, "a component, a list, or all/any/at-least");
        }
        if (!(node instanceof ScalarNode scalar) || scalar.isNull()) {
            return wrong(node, key, describe(type));
        }
        String text = scalar.text();
        if (type instanceof ValueType.Text) {
            return true;
        }
        if (type instanceof ValueType.Whole whole) {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return wrong(node, key, describe(type));
            }
            if (value < whole.min() || value > whole.max()) {
                d.error(node.at(), "out-of-range", "'" + key + "' is " + value + ", expected " + describe(type));
                return false;
            }
            return true;
        }
        if (type instanceof ValueType.Bool) {
            if (text.equals("true") || text.equals("false")) {
                return true;
            }
            if (List.of("yes", "no", "on", "off", "y", "n").contains(text.toLowerCase(java.util.Locale.ROOT))) {
                d.error(
                        node.at(),
                        "wrong-type",
                        "'" + key + "' is '" + text + "'; write true or false (YAML 1.1 words such as yes, no,"
                                + " on and off are not read as booleans, to avoid surprises)");
                return false;
            }
            return wrong(node, key, "true or false");
        }
        if (type instanceof ValueType.Date) {
            try {
                LocalDate.parse(text.strip());
                return true;
            } catch (DateTimeParseException e) {
                if (text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    d.error(
                            node.at(),
                            "wrong-type",
                            "'" + key + "' is '" + text + "', which is no day of the calendar; expected a date like"
                                    + " 2026-01-31");
                    return false;
                }
                return wrong(node, key, "a date like 2026-01-31");
            }
        }
        if (type instanceof ValueType.Span) {
            Optional<Duration> span = Syntax.span(text);
            if (span.isPresent() && span.get().compareTo(Syntax.LONGEST_SPAN) > 0) {
                d.error(
                        node.at(),
                        "out-of-range",
                        "'" + key + "' is '" + text + "', longer than the " + Syntax.LONGEST_SPAN.toDays()
                                + " days (100 years) a duration of a model may be; write a real duration, such as 4h"
                                + " or 30d");
                return false;
            }
            if (span.isPresent()) {
                return true;
            }
            d.error(
                    node.at(),
                    "bad-duration",
                    "'" + key + "' is '" + text + "', expected a duration with a unit: 90s, 15m, 4h, 2d or 1h30m");
            return false;
        }
        if (type instanceof ValueType.Address address) {
            IpPrefix.Parsed parsed = IpPrefix.parse(text);
            if (parsed instanceof IpPrefix.Parsed.Bad bad) {
                d.error(
                        node.at(),
                        "bad-address",
                        "'" + key + "' is '" + text + "': " + bad.reason() + "; expected " + describe(type));
                return false;
            }
            if (!address.network() && !((IpPrefix.Parsed.Ok) parsed).prefix().host()) {
                d.error(
                        node.at(),
                        "bad-address",
                        "'" + key + "' is '" + text + "', a network; expected " + describe(type));
                return false;
            }
            return true;
        }
        if (type instanceof ValueType.Choice choice) {
            if (choice.words().contains(text)) {
                return true;
            }
            d.error(
                    node.at(),
                    "unknown-word",
                    "'" + text + "' is not a valid " + key + Suggestions.didYouMean(text, choice.words())
                            + "; expected one of: " + String.join(", ", choice.words()));
            return false;
        }
        if (type instanceof ValueType.Word word) {
            Set<String> words = context.vocabulary().get().words(word.vocabulary());
            if (words.contains(text)) {
                return true;
            }
            String suggestion = Suggestions.didYouMean(text, words);
            d.error(
                    node.at(),
                    "unknown-word",
                    "'" + text + "' is not a known " + singular(word.vocabulary()) + suggestion
                            + (suggestion.isEmpty() ? "; the known ones are: " + String.join(", ", words) : "")
                            + " (add a new word under 'vocabulary: " + word.vocabulary() + "')");
            return false;
        }
        if (type instanceof ValueType.Reference reference) {
            if (Syntax.isReference(text)) {
                return true;
            }
            d.error(
                    node.at(),
                    "bad-reference",
                    "'" + text + "' is not a valid reference to a " + reference.target()
                            + "; write its id, or system.id for one of another system");
            return false;
        }
        throw new IllegalStateException("unchecked type " + type);
    }

    private static String singular(String vocabulary) {
        return switch (vocabulary) {
            case "categories" -> "category";
            case "encryption" -> "kind of encryption";
            case "authentication" -> "kind of authentication";
            default ->
                vocabulary.endsWith("s")
                        ? vocabulary.substring(0, vocabulary.length() - 1).replace('-', ' ')
                        : vocabulary;
        };
    }

    private static String badId(String id, ValueType.MapOf mapOf) {
        return "'" + id + "' is not a valid id for " + article(mapOf.value().name()) + " "
                + mapOf.value().name() + "; " + mapOf.ids().rule();
    }

    /** The model's ids keep their fast check, which large models run for every key. */
    private static boolean isId(String id, ValueType.MapOf mapOf) {
        return mapOf.ids() == IdForm.MODEL ? Syntax.isId(id) : mapOf.ids().matches(id);
    }

    private boolean wrong(Node node, String key, String expected) {
        context.diagnostics()
                .error(node.at(), "wrong-type", "'" + key + "' should be " + expected + ", found " + node.describe());
        return false;
    }

    /**
     * An empty value: YAML's null, or a key written with nothing after it (which the YAML reader
     * hands over as empty text). For a list, a mapping or an object it means "none".
     */
    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s
                && (s.isNull()
                        || (s.kind() == ScalarNode.Kind.STRING && s.text().isEmpty()));
    }

    private static String describe(ValueType type) {
        if (type instanceof ValueType.Whole whole) {
            return whole.min() == whole.max()
                    ? "the number " + whole.min()
                    : "a whole number from " + whole.min() + " to " + whole.max();
        }
        if (type instanceof ValueType.Reference reference) {
            return "the id of a " + reference.target();
        }
        if (type instanceof ValueType.Word word) {
            return "a word of the " + word.vocabulary() + " vocabulary";
        }
        if (type instanceof ValueType.Choice choice) {
            return "one of: " + String.join(", ", choice.words());
        }
        if (type instanceof ValueType.Bool) {
            return "true or false";
        }
        if (type instanceof ValueType.Date) {
            return "a date like 2026-01-31";
        }
        if (type instanceof ValueType.Span) {
            return "a duration such as 15m";
        }
        if (type instanceof ValueType.Address address) {
            return address.network()
                    ? "an IPv4 or IPv6 address or a network such as 10.20.0.0/16 or fd00::/64"
                    : "an IPv4 or IPv6 address such as 10.20.0.5 or fd00::5";
        }
        return "text";
    }

    // ---- typed access ------------------------------------------------------------------------

    private FieldSpec spec(String key) {
        return spec.field(key).orElseThrow(() -> new IllegalArgumentException(spec.name() + " has no key " + key));
    }

    public boolean has(String key) {
        spec(key);
        return valid.containsKey(key) && !isNull(valid.get(key).value());
    }

    /** Whether the key was written with a value of its type, even an empty one ({@code key:}). */
    public boolean written(String key) {
        spec(key);
        return valid.containsKey(key);
    }

    /** Where the key was written, or the object itself when it was not. */
    public SourceLocation at(String key) {
        spec(key);
        return valid.containsKey(key) ? valid.get(key).keyAt() : at;
    }

    public Optional<Node> node(String key) {
        spec(key);
        return Optional.ofNullable(valid.get(key)).map(MapNode.Entry::value).filter(n -> !isNull(n));
    }

    private Optional<String> scalar(String key) {
        return node(key).map(n -> ((ScalarNode) n).text());
    }

    public Optional<String> text(String key) {
        return scalar(key);
    }

    public String text(String key, String otherwise) {
        return scalar(key).orElse(otherwise);
    }

    public long whole(String key, long otherwise) {
        return scalar(key).map(s -> Long.parseLong(s.strip())).orElse(otherwise);
    }

    public Optional<Long> whole(String key) {
        return scalar(key).map(s -> Long.parseLong(s.strip()));
    }

    public Optional<Boolean> bool(String key) {
        return scalar(key).map(Boolean::parseBoolean);
    }

    public boolean bool(String key, boolean otherwise) {
        return bool(key).orElse(otherwise);
    }

    public Optional<LocalDate> date(String key) {
        return scalar(key).map(s -> LocalDate.parse(s.strip()));
    }

    public Optional<Duration> span(String key) {
        return scalar(key).flatMap(Syntax::span);
    }

    /** An address or network; the value was checked, so it parses. */
    public Optional<IpPrefix> address(String key) {
        return scalar(key).map(IpPrefix::parse).map(p -> ((IpPrefix.Parsed.Ok) p).prefix());
    }

    public <E extends Enum<E>> E choice(String key, Class<E> scale, E otherwise) {
        return scalar(key).flatMap(s -> Words.parse(scale, s)).orElse(otherwise);
    }

    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> scale) {
        return scalar(key).flatMap(s -> Words.parse(scale, s));
    }

    public <E extends Enum<E>> Set<E> choices(String key, Class<E> scale) {
        Set<E> out = EnumSet.noneOf(scale);
        scalars(key).forEach(s -> Words.parse(scale, s.text()).ifPresent(out::add));
        return out;
    }

    public <E extends Enum<E>> List<E> choiceList(String key, Class<E> scale) {
        List<E> out = new ArrayList<>();
        scalars(key).forEach(s -> Words.parse(scale, s.text()).ifPresent(out::add));
        return out;
    }

    /** The scalar items of a list that may also be written as a single value. */
    public List<ScalarNode> scalars(String key) {
        Optional<Node> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof ListNode list) {
            return list.items().stream().map(ScalarNode.class::cast).toList();
        }
        return List.of((ScalarNode) node.get());
    }

    public List<String> texts(String key) {
        return scalars(key).stream().map(ScalarNode::text).toList();
    }

    public Optional<Ref> ref(String key, String system) {
        return node(key).map(n -> ref((ScalarNode) n, system));
    }

    public List<Ref> refs(String key, String system) {
        return scalars(key).stream().map(s -> ref(s, system)).toList();
    }

    private static Ref ref(ScalarNode s, String system) {
        return new Ref(s.text(), system, s.file(), s.line(), s.column());
    }

    /** An entry of an id-keyed mapping, checked as its object. */
    public record Keyed(String id, SourceLocation at, CheckedObject value) {}

    /** The entries of a {@link ValueType.MapOf} field, each checked; entries that fail are left out. */
    public List<Keyed> entries(String key) {
        ValueType.MapOf type = (ValueType.MapOf) spec(key).type();
        Optional<Node> node = node(key);
        List<Keyed> out = new ArrayList<>();
        if (node.isEmpty()) {
            return out;
        }
        // Entries whose id is bad were reported when the mapping was checked; they are skipped here.
        if (node.get() instanceof ListNode list) {
            for (Node item : list.items()) {
                ScalarNode id = (ScalarNode) item;
                if (isId(id.text(), type)) {
                    check(new MapNode(id.at(), List.of()), type.value(), context, id.at())
                            .ifPresent(o -> out.add(new Keyed(id.text(), id.at(), o)));
                }
            }
            return out;
        }
        for (MapNode.Entry entry : ((MapNode) node.get()).entries()) {
            if (isId(entry.key(), type)) {
                check(entry.value(), type.value(), context, entry.keyAt())
                        .ifPresent(o -> out.add(new Keyed(entry.key(), entry.keyAt(), o)));
            }
        }
        return out;
    }

    /** The items of a list of objects, each checked; items that fail are left out. */
    public List<CheckedObject> objects(String key) {
        ValueType.ListOf type = (ValueType.ListOf) spec(key).type();
        ObjectSpec item = ((ValueType.Obj) type.item()).spec();
        List<CheckedObject> out = new ArrayList<>();
        node(key).ifPresent(n -> {
            for (Node node : ((ListNode) n).items()) {
                check(node, item, context, node.at()).ifPresent(out::add);
            }
        });
        return out;
    }

    /** A nested object. */
    public Optional<CheckedObject> object(String key) {
        ValueType.Obj type = (ValueType.Obj) spec(key).type();
        return node(key).flatMap(n -> check(n, type.spec(), context, at(key)));
    }
}
