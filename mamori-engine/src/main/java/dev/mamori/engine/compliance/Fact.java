package dev.mamori.engine.compliance;

import dev.mamori.model.Component;
import dev.mamori.model.Scales.Credentials;
import dev.mamori.model.Scales.Logging;
import dev.mamori.model.Scales.UpdatePath;

/**
 * A fact a model-verified means depends on. The rules stay silent on unknown values, so a component
 * whose fact is not stated cannot count as satisfying the means: it needs review until it is stated.
 */
public enum Fact {
    CREDENTIALS("credentials"),
    UPDATE("update"),
    SECURE_BOOT("secure-boot"),
    LOGGING("logging");

    private final String word;

    Fact(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether the model leaves this fact unstated for {@code component}. */
    boolean unstated(Component component) {
        return switch (this) {
            case CREDENTIALS -> component.credentials() == Credentials.UNKNOWN;
            case UPDATE -> component.update() == UpdatePath.UNKNOWN;
            case SECURE_BOOT -> component.secureBoot().isEmpty();
            case LOGGING -> component.logging() == Logging.UNKNOWN;
        };
    }
}
