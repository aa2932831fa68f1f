package dev.mamori.model.load;

import dev.mamori.model.Layer;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.grammar.Grammar;
import dev.mamori.model.vocabulary.Vocabulary;
import dev.mamori.model.vocabulary.Vocabulary.Category;
import dev.mamori.model.vocabulary.Vocabulary.ComponentKind;
import dev.mamori.model.vocabulary.Vocabulary.Means;
import dev.mamori.model.vocabulary.Vocabulary.Protocol;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import dev.mamori.model.vocabulary.Vocabulary.Term;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Builds the vocabulary from its sections: the built-in one first, then each file's additions. A
 * word may be defined once; redefining a built-in word would silently change what rules conclude.
 */
final class VocabularyBuilder {

    private final Diagnostics diagnostics;
    private final Map<String, Term> roles = new LinkedHashMap<>();
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, Term> sectors = new LinkedHashMap<>();
    private final Map<String, ComponentKind> kinds = new LinkedHashMap<>();
    private final Map<String, Protocol> protocols = new LinkedHashMap<>();
    private final Map<String, Means> encryption = new LinkedHashMap<>();
    private final Map<String, Means> authentication = new LinkedHashMap<>();
    private final Map<String, Term> debugInterfaces = new LinkedHashMap<>();
    private final Map<String, Term> credentialKinds = new LinkedHashMap<>();
    private final Map<String, SourceLocation> definedAt = new HashMap<>();
    private Vocabulary current = Vocabulary.empty();

    VocabularyBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Vocabulary current() {
        return current;
    }

    /** Starts from an already-built vocabulary (the built-in one), whose words count as defined. */
    void seed(Vocabulary vocabulary) {
        seed(Grammar.ROLES, vocabulary.roles(), roles);
        seed(Grammar.CATEGORIES, vocabulary.categories(), categories);
        seed(Grammar.SECTORS, vocabulary.sectors(), sectors);
        seed(Grammar.COMPONENT_KINDS, vocabulary.componentKinds(), kinds);
        seed(Grammar.PROTOCOLS, vocabulary.protocols(), protocols);
        seed(Grammar.ENCRYPTION, vocabulary.encryption(), encryption);
        seed(Grammar.AUTHENTICATION, vocabulary.authentication(), authentication);
        seed(Grammar.DEBUG_INTERFACES, vocabulary.debugInterfaces(), debugInterfaces);
        seed(Grammar.CREDENTIAL_KINDS, vocabulary.credentialKinds(), credentialKinds);
        refresh();
    }

    private <V> void seed(String name, Map<String, V> words, Map<String, V> into) {
        words.forEach((id, value) -> {
            into.put(id, value);
            definedAt.put(name + "/" + id, SourceLocation.startOf(BuiltInVocabulary.FILE));
        });
    }

    /**
     * Adds the means of encryption and authentication of {@code sections}, then everything else,
     * so that a protocol may use a means defined in any file.
     */
    void addAll(List<CheckedObject> sections) {
        for (CheckedObject section : sections) {
            for (CheckedObject.Keyed e : section.entries(Grammar.ENCRYPTION)) {
                define(Grammar.ENCRYPTION, e, encryption, means(e));
            }
            for (CheckedObject.Keyed e : section.entries(Grammar.AUTHENTICATION)) {
                define(Grammar.AUTHENTICATION, e, authentication, means(e));
            }
        }
        refresh();
        for (CheckedObject section : sections) {
            terms(section, Grammar.ROLES, roles);
            for (CheckedObject.Keyed e : section.entries(Grammar.CATEGORIES)) {
                CheckedObject o = e.value();
                define(
                        Grammar.CATEGORIES,
                        e,
                        categories,
                        new Category(e.id(), o.text("description", ""), o.bool("critical", false), (int)
                                o.whole("weight", 1)));
            }
            terms(section, Grammar.SECTORS, sectors);
            terms(section, Grammar.DEBUG_INTERFACES, debugInterfaces);
            terms(section, Grammar.CREDENTIAL_KINDS, credentialKinds);
            for (CheckedObject.Keyed e : section.entries(Grammar.COMPONENT_KINDS)) {
                CheckedObject o = e.value();
                List<Layer> layers = o.choiceList("layers", Layer.class);
                if (layers.isEmpty()) {
                    diagnostics.error(o.at("layers"), "missing-key", "a component kind needs at least one layer");
                    continue;
                }
                define(
                        Grammar.COMPONENT_KINDS,
                        e,
                        kinds,
                        new ComponentKind(
                                e.id(),
                                layers,
                                o.bool("actuates", false),
                                o.bool("radio", false),
                                o.text("description", "")));
            }
            for (CheckedObject.Keyed e : section.entries(Grammar.PROTOCOLS)) {
                define(Grammar.PROTOCOLS, e, protocols, protocol(e));
            }
        }
        refresh();
    }

    private Protocol protocol(CheckedObject.Keyed e) {
        CheckedObject o = e.value();
        List<String> encryptions = o.has("encryption") ? o.texts("encryption") : List.of("none");
        List<String> authentications = o.has("authentication") ? o.texts("authentication") : List.of("none");
        String defaultEncryption = o.text("default-encryption", "none");
        String defaultAuthentication = o.text("default-authentication", "none");
        if (!encryptions.contains(defaultEncryption)) {
            diagnostics.error(
                    o.at("default-encryption"),
                    "inconsistent-protocol",
                    "protocol " + e.id() + " defaults to encryption '" + defaultEncryption
                            + "', which is not among its encryption " + encryptions);
        }
        if (!authentications.contains(defaultAuthentication)) {
            diagnostics.error(
                    o.at("default-authentication"),
                    "inconsistent-protocol",
                    "protocol " + e.id() + " defaults to authentication '" + defaultAuthentication
                            + "', which is not among its authentication " + authentications);
        }
        String transport = o.text("transport", "any");
        if (o.has("port") && !List.of("tcp", "udp", "any").contains(transport)) {
            diagnostics.error(
                    o.at("port"),
                    "port-without-ip",
                    "protocol " + e.id() + " runs over " + transport + ", not over TCP or UDP, so it has no port;"
                            + " remove 'port'");
        }
        return new Protocol(
                e.id(),
                transport,
                o.bool("commands", true),
                encryptions,
                authentications,
                defaultEncryption,
                defaultAuthentication,
                o.text("description", ""),
                o.whole("port").map(p -> OptionalInt.of(p.intValue())).orElse(OptionalInt.empty()));
    }

    private static Means means(CheckedObject.Keyed e) {
        CheckedObject o = e.value();
        Strength strength = Strength.valueOf(o.text("strength", "none").toUpperCase(Locale.ROOT));
        return new Means(e.id(), strength, o.text("description", ""));
    }

    private void terms(CheckedObject section, String vocabulary, Map<String, Term> into) {
        for (CheckedObject.Keyed e : section.entries(vocabulary)) {
            define(vocabulary, e, into, new Term(e.id(), e.value().text("description", "")));
        }
    }

    private <V> void define(String vocabulary, CheckedObject.Keyed e, Map<String, V> into, V value) {
        SourceLocation first = definedAt.putIfAbsent(vocabulary + "/" + e.id(), e.at());
        if (first != null) {
            diagnostics.error(
                    e.at(),
                    "duplicate-word",
                    "'" + e.id() + "' is already a word of the " + vocabulary + " vocabulary"
                            + (first.file().startsWith("builtin:") ? " (built in)" : " (defined at " + first + ")")
                            + "; a word is defined once");
            return;
        }
        into.put(e.id(), value);
    }

    private void refresh() {
        current = new Vocabulary(
                roles,
                categories,
                sectors,
                kinds,
                protocols,
                encryption,
                authentication,
                debugInterfaces,
                credentialKinds);
    }
}
