package dev.mamori.model.grammar;

import dev.mamori.model.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of a language, generated from its grammar ({@link Grammar} for the
 * model) so that editors complete and check files exactly as Mamori reads them. Open vocabularies
 * are offered as completions but any word validates, because a landscape may add words of its own.
 */
public final class JsonSchema {

    /** Where the schema says it lives; editors only use it as a name. */
    public static final String ID = Grammar.LANGUAGE.schemaId();

    static final String ID_PATTERN = IdForm.MODEL.anchored();
    static final String REFERENCE_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9][A-Za-z0-9_-]*){0,2}$";
    static final String SPAN_PATTERN = "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$|^[Pp].+$";

    private final Language language;
    private final Vocabulary vocabulary;
    private boolean needsUsed;

    /** The schema of the model language, offering {@code vocabulary}'s words. */
    public JsonSchema(Vocabulary vocabulary) {
        this(Grammar.LANGUAGE, vocabulary);
    }

    public JsonSchema(Language language, Vocabulary vocabulary) {
        this.language = language;
        this.vocabulary = vocabulary;
    }

    /** The schema as plain maps and lists, ready to be written as JSON. */
    public Map<String, Object> toMap() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", language.schemaId());
        schema.put("title", language.title());
        schema.put("description", language.root().doc());
        schema.put("$ref", "#/$defs/" + defName(language.root()));
        Map<String, Object> defs = new LinkedHashMap<>();
        for (ObjectSpec spec : language.objects()) {
            defs.put(defName(spec), object(spec));
        }
        if (needsUsed) {
            defs.put("needs", needs());
        }
        schema.put("$defs", defs);
        return schema;
    }

    static String defName(ObjectSpec spec) {
        return spec.name().replace(' ', '-');
    }

    private Map<String, Object> object(ObjectSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "object");
        out.put("description", spec.doc());
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (FieldSpec field : spec.fields()) {
            Map<String, Object> property = new LinkedHashMap<>(type(field.type()));
            property.put(
                    "description",
                    field.doc() + (field.defaultText() == null ? "" : " Default: " + field.defaultText() + "."));
            properties.put(field.key(), property);
            if (field.required()) {
                required.add(field.key());
            }
        }
        out.put("properties", properties);
        if (!required.isEmpty()) {
            out.put("required", required);
        }
        out.put("additionalProperties", false);
        return out;
    }

    private Map<String, Object> type(ValueType type) {
        if (type instanceof ValueType.Text) {
            return Map.of("type", List.of("string", "number", "boolean"));
        }
        if (type instanceof ValueType.Whole whole) {
            return ordered("type", "integer", "minimum", whole.min(), "maximum", whole.max());
        }
        if (type instanceof ValueType.Bool) {
            return Map.of("type", "boolean");
        }
        if (type instanceof ValueType.Date) {
            return ordered("type", "string", "format", "date");
        }
        if (type instanceof ValueType.Span) {
            return ordered("type", "string", "pattern", SPAN_PATTERN);
        }
        if (type instanceof ValueType.Address) {
            // Checked in full when the model loads; the schema only helps editors.
            return ordered("type", "string", "pattern", "^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$");
        }
        if (type instanceof ValueType.Choice choice) {
            return Map.of("enum", choice.words());
        }
        if (type instanceof ValueType.Word word) {
            List<String> known = List.copyOf(vocabulary.words(word.vocabulary()));
            return Map.of("anyOf", List.of(Map.of("enum", known), ordered("type", "string", "pattern", ID_PATTERN)));
        }
        if (type instanceof ValueType.Reference) {
            return ordered("type", "string", "pattern", REFERENCE_PATTERN);
        }
        if (type instanceof ValueType.ListOf list) {
            Map<String, Object> array = ordered("type", "array", "items", type(list.item()));
            if (!list.single()) {
                return array;
            }
            return Map.of("anyOf", List.of(type(list.item()), array, Map.of("type", "null")));
        }
        if (type instanceof ValueType.MapOf mapOf) {
            Map<String, Object> entry = Map.of(
                    "anyOf", List.of(Map.of("$ref", "#/$defs/" + defName(mapOf.value())), Map.of("type", "null")));
            String idPattern = mapOf.ids().anchored();
            Map<String, Object> map = ordered(
                    "type", "object", "propertyNames", Map.of("pattern", idPattern), "additionalProperties", entry);
            if (mapOf.value().hasRequiredFields()) {
                return Map.of("anyOf", List.of(map, Map.of("type", "null")));
            }
            Map<String, Object> ids =
                    ordered("type", "array", "items", ordered("type", "string", "pattern", idPattern));
            return Map.of("anyOf", List.of(map, ids, Map.of("type", "null")));
        }
        if (type instanceof ValueType.Obj obj) {
            return Map.of("$ref", "#/$defs/" + defName(obj.spec()));
        }
        if (type instanceof ValueType.NeedsExpression) {
            needsUsed = true;
            return Map.of("$ref", "#/$defs/needs");
        }
        throw new IllegalStateException("no schema for " + type);
    }

    private static Map<String, Object> needs() {
        Map<String, Object> self = Map.of("$ref", "#/$defs/needs");
        Map<String, Object> list = ordered("type", "array", "items", self, "minItems", 1);
        return ordered(
                "description",
                "What a mission or a component needs: a component or a named flow (system.id), a list (all of them), or all/any/at-least.",
                "anyOf",
                List.of(
                        ordered("type", "string", "pattern", REFERENCE_PATTERN),
                        list,
                        closed(Map.of("all", list), List.of("all")),
                        closed(Map.of("any", list), List.of("any")),
                        closed(
                                ordered("at-least", ordered("type", "integer", "minimum", 1), "of", list),
                                List.of("at-least", "of"))));
    }

    private static Map<String, Object> closed(Map<String, Object> properties, List<String> required) {
        return ordered("type", "object", "properties", properties, "required", required, "additionalProperties", false);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
