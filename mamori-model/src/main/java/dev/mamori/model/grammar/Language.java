package dev.mamori.model.grammar;

import java.util.List;

/**
 * A language read with this package's machinery: the model language ({@link Grammar#LANGUAGE}), or
 * another file format declared with the same {@link ObjectSpec}s, such as the compliance catalog.
 * The loader checks input against its objects, and its JSON Schema ({@link JsonSchema}) and
 * reference ({@link ReferenceDoc}) are generated from them.
 *
 * @param title what the schema calls the language
 * @param schemaId where its schema says it lives; editors only use it as a name
 * @param root the object a whole file is
 * @param objects every object of the language, in the order the reference presents them
 */
public record Language(String title, String schemaId, ObjectSpec root, List<ObjectSpec> objects) {

    public Language {
        objects = List.copyOf(objects);
        if (!objects.contains(root)) {
            throw new IllegalArgumentException(title + " lists its objects without its root " + root);
        }
    }
}
