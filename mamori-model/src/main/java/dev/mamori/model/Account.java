package dev.mamori.model;

import dev.mamori.model.Scales.AccountKind;
import dev.mamori.model.Scales.AccountState;
import dev.mamori.model.diagnostics.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * An account that logs in to components: a directory (domain) account, a local or service account,
 * a vendor's support account. Where it logs in or is used from, its secret can be harvested by an
 * attacker who holds that host; whoever holds the secret logs in wherever the account does, if they
 * have a network route to the login.
 *
 * @param logsInTo the components it logs in to (its secret is left on them too)
 * @param usedFrom the components it is typed or stored on to log in elsewhere (a workstation, a jump host)
 * @param state what is known about its secret
 */
public record Account(
        String id,
        String system,
        String name,
        AccountKind kind,
        List<Ref> logsInTo,
        List<Ref> usedFrom,
        boolean mfa,
        Set<AccountState> state,
        String description,
        SourceLocation at) {

    public Account {
        logsInTo = List.copyOf(logsInTo);
        usedFrom = List.copyOf(usedFrom);
        state = state.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(state));
    }
}
