package dev.mamori.server.account;

import java.util.Locale;
import java.util.Optional;

/** What a person may do for one stakeholder of a landscape. */
public enum Role {
    /** Manages the stakeholder's members. */
    ADMIN,
    /** Pushes the stakeholder's files; treats findings on its elements. */
    MAINTAINER,
    /** Reads what the stakeholder may see. */
    VIEWER,
    /** Reads the audit log. */
    AUDITOR;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String word) {
        for (Role r : values()) {
            if (r.word().equals(word)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
