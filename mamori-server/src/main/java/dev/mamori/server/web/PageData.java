package dev.mamori.server.web;

import java.util.List;
import java.util.Optional;

/**
 * What the templates show, one record per page and part. Every string here may come from a user
 * (a model's names and descriptions, an account's name): the templates escape each where it lands.
 */
public final class PageData {

    private PageData() {}

    /** The frame of every page: title, who is signed in, the landscape's tabs. */
    public record Layout(
            String title,
            String user,
            String csrf,
            String landscape,
            String stakeholder,
            List<Tab> tabs,
            List<Link> stakeholders,
            boolean serverAdmin) {
        public Layout {
            tabs = List.copyOf(tabs);
            stakeholders = List.copyOf(stakeholders);
        }

        public boolean signedIn() {
            return !user.isEmpty();
        }
    }

    public record Tab(String label, String href, boolean current) {}

    public record Link(String label, String href) {}

    public record Login(String next, String error) {}

    public record Message(String heading, String text, int status) {}

    public record Home(List<LandscapeLinks> landscapes) {
        public Home {
            landscapes = List.copyOf(landscapes);
        }
    }

    public record LandscapeLinks(String id, List<Link> stakeholders) {
        public LandscapeLinks {
            stakeholders = List.copyOf(stakeholders);
        }
    }

    /** The landscape map: the stakeholder's systems with their risk, the others by name only. */
    public record MapPage(int revision, String svg, List<SystemRow> own, List<String> others, List<Link> legend) {
        public MapPage {
            own = List.copyOf(own);
            others = List.copyOf(others);
            legend = List.copyOf(legend);
        }
    }

    public record SystemRow(
            String id, String name, String category, int components, int open, String worst, String href) {}

    public record SystemPage(String id, String name, String svg, String findingsHref) {}

    public record Option(String value, String label, boolean selected) {}

    public record FindingsPage(
            int revision,
            long total,
            int page,
            int pages,
            List<FindingRow> rows,
            List<Option> severities,
            List<Option> properties,
            List<Option> layers,
            List<Option> rules,
            List<Option> statuses,
            String text,
            String previous,
            String next) {
        public FindingsPage {
            rows = List.copyOf(rows);
            severities = List.copyOf(severities);
            properties = List.copyOf(properties);
            layers = List.copyOf(layers);
            rules = List.copyOf(rules);
            statuses = List.copyOf(statuses);
        }
    }

    public record FindingRow(
            String href,
            String severity,
            String rule,
            String title,
            String element,
            String system,
            String layer,
            String properties,
            String status,
            String location) {}

    public record FindingPage(
            int revision,
            String severity,
            String rule,
            String title,
            String element,
            String elementKind,
            String system,
            String layer,
            String properties,
            String status,
            String file,
            int line,
            String explanation,
            String likelihood,
            String impact,
            String scoring,
            List<String> mitigations,
            String rootCause,
            String treatment,
            List<String> references,
            Optional<List<SourceLine>> source,
            String sourceNote,
            String back,
            String treatHref) {
        public FindingPage {
            mitigations = List.copyOf(mitigations);
            references = List.copyOf(references);
        }
    }

    public record SourceLine(int number, String text, boolean hit) {
        public String anchor() {
            return "L" + number;
        }
    }

    public record PathsPage(
            int revision,
            String svg,
            List<PathView> paths,
            List<CutView> cuts,
            String plan,
            List<Option> from,
            List<Option> protect) {
        public PathsPage {
            paths = List.copyOf(paths);
            cuts = List.copyOf(cuts);
            from = List.copyOf(from);
            protect = List.copyOf(protect);
        }
    }

    public record PathView(String target, String entry, String probability, List<String> hops) {
        public PathView {
            hops = List.copyOf(hops);
        }
    }

    public record CutView(String from, String to, String element, String weakness, long cost, String why) {}

    public record MissionsPage(int revision, List<MissionView> missions, List<ScenarioView> scenarios) {
        public MissionsPage {
            missions = List.copyOf(missions);
            scenarios = List.copyOf(scenarios);
        }
    }

    public record MissionView(
            String id,
            String name,
            String owner,
            String rto,
            String maxDowntime,
            List<String> single,
            List<String> pairs) {
        public MissionView {
            single = List.copyOf(single);
            pairs = List.copyOf(pairs);
        }
    }

    public record ScenarioView(String name, List<String> outcomes, String gantt) {
        public ScenarioView {
            outcomes = List.copyOf(outcomes);
        }
    }

    public record CompliancePage(
            int revision, List<SystemCompliance> systems, String sarif, String oscal, List<Link> ics) {
        public CompliancePage {
            systems = List.copyOf(systems);
            ics = List.copyOf(ics);
        }
    }

    public record SystemCompliance(String system, String profile, String summary, List<RequirementRow> requirements) {
        public SystemCompliance {
            requirements = List.copyOf(requirements);
        }
    }

    public record RequirementRow(String id, String title, String binding, String verdict, String evidence) {}

    public record HistoryPage(
            List<RevisionRow> revisions, Optional<DiffView> diff, int from, int to, Chart trend, Chart met) {
        public HistoryPage {
            revisions = List.copyOf(revisions);
        }
    }

    public record RevisionRow(
            int number, String stakeholder, String kind, String created, String author, String message, String hash) {}

    public record DiffView(int from, int to, List<String> added, List<String> resolved, List<String> changed) {
        public DiffView {
            added = List.copyOf(added);
            resolved = List.copyOf(resolved);
            changed = List.copyOf(changed);
        }
    }

    public record AdminPage(
            List<String> stakeholders,
            boolean manages,
            List<MemberRow> members,
            boolean audits,
            List<AuditRow> audit,
            String verification,
            List<String> roles) {
        public AdminPage {
            stakeholders = List.copyOf(stakeholders);
            members = List.copyOf(members);
            audit = List.copyOf(audit);
            roles = List.copyOf(roles);
        }
    }

    public record MemberRow(String account, String role) {}

    public record AuditRow(long seq, String at, String actor, String action, String detail, String hash) {}

    public record AccountPage(List<TokenRow> tokens, String newToken, String message, String error) {
        public AccountPage {
            tokens = List.copyOf(tokens);
        }
    }

    public record TokenRow(long id, String label, String created, String revoked) {}

    /** The decisions about a stakeholder's findings, the lapsing ones first, and the form to make one. */
    public record TreatmentsPage(
            String today,
            List<TreatmentRow> lapsing,
            List<TreatmentRow> all,
            boolean maintains,
            TreatmentForm form,
            List<String> statuses,
            String done,
            String error) {
        public TreatmentsPage {
            lapsing = List.copyOf(lapsing);
            all = List.copyOf(all);
            statuses = List.copyOf(statuses);
        }
    }

    public record TreatmentRow(
            String rule,
            String element,
            String status,
            String by,
            String reason,
            String until,
            String left,
            boolean expired,
            String ticket,
            String where,
            String findingsHref) {}

    /** What the form holds: empty, filled from a finding, or as sent when it was refused. */
    public record TreatmentForm(
            String rule, String element, String status, String reason, String until, String ticket, String title) {}

    /** A stakeholder's inbox a page at a time, and its webhooks for its admins. */
    public record InboxPage(
            long total,
            int page,
            int pages,
            List<InboxRow> items,
            String previous,
            String next,
            boolean manages,
            List<WebhookRow> webhooks,
            String newSecret,
            String message,
            String error) {
        public InboxPage {
            items = List.copyOf(items);
            webhooks = List.copyOf(webhooks);
        }
    }

    public record InboxRow(
            long id, int revision, String created, String causedBy, String kind, String what, List<String> hops) {
        public InboxRow {
            hops = List.copyOf(hops);
        }
    }

    public record WebhookRow(long id, String url, String createdBy, String created, String deliveriesHref) {}

    public record DeliveriesPage(long webhook, String url, List<DeliveryRow> deliveries, String back) {
        public DeliveriesPage {
            deliveries = List.copyOf(deliveries);
        }
    }

    public record DeliveryRow(long id, int revision, String state, int attempts, String created, List<String> tries) {
        public DeliveryRow {
            tries = List.copyOf(tries);
        }
    }

    /** A trend chart: the SVG, and its numbers in words for those who cannot see it. */
    public record Chart(String svg, List<String> rows) {
        public Chart {
            rows = List.copyOf(rows);
        }
    }
}
