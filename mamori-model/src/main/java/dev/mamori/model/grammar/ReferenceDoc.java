package dev.mamori.model.grammar;

import dev.mamori.model.vocabulary.Vocabulary;
import java.util.List;

/**
 * The language reference in Markdown, generated from {@link Grammar}: one table per object, every
 * key with its type, default and meaning. docs/model.md embeds it, and a test keeps the two equal.
 * The tables of another language ({@link #objects(Language)}) are made the same way.
 */
public final class ReferenceDoc {

    private final Vocabulary vocabulary;

    public ReferenceDoc(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder(objects(Grammar.LANGUAGE));
        out.append("### built-in vocabulary\n\n");
        out.append("Words a landscape can use without declaring them; add more under `vocabulary`.\n\n");
        for (String name : List.of(
                Grammar.ROLES,
                Grammar.CATEGORIES,
                Grammar.SECTORS,
                Grammar.COMPONENT_KINDS,
                Grammar.PROTOCOLS,
                Grammar.ENCRYPTION,
                Grammar.AUTHENTICATION,
                Grammar.DEBUG_INTERFACES,
                Grammar.CREDENTIAL_KINDS)) {
            out.append("- **").append(name).append("**: ");
            out.append(String.join(
                    ", ",
                    vocabulary.words(name).stream().map(w -> "`" + w + "`").toList()));
            out.append("\n");
        }
        return out.toString();
    }

    /** One table per object of {@code language}, in its order, each with its description and example. */
    public static String objects(Language language) {
        StringBuilder out = new StringBuilder();
        for (ObjectSpec spec : language.objects()) {
            out.append("### ").append(spec.name()).append("\n\n");
            out.append(spec.doc()).append("\n\n");
            out.append("```yaml\n").append(spec.example()).append("\n```\n\n");
            out.append("| key | type | default | meaning |\n");
            out.append("| --- | --- | --- | --- |\n");
            for (FieldSpec field : spec.fields()) {
                out.append("| `")
                        .append(field.key())
                        .append("` | ")
                        .append(cell(type(field.type())))
                        .append(" | ")
                        .append(field.required() ? "**required**" : cell(field.defaultText()))
                        .append(" | ")
                        .append(cell(field.doc()))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String type(ValueType type) {
        if (type instanceof ValueType.Text) {
            return "text";
        }
        if (type instanceof ValueType.Whole whole) {
            return whole.min() == whole.max()
                    ? "`" + whole.min() + "`"
                    : "whole number " + whole.min() + "–" + whole.max();
        }
        if (type instanceof ValueType.Bool) {
            return "`true` / `false`";
        }
        if (type instanceof ValueType.Date) {
            return "date (YYYY-MM-DD)";
        }
        if (type instanceof ValueType.Span) {
            return "duration (`15m`, `4h`, `2d`, `1h30m`)";
        }
        if (type instanceof ValueType.Address address) {
            return address.network() ? "IPv4/IPv6 address or CIDR network" : "IPv4/IPv6 address";
        }
        if (type instanceof ValueType.Choice choice) {
            return "one of "
                    + String.join(
                            ", ",
                            choice.words().stream().map(w -> "`" + w + "`").toList());
        }
        if (type instanceof ValueType.Word word) {
            return "word of the " + word.vocabulary() + " vocabulary";
        }
        if (type instanceof ValueType.Reference reference) {
            return "reference to a " + reference.target();
        }
        if (type instanceof ValueType.ListOf list) {
            return "list of " + type(list.item()) + (list.single() ? " (a single one may stand alone)" : "");
        }
        if (type instanceof ValueType.MapOf mapOf) {
            return "mapping of id to " + mapOf.value().name();
        }
        if (type instanceof ValueType.Obj obj) {
            return obj.spec().name();
        }
        return "needs expression";
    }
}
