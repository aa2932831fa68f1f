package dev.mamori.server.web;

import dev.mamori.server.ApiError;
import dev.mamori.server.account.Role;
import dev.mamori.server.treatment.Treatments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Treatments page: the decisions that concern the stakeholder (written in its files or decided
 * by it), those lapsing within {@link Treatments#WARN_DAYS} days or lapsed first, and for its
 * maintainers the form that accepts, mitigates or transfers a finding with why and until. The form
 * goes through the API's own service: the decision is written into the stakeholder's treatments
 * file as a new revision, checked and refused exactly as the API checks and refuses it.
 */
final class TreatmentPages {

    private final Pages pages;

    TreatmentPages(Pages pages) {
        this.pages = pages;
    }

    WebResponse serve(WebRequest r, LandscapePages.Context c, List<String> rest) {
        if (rest.size() != 1) {
            return pages.error(404, "there is no such page");
        }
        boolean maintains = LandscapePages.has(c, Role.MAINTAINER);
        if (r.method().equals("POST")) {
            if (!maintains) {
                return pages.error(403, "only " + c.stakeholder() + "'s maintainers treat its findings");
            }
            return decide(r, c);
        }
        PageData.TreatmentForm form = new PageData.TreatmentForm(
                bounded(r.query("rule"), 100),
                bounded(r.query("element"), 300),
                "accepted",
                "",
                "",
                "",
                bounded(r.query("title"), 300));
        String done = r.query("done")
                .filter(n -> n.matches("\\d{1,9}"))
                .map(n -> "Your decision is recorded as revision " + n
                        + ": the treatments file holds it, and that revision's assessment reads it.")
                .orElse("");
        return page(c, maintains, form, done, "", 200);
    }

    private static String bounded(Optional<String> value, int max) {
        String v = value.orElse("");
        return v.length() > max ? v.substring(0, max) : v;
    }

    private WebResponse decide(WebRequest r, LandscapePages.Context c) {
        PageData.TreatmentForm sent = new PageData.TreatmentForm(
                r.form("rule").orElse("").strip(),
                r.form("element").orElse("").strip(),
                r.form("status").orElse(""),
                r.form("reason").orElse("").replace("\r\n", "\n"),
                r.form("until").orElse("").strip(),
                r.form("ticket").orElse("").strip(),
                r.form("title").orElse(""));
        try {
            Treatments.Decision d = pages.services
                    .treatments()
                    .decision(
                            c.stakeholder(),
                            sent.rule(),
                            sent.element(),
                            sent.status(),
                            sent.reason(),
                            sent.until(),
                            sent.ticket().isEmpty() ? Optional.empty() : Optional.of(sent.ticket()));
            Map<String, Object> made = pages.services
                    .treatments()
                    .record(c.who(), c.viewer().landscape().id(), d);
            return WebResponse.redirect(c.base() + "treatments?done=" + made.get("revision"));
        } catch (ApiError e) {
            if (e.status() == 400 || e.status() == 403 || e.status() == 404 || e.status() == 422) {
                // Refused as the API refuses it: the form comes back as sent, with the reason.
                return page(c, true, sent, "", e.getMessage(), e.status());
            }
            throw e;
        }
    }

    private WebResponse page(
            LandscapePages.Context c,
            boolean maintains,
            PageData.TreatmentForm form,
            String done,
            String error,
            int status) {
        Map<String, Object> answer = pages.services.treatments().list(c.viewer(), Optional.empty());
        List<PageData.TreatmentRow> lapsing = new ArrayList<>();
        List<PageData.TreatmentRow> all = new ArrayList<>();
        for (Object o : (List<?>) answer.get("treatments")) {
            Map<?, ?> t = (Map<?, ?>) o;
            String element = FindingPages.text(t, "element");
            boolean expired = Boolean.TRUE.equals(t.get("expired"));
            long days = t.get("daysLeft") instanceof Number n ? n.longValue() : Long.MAX_VALUE;
            String left = !t.containsKey("until")
                    ? "no end"
                    : expired ? "lapsed " + (-days) + " day(s) ago" : days + " day(s) left";
            PageData.TreatmentRow row = new PageData.TreatmentRow(
                    FindingPages.text(t, "rule"),
                    element.isEmpty() ? "(every element)" : element,
                    FindingPages.text(t, "status"),
                    FindingPages.text(t, "by"),
                    FindingPages.text(t, "reason"),
                    FindingPages.text(t, "until"),
                    left,
                    expired,
                    FindingPages.text(t, "ticket"),
                    FindingPages.text(t, "file") + ":" + FindingPages.text(t, "line"),
                    c.base() + "findings?rule=" + Pages.encode(FindingPages.text(t, "rule"))
                            + (element.isEmpty() ? "" : "&q=" + Pages.encode(element)));
            all.add(row);
            if (expired || days <= Treatments.WARN_DAYS) {
                lapsing.add(row);
            }
        }
        return pages.page(
                status,
                "treatments.jte",
                new LandscapePages(pages).layout(c, "Treatments", "treatments"),
                new PageData.TreatmentsPage(
                        String.valueOf(answer.get("today")),
                        lapsing,
                        all,
                        maintains,
                        form,
                        Treatments.STATUSES,
                        done,
                        error));
    }
}
