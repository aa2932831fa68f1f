package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * An organisation with roles in the landscape.
 *
 * @param vulnerabilityContact where security researchers report vulnerabilities (URL or e-mail)
 */
public record Stakeholder(
        String id,
        String name,
        List<String> roles,
        Optional<String> contact,
        Optional<String> vulnerabilityContact,
        String description,
        SourceLocation at) {

    public Stakeholder {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
