package dev.mamori.server.web;

/** How the pages name what belongs to another stakeholder. */
final class Redacted {

    private Redacted() {}

    /**
     * The system of {@code system.component}, or of a zone as the systemic analysis names it ({@code
     * zone system.zone}); a bare id is its own system.
     */
    static String systemOf(String component) {
        String name = component.startsWith(ZONE) ? component.substring(ZONE.length()) : component;
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static final String ZONE = "zone ";
}
