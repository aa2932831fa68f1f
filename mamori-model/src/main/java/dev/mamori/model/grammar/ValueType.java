package dev.mamori.model.grammar;

import java.util.List;

/** The type of a field's value in the model language. */
public sealed interface ValueType {

    /** Free text. */
    record Text() implements ValueType {}

    /** A whole number within bounds. */
    record Whole(long min, long max) implements ValueType {}

    /** {@code true} or {@code false}. */
    record Bool() implements ValueType {}

    /** A calendar date, {@code 2027-03-31}. */
    record Date() implements ValueType {}

    /** A length of time: {@code 90s}, {@code 15m}, {@code 4h}, {@code 2d}, {@code 1h30m}. */
    record Span() implements ValueType {}

    /**
     * An IPv4 or IPv6 address or, with {@code network}, also a network in CIDR form
     * ({@code 10.20.0.0/16}); only literal addresses, never host names.
     */
    record Address(boolean network) implements ValueType {}

    /** A word of an open vocabulary (built in, and extensible in the model's {@code vocabulary}). */
    record Word(String vocabulary) implements ValueType {}

    /** One of a closed, ordered scale. */
    record Choice(List<String> words) implements ValueType {
        public Choice {
            words = List.copyOf(words);
        }
    }

    /** A reference to another element, by id; {@code target} says what kind of element. */
    record Reference(String target) implements ValueType {}

    /** A list; with {@code single} a lone value may be written without brackets. */
    record ListOf(ValueType item, boolean single) implements ValueType {}

    /**
     * A mapping from ids to objects, its ids written as {@code ids} says. When the object has no
     * required field, an entry may be left empty ({@code gate-ot:}) and the whole mapping may be
     * written as a list of ids.
     */
    record MapOf(ObjectSpec value, IdForm ids) implements ValueType {

        /** A mapping keyed by the model's ids. */
        public MapOf(ObjectSpec value) {
            this(value, IdForm.MODEL);
        }
    }

    /** One nested object. */
    record Obj(ObjectSpec spec) implements ValueType {}

    /**
     * What a mission needs: a component reference, a list (all of them), or one of
     * {@code all: [...]}, {@code any: [...]}, {@code at-least: K, of: [...]}, nested freely.
     */
    record NeedsExpression() implements ValueType {}
}
