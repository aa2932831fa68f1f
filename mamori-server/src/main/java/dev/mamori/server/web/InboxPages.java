package dev.mamori.server.web;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Inbox page: what other stakeholders' revisions (and re-assessments) changed for the
 * stakeholder, newest first, as the API's inbox gives it (already cut to what it may see); and for
 * its admins (and the server's), its webhooks: add one (the secret shown once), remove one, read a
 * webhook's delivery log.
 */
final class InboxPages {

    static final int PAGE = 50;

    private final Pages pages;

    InboxPages(Pages pages) {
        this.pages = pages;
    }

    WebResponse serve(WebRequest r, LandscapePages.Context c, List<String> rest) {
        boolean manages = c.who().serverAdmin() || LandscapePages.has(c, Role.ADMIN);
        boolean post = r.method().equals("POST");
        if (rest.size() >= 2 && rest.get(1).equals("webhooks")) {
            if (!manages) {
                return pages.error(403, "only " + c.stakeholder() + "'s admins manage its webhooks");
            }
            if (post && rest.size() == 2) {
                return add(r, c);
            }
            if (rest.size() >= 3) {
                long id;
                try {
                    id = Long.parseLong(rest.get(2));
                } catch (NumberFormatException e) {
                    throw ApiError.badRequest("a webhook is named by its number");
                }
                if (post && rest.size() == 4 && rest.get(3).equals("remove")) {
                    pages.services
                            .webhooks()
                            .remove(c.who(), c.viewer().landscape().id(), c.stakeholder(), id);
                    return WebResponse.redirect(c.base() + "inbox?removed=" + id);
                }
                if (!post && rest.size() == 3) {
                    return deliveries(c, id);
                }
            }
            return pages.error(404, "there is no such page");
        }
        if (rest.size() != 1 || post) {
            return pages.error(post ? 405 : 404, post ? "this page takes no form" : "there is no such page");
        }
        String message = r.query("removed")
                .filter(n -> n.matches("\\d{1,18}"))
                .map(n -> "Webhook " + n + " is removed: nothing more is sent to it.")
                .orElse("");
        return page(r, c, manages, "", message, "", 200);
    }

    private WebResponse add(WebRequest r, LandscapePages.Context c) {
        String url = r.form("url").orElse("").strip();
        String secret = r.form("secret").orElse("");
        try {
            Map<String, Object> made = pages.services
                    .webhooks()
                    .create(
                            c.who(),
                            c.viewer().landscape().id(),
                            c.stakeholder(),
                            url,
                            secret.isEmpty() ? Optional.empty() : Optional.of(secret));
            // The secret is in this answer only: the page that shows it is not a redirect to be reloaded.
            return page(
                    r,
                    c,
                    true,
                    String.valueOf(made.get("secret")),
                    "Webhook " + made.get("id") + " is added. Its secret is shown this once: every delivery is"
                            + " signed with it (X-Mamori-Signature, HMAC-SHA256 of the body).",
                    "",
                    201);
        } catch (ApiError e) {
            if (e.status() == 400) {
                return page(r, c, true, "", "", e.getMessage(), 400);
            }
            throw e;
        }
    }

    private WebResponse page(
            WebRequest r,
            LandscapePages.Context c,
            boolean manages,
            String newSecret,
            String message,
            String error,
            int status) {
        int page;
        try {
            page = Integer.parseInt(r.query("page").orElse("1"));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("page is a whole number");
        }
        if (page < 1 || page > 1_000_000) {
            throw ApiError.badRequest("page is 1 or more");
        }
        Map<String, Object> answer = pages.services.inbox().list(c.viewer(), (page - 1) * PAGE, PAGE);
        long total = ((Number) answer.get("total")).longValue();
        List<PageData.InboxRow> rows = new ArrayList<>();
        for (Object o : (List<?>) answer.get("items")) {
            rows.add(row((Map<?, ?>) o));
        }
        List<PageData.WebhookRow> hooks = new ArrayList<>();
        if (manages) {
            for (Map<String, Object> w : pages.services
                    .webhooks()
                    .list(c.who(), c.viewer().landscape().id(), c.stakeholder())) {
                hooks.add(new PageData.WebhookRow(
                        ((Number) w.get("id")).longValue(),
                        String.valueOf(w.get("url")),
                        String.valueOf(w.get("createdBy")),
                        String.valueOf(w.get("created")),
                        c.base() + "inbox/webhooks/" + w.get("id")));
            }
        }
        int pagesCount = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        String base = c.base() + "inbox";
        return pages.page(
                status,
                "inbox.jte",
                new LandscapePages(pages).layout(c, "Inbox", "inbox"),
                new PageData.InboxPage(
                        total,
                        page,
                        pagesCount,
                        rows,
                        page > 1 ? base + (page == 2 ? "" : "?page=" + (page - 1)) : "",
                        page < pagesCount ? base + "?page=" + (page + 1) : "",
                        manages,
                        hooks,
                        newSecret,
                        message,
                        error));
    }

    private static double probability(Map<?, ?> item) {
        return item.get("probability") instanceof Number n ? n.doubleValue() : 0.0;
    }

    /** An item as a sentence; a path's hops listed as the paths page lists them. */
    static PageData.InboxRow row(Map<?, ?> item) {
        String kind = FindingPages.text(item, "kind");
        String what = switch (kind) {
            case "path-opened", "path-closed" ->
                (kind.equals("path-opened") ? "A path opened" : "A path closed")
                        + " into " + FindingPages.text(item, "target") + " (system "
                        + FindingPages.text(item, "targetSystem") + ") from " + FindingPages.text(item, "entry")
                        + ", probability "
                        + String.format(Locale.ROOT, "%.2f", probability(item));
            case "finding-opened", "finding-closed" ->
                FindingPages.text(item, "severity") + " finding "
                        + FindingPages.text(item, "rule") + " on " + FindingPages.text(item, "element")
                        + (kind.equals("finding-opened") ? " opened" : " closed") + " ("
                        + FindingPages.text(item, "status") + ")";
            case "mission-stoppable" ->
                "Mission " + FindingPages.text(item, "name") + " ("
                        + FindingPages.text(item, "mission") + ") can now be stopped by an attacker from the exposed"
                        + " components";
            case "mission-no-longer-stoppable" ->
                "Mission " + FindingPages.text(item, "name") + " (" + FindingPages.text(item, "mission")
                        + ") can no longer be stopped by an attacker";
            case "treatment-expiring" ->
                "The decision " + FindingPages.text(item, "status") + " on "
                        + FindingPages.text(item, "rule")
                        + (item.containsKey("element") ? " on " + FindingPages.text(item, "element") : "")
                        + " lapses on " + FindingPages.text(item, "until") + " ("
                        + FindingPages.text(item, "daysLeft") + " day(s) left; "
                        + FindingPages.text(item, "file") + ":" + FindingPages.text(item, "line") + ")";
            default -> kind;
        };
        List<String> hops = new ArrayList<>();
        if (item.get("hops") instanceof List<?> list) {
            for (Object h : list) {
                hops.add(AnalysisPages.hop((Map<?, ?>) h));
            }
        }
        return new PageData.InboxRow(
                item.get("id") instanceof Number n ? n.longValue() : 0,
                item.get("revision") instanceof Number n ? n.intValue() : 0,
                FindingPages.text(item, "created"),
                FindingPages.text(item, "causedBy"),
                kind,
                what,
                hops);
    }

    private WebResponse deliveries(LandscapePages.Context c, long id) {
        String landscape = c.viewer().landscape().id();
        String url = pages.services.webhooks().list(c.who(), landscape, c.stakeholder()).stream()
                .filter(w -> ((Number) w.get("id")).longValue() == id)
                .map(w -> String.valueOf(w.get("url")))
                .findFirst()
                .orElse("(removed)");
        List<PageData.DeliveryRow> rows = new ArrayList<>();
        for (Map<String, Object> d :
                pages.services.webhooks().deliveries(c.who(), landscape, c.stakeholder(), id, 0, 100)) {
            List<String> tries = new ArrayList<>();
            for (Object o : (List<?>) d.get("tries")) {
                Map<?, ?> t = (Map<?, ?>) o;
                tries.add("attempt " + FindingPages.text(t, "attempt") + " at " + FindingPages.text(t, "at") + ": "
                        + (t.containsKey("status")
                                ? "HTTP " + FindingPages.text(t, "status")
                                : FindingPages.text(t, "error")));
            }
            rows.add(new PageData.DeliveryRow(
                    ((Number) d.get("id")).longValue(),
                    ((Number) d.get("revision")).intValue(),
                    String.valueOf(d.get("state")) + (d.containsKey("next") ? " (next try " + d.get("next") + ")" : ""),
                    ((Number) d.get("attempts")).intValue(),
                    String.valueOf(d.get("created")),
                    tries));
        }
        return pages.page(
                200,
                "deliveries.jte",
                new LandscapePages(pages).layout(c, "Webhook " + id, "inbox"),
                new PageData.DeliveriesPage(id, url, rows, c.base() + "inbox"));
    }
}
