package dev.mamori.model.grammar;

import java.util.regex.Pattern;

/**
 * How the ids of an id-keyed mapping are written: the pattern the checker and the JSON Schema hold
 * them to, and the rule in words for the message when one breaks it.
 *
 * @param pattern the whole id, without anchors
 * @param rule what to write instead, completing "'X' is not a valid id for a Y; ..."
 */
public record IdForm(Pattern pattern, String rule) {

    /** The model's ids: no dots, because dots qualify references ({@code system.component}). */
    public static final IdForm MODEL = of(
            "[A-Za-z0-9][A-Za-z0-9_-]*",
            "use letters, digits, '-' and '_' (dots are reserved for system.id references)");

    public static IdForm of(String pattern, String rule) {
        return new IdForm(Pattern.compile(pattern), rule);
    }

    public boolean matches(String id) {
        return pattern.matcher(id).matches();
    }

    /** The pattern anchored, as JSON Schema wants it. */
    public String anchored() {
        return "^" + pattern.pattern() + "$";
    }
}
