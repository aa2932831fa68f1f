package dev.mamori.engine.compliance;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A catalog version, {@code YEAR.N} (2026.1): requirements are valid from one, superseded in a later one. */
public record CatalogVersion(int year, int release) implements Comparable<CatalogVersion> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})\\.(\\d{1,3})");

    public static Optional<CatalogVersion> parse(String text) {
        Matcher m = FORM.matcher(text);
        return m.matches()
                ? Optional.of(new CatalogVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    @Override
    public int compareTo(CatalogVersion o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(release, o.release);
    }

    @Override
    public String toString() {
        return year + "." + release;
    }
}
