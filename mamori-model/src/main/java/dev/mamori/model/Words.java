package dev.mamori.model;

import java.util.Locale;

/** The written form of the model's fixed scales: {@code SIGNED_AUTOMATIC} is {@code signed-automatic}. */
public final class Words {

    private Words() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static <E extends Enum<E>> java.util.List<String> all(Class<E> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Words::of).toList();
    }

    public static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String word) {
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(word)) {
                return java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
