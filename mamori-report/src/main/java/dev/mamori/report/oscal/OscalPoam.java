package dev.mamori.report.oscal;

import static dev.mamori.report.oscal.OscalJson.prop;
import static dev.mamori.report.oscal.OscalJson.propWithRemarks;
import static dev.mamori.report.oscal.OscalJson.string;

import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open gaps as an OSCAL plan of action and milestones: one item per element that keeps a
 * requirement from holding, with what would fix it, the requirement and means it serves, and where
 * the element is written. Elements of a requirement that holds anyway (one of several means suffices)
 * are no gap and have no item.
 */
public final class OscalPoam {

    /** The file the plan is written to. */
    public static final String FILE = "poam.json";

    private OscalPoam() {}

    /** The plan, or empty when nothing is open: OSCAL's plan needs at least one item. */
    public static Optional<String> render(
            ComplianceResult result, String landscape, LocalDate date, String mamoriVersion) {
        if (!hasItems(result)) {
            return Optional.empty();
        }
        StringWriter text = new StringWriter();
        try {
            write(result, landscape, date, mamoriVersion, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return Optional.of(text.toString());
    }

    /** One element that keeps a requirement from holding: an item of the plan. */
    private record Open(
            SystemCompliance system, RequirementResult requirement, MeansResult means, SubjectResult subject) {}

    /** The items' elements in the plan's order, found as they are written. */
    private static Iterable<Open> open(ComplianceResult result) {
        return () -> result.systems().stream()
                .flatMap(system -> system.requirements().stream()
                        .filter(r -> r.verdict() == Verdict.NOT_SATISFIED || r.verdict() == Verdict.NEEDS_REVIEW)
                        .flatMap(r -> r.means().stream()
                                .flatMap(m -> m.subjects().stream()
                                        .filter(s -> s.verdict() == Verdict.NOT_SATISFIED
                                                || s.verdict() == Verdict.NEEDS_REVIEW)
                                        .map(s -> new Open(system, r, m, s)))))
                .iterator();
    }

    /** Whether anything is open, so that there is a plan to write. */
    public static boolean hasItems(ComplianceResult result) {
        return open(result).iterator().hasNext();
    }

    /** The plan {@link #render} gives, written to {@code to} item by item; call only when {@link #hasItems}. */
    public static void write(ComplianceResult result, String landscape, LocalDate date, String mamoriVersion, Writer to)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", OscalUuid.of("poam", landscape, date.toString(), OscalAssessmentResults.profiles(result)));
        out.put(
                "metadata",
                OscalJson.metadata(
                        "Plan of action for " + landscape,
                        date,
                        "mamori " + mamoriVersion,
                        List.of(prop("landscape", landscape)),
                        "One item per element that keeps a requirement of its system's profile from holding,"
                                + " from the assessment results of the same date (" + OscalAssessmentResults.FILE
                                + ")."));
        out.put("poam-items", List.of()); // written item by item below
        OscalJson.write(
                "plan-of-action-and-milestones",
                out,
                "poam-items",
                open(result),
                o -> item(landscape, o.system(), o.requirement(), o.means(), o.subject()),
                to);
    }

    private static Map<String, Object> item(
            String landscape, SystemCompliance system, RequirementResult r, MeansResult m, SubjectResult s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "uuid",
                OscalUuid.of(
                        "poam-item",
                        landscape,
                        system.system(),
                        m.means().id(),
                        s.subject().id()));
        out.put("title", string(m.means().title() + ": " + s.subject().id()));
        out.put("description", s.gap().isEmpty() ? s.why() : String.join("\n\n", s.gap()));
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("system", system.system()));
        props.add(prop("requirement", r.requirement().id()));
        props.add(prop("means", m.means().id()));
        props.add(prop("element", s.subject().id()));
        props.add(prop("element-kind", s.subject().kind()));
        props.add(prop("verdict", s.verdict().word()));
        props.add(propWithRemarks("obligation", r.obligation().word(), r.obligationWhy()));
        props.addAll(OscalJson.located(s.subject().at()));
        out.put("props", props);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", OscalJson.href(s.subject().at()));
        link.put("rel", "reference");
        link.put("text", string(s.subject().id() + " in the model"));
        out.put("links", List.of(link));
        out.put(
                "remarks",
                s.why() + (r.requirement().anyMeans() ? " (one applicable means of the requirement suffices.)" : ""));
        return out;
    }
}
