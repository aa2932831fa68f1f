package dev.mamori.model.load;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.grammar.Grammar;
import dev.mamori.model.syntax.BuiltInTrees;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.vocabulary.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The vocabulary shipped with Mamori, read from {@code vocabulary.yaml} with the model's own reader. */
public final class BuiltInVocabulary {

    /** The name built-in words are located at in messages. */
    static final String FILE = "builtin:vocabulary.yaml";

    private BuiltInVocabulary() {}

    /** The built-in vocabulary; it is read once, on first use. */
    public static Vocabulary get() {
        return Holder.VOCABULARY;
    }

    private static final class Holder {
        static final Vocabulary VOCABULARY = read();
    }

    /** Adds the built-in sections to {@code builder}, failing loudly: a broken built-in file is a bug. */
    private static void addTo(VocabularyBuilder builder, Diagnostics diagnostics) {
        byte[] bytes;
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.yaml")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.yaml is missing from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The tree the build kept beside the file, else the file parsed (BuiltInTrees).
        Node tree = BuiltInTrees.read(Vocabulary.class, "vocabulary.yaml", bytes, FILE, diagnostics)
                .orElseThrow(
                        () -> new IllegalStateException("built-in vocabulary unreadable: " + diagnostics.sorted()));
        CheckedObject.Context context = new CheckedObject.Context(diagnostics, builder::current);
        CheckedObject section =
                CheckedObject.check(tree, Grammar.VOCABULARY, context).orElseThrow();
        builder.addAll(List.of(section));
        if (diagnostics.hasErrors()) {
            throw new IllegalStateException("built-in vocabulary invalid: " + diagnostics.sorted());
        }
    }

    private static Vocabulary read() {
        Diagnostics diagnostics = new Diagnostics();
        VocabularyBuilder builder = new VocabularyBuilder(diagnostics);
        addTo(builder, diagnostics);
        return builder.current();
    }
}
