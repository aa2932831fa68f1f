package dev.mamori.model.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object of a language (the model's, or another declared the same way, such as the compliance
 * catalog): its keys, their types, defaults and documentation. The loader checks input against it,
 * and the JSON Schema and the reference in the docs are generated from it, so the three cannot
 * drift apart.
 */
public final class ObjectSpec {

    private final String name;
    private final String doc;
    private final String example;
    private final Map<String, FieldSpec> fields = new LinkedHashMap<>();
    private final List<FieldSpec> ordered = new ArrayList<>();
    private final List<FieldSpec> required = new ArrayList<>();

    private ObjectSpec(String name, String doc, String example) {
        this.name = name;
        this.doc = doc;
        this.example = example;
    }

    /** Starts an object named {@code name} (as it is called in messages and docs). */
    public static ObjectSpec object(String name, String doc, String example) {
        return new ObjectSpec(name, doc, example);
    }

    public ObjectSpec required(String key, ValueType type, String doc) {
        return add(new FieldSpec(key, type, true, null, doc));
    }

    public ObjectSpec optional(String key, ValueType type, String defaultText, String doc) {
        return add(new FieldSpec(key, type, false, defaultText, doc));
    }

    private ObjectSpec add(FieldSpec field) {
        if (fields.putIfAbsent(field.key(), field) != null) {
            throw new IllegalStateException(name + " declares '" + field.key() + "' twice");
        }
        ordered.add(field);
        if (field.required()) {
            required.add(field);
        }
        return this;
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public String example() {
        return example;
    }

    public List<FieldSpec> fields() {
        return Collections.unmodifiableList(ordered);
    }

    /** The required fields, in order; every object checked asks for them, so they are kept apart. */
    public List<FieldSpec> requiredFields() {
        return Collections.unmodifiableList(required);
    }

    public Optional<FieldSpec> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public boolean hasRequiredFields() {
        return !required.isEmpty();
    }

    @Override
    public String toString() {
        return name;
    }
}
