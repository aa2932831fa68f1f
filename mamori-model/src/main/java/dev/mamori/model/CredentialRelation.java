package dev.mamori.model;

import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;

/**
 * Component {@code holder} holds a secret that the components in {@code acceptedBy} accept: a
 * vendor's remote-access password, a cloud's device-management key, a fleet-wide password.
 * Compromise travels along it.
 *
 * @param shared whether the same secret is held by many (a fleet or a team), not by one party
 */
public record CredentialRelation(
        String id,
        String system,
        Ref holder,
        List<Ref> acceptedBy,
        String kind,
        boolean mfa,
        boolean shared,
        String description,
        SourceLocation at) {

    public CredentialRelation {
        acceptedBy = List.copyOf(acceptedBy);
    }
}
