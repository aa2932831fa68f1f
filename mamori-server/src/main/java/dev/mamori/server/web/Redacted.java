package dev.mamori.server.web;

/** How the pages name what belongs to another stakeholder. */
final class Redacted {

    private Redacted() {}

    /** The system of {@code system.component}; a bare id is its own system. */
    static String systemOf(String component) {
        int dot = component.indexOf('.');
        return dot > 0 ? component.substring(0, dot) : component;
    }
}
