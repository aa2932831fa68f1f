package dev.mamori.server.web;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Accounts;
import dev.mamori.server.account.Principal;
import java.util.List;

/** The signed-in person's own page: change the password; API tokens made (shown once), listed, revoked. */
final class AccountPages {

    private final Pages pages;

    AccountPages(Pages pages) {
        this.pages = pages;
    }

    WebResponse serve(WebRequest r, Principal p, Sessions.Session session) {
        List<String> s = r.segments();
        boolean get = r.method().equals("GET");
        if (s.size() == 1 && get) {
            return show(p, session, "", "", "", 200);
        }
        if (s.size() == 2 && s.get(1).equals("password") && !get) {
            String current = r.form("current").orElse("");
            String next = r.form("new").orElse("");
            if (!next.equals(r.form("repeat").orElse(""))) {
                return show(p, session, "", "", "the two new passwords differ; the password was not changed", 400);
            }
            try {
                pages.services.accounts().changePassword(p, current, next);
            } catch (ApiError e) {
                return show(p, session, "", "", e.getMessage(), e.status());
            }
            return show(p, session, "", "Your password is changed.", "", 200);
        }
        if (s.size() == 2 && s.get(1).equals("tokens") && !get) {
            String label = r.form("label").orElse("").strip();
            try {
                Accounts.Token token = pages.services.accounts().createToken(p, label);
                // Shown in this answer only (never on a page fetched again): the server keeps its hash alone.
                return show(
                        p,
                        session,
                        token.secret(),
                        "Token \"" + token.label() + "\" made. Copy it now: it is not shown again.",
                        "",
                        201);
            } catch (ApiError e) {
                return show(p, session, "", "", e.getMessage(), e.status());
            }
        }
        if (s.size() == 4 && s.get(1).equals("tokens") && s.get(3).equals("revoke") && !get) {
            long id;
            try {
                id = Long.parseLong(s.get(2));
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("a token id is a number");
            }
            boolean own = session.signedIn.map(si -> si.tokenId() == id).orElse(false);
            pages.services.accounts().revoke(p, id);
            if (own) {
                // Revoking this very session's token signs this browser out.
                pages.sessions.close(session);
                return WebResponse.redirect("/login");
            }
            return WebResponse.redirect("/account");
        }
        return pages.error(404, "there is no such page");
    }

    private WebResponse show(
            Principal p, Sessions.Session session, String newToken, String message, String error, int status) {
        long current = session.signedIn.map(Sessions.SignedIn::tokenId).orElse(-1L);
        List<PageData.TokenRow> tokens = pages.services.accounts().tokens(p).stream()
                .map(t -> new PageData.TokenRow(
                        ((Number) t.get("id")).longValue(),
                        String.valueOf(t.get("label"))
                                + (((Number) t.get("id")).longValue() == current ? " (this browser)" : ""),
                        String.valueOf(t.get("created")),
                        t.get("revoked") == null ? "" : String.valueOf(t.get("revoked"))))
                .toList();
        return pages.page(
                status,
                "account.jte",
                pages.layout("Your account", p, session, "", "", "", List.of()),
                new PageData.AccountPage(tokens, newToken, message, error));
    }
}
