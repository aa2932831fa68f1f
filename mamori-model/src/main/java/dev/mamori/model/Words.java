package dev.mamori.model;

import java.util.Locale;

/** The written form of the model's fixed scales: {@code SIGNED_AUTOMATIC} is {@code signed-automatic}. */
public final class Words {

    private Words() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A duration as the language writes it: {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d}. */
    public static String of(java.time.Duration duration) {
        long s = duration.getSeconds();
        if (s == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long[] unit = {86_400, 3_600, 60, 1};
        String[] name = {"d", "h", "m", "s"};
        for (int i = 0; i < unit.length; i++) {
            if (s >= unit[i]) {
                out.append(s / unit[i]).append(name[i]);
                s %= unit[i];
            }
        }
        return out.toString();
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
