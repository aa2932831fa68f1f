package dev.mamori.server.account;

import java.util.List;

/**
 * Who a request comes from: an account, whether it runs the server, and its roles.
 *
 * @param memberships every role of the account, on every landscape
 */
public record Principal(long id, String name, boolean serverAdmin, List<Membership> memberships) {

    public Principal {
        memberships = List.copyOf(memberships);
    }

    /** One role for one stakeholder of one landscape. */
    public record Membership(String landscape, String stakeholder, Role role) {}

    public boolean has(String landscape, String stakeholder, Role role) {
        return memberships.stream()
                .anyMatch(m ->
                        m.landscape().equals(landscape) && m.stakeholder().equals(stakeholder) && m.role() == role);
    }

    /** Any role for this stakeholder: every role may read what the stakeholder sees. */
    public boolean memberOf(String landscape, String stakeholder) {
        return memberships.stream()
                .anyMatch(
                        m -> m.landscape().equals(landscape) && m.stakeholder().equals(stakeholder));
    }

    public boolean memberOf(String landscape) {
        return memberships.stream().anyMatch(m -> m.landscape().equals(landscape));
    }
}
