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
import dev.mamori.engine.risk.Finding;
import dev.mamori.model.Control;
import dev.mamori.model.Words;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compliance verdicts as OSCAL assessment results: one result per system, one finding per
 * requirement of its profile targeting the requirement's assessment objective, and one observation
 * per applicable means carrying the evidence: the elements judged, the risk findings of its rules and
 * the controls declared, each located in the model file and line ({@code relevant-evidence}).
 *
 * <p>OSCAL's objective status knows only {@code satisfied} and {@code not-satisfied}. A requirement
 * that needs review is not satisfied until a person confirms it (reason {@code needs-review}); one
 * that does not apply is satisfied with reason {@code not-applicable} and implementation status
 * {@code not-applicable}. The {@code verdict} property always gives Mamori's own word.
 */
public final class OscalAssessmentResults {

    /** The file the assessment results are written to. */
    public static final String FILE = "assessment-results.json";

    private OscalAssessmentResults() {}

    /** Where the landscape was judged: its name, the date, and the profile override if any. */
    static String uuid(String landscape, LocalDate date, ComplianceResult result) {
        return OscalUuid.of("assessment-results", landscape, date.toString(), profiles(result));
    }

    static String profiles(ComplianceResult result) {
        Set<String> ids = new LinkedHashSet<>();
        result.systems().forEach(s -> ids.add(s.profile().id()));
        return String.join(",", ids);
    }

    static String observationUuid(String landscape, SystemCompliance system, MeansResult m) {
        return OscalUuid.of("observation", landscape, system.system(), m.means().id());
    }

    /**
     * @param landscape the landscape's name
     * @param files the model files read, root first
     * @param profileFiles the profile documents written beside these results
     */
    public static String render(
            ComplianceResult result,
            String landscape,
            List<String> files,
            List<String> profileFiles,
            LocalDate date,
            String mamoriVersion) {
        StringWriter text = new StringWriter();
        try {
            write(result, landscape, files, profileFiles, date, mamoriVersion, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a string cannot fail to be written", e);
        }
        return text.toString();
    }

    /**
     * The document {@link #render} gives, written to {@code to} one system's result at a time (a
     * system's result holds an observation per means and a finding per element that falls short).
     */
    public static void write(
            ComplianceResult result,
            String landscape,
            List<String> files,
            List<String> profileFiles,
            LocalDate date,
            String mamoriVersion,
            Writer to)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", uuid(landscape, date, result));
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("landscape", landscape));
        result.jurisdictions().forEach(j -> props.add(prop("jurisdiction", j)));
        props.add(
                prop("catalog", result.catalog().name() + " " + result.catalog().version()));
        out.put(
                "metadata",
                OscalJson.metadata(
                        "Compliance of " + landscape,
                        date,
                        "mamori " + mamoriVersion,
                        props,
                        "Written by Mamori " + mamoriVersion + " from the model; every verdict is decided from the"
                                + " model, from declared controls, or left to a person (needs-review)."));
        String plan = OscalUuid.of("assessment-plan", landscape, date.toString());
        Map<String, Object> importAp = new LinkedHashMap<>();
        importAp.put("href", "#" + plan);
        importAp.put(
                "remarks",
                "Mamori writes no separate assessment plan: the plan is the catalog, the profiles and the model"
                        + " files, named in the back matter.");
        out.put("import-ap", importAp);
        out.put("results", List.of()); // written system by system below
        List<Object> resources = new ArrayList<>();
        Map<String, Object> ap = new LinkedHashMap<>();
        ap.put("uuid", plan);
        ap.put("title", "What the assessment was planned against");
        ap.put("description", "The requirement catalog, the profiles the systems were held to, and the model.");
        List<Object> rlinks = new ArrayList<>();
        rlinks.add(Map.of("href", OscalCatalog.FILE));
        profileFiles.forEach(f -> rlinks.add(Map.of("href", f)));
        files.forEach(f -> rlinks.add(Map.of("href", OscalJson.fileHref(f))));
        ap.put("rlinks", rlinks);
        resources.add(ap);
        out.put("back-matter", Map.of("resources", resources));
        OscalJson.write(
                "assessment-results", out, "results", result.systems(), system -> result(landscape, system, date), to);
    }

    private static Map<String, Object> result(String landscape, SystemCompliance system, LocalDate date) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", OscalUuid.of("result", landscape, system.system()));
        out.put(
                "title",
                string(system.system() + " against profile " + system.profile().id()));
        out.put(
                "description",
                (system.systemName().isBlank() ? system.system() : system.systemName()) + ", held to profile "
                        + system.profile().id() + " (" + system.profileWhy() + ").");
        out.put("start", OscalJson.timestamp(date));
        out.put("end", OscalJson.timestamp(date));
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("system", system.system()));
        props.add(prop("profile", system.profile().id()));
        system.counts().forEach((v, n) -> props.add(prop("requirements-" + v.word(), n)));
        props.addAll(OscalJson.located(system.at()));
        out.put("props", props);
        List<Object> selected = new ArrayList<>();
        for (RequirementResult r : system.requirements()) {
            selected.add(Map.of("control-id", r.requirement().id()));
        }
        out.put(
                "reviewed-controls",
                Map.of(
                        "control-selections",
                        List.of(
                                selected.isEmpty()
                                        ? Map.of("include-all", Map.of())
                                        : Map.of("include-controls", selected))));
        List<Object> observations = new ArrayList<>();
        List<Object> findings = new ArrayList<>();
        for (RequirementResult r : system.requirements()) {
            List<Object> related = new ArrayList<>();
            for (MeansResult m : r.means()) {
                if (m.verdict() != Verdict.NOT_APPLICABLE) {
                    observations.add(observation(landscape, system, m, date));
                    related.add(Map.of("observation-uuid", observationUuid(landscape, system, m)));
                }
            }
            findings.add(finding(landscape, system, r, related));
        }
        if (!observations.isEmpty()) {
            out.put("observations", observations);
        }
        if (!findings.isEmpty()) {
            out.put("findings", findings);
        }
        return out;
    }

    private static Map<String, Object> finding(
            String landscape, SystemCompliance system, RequirementResult r, List<Object> related) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "uuid",
                OscalUuid.of(
                        "finding", landscape, system.system(), r.requirement().id()));
        out.put("title", string(r.requirement().title()));
        out.put("description", r.why());
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("verdict", r.verdict().word()));
        props.add(propWithRemarks("obligation", r.obligation().word(), r.obligationWhy()));
        props.add(prop("requirement", r.requirement().id()));
        out.put("props", props);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "objective-id");
        target.put("target-id", OscalCatalog.objectiveId(r.requirement().id()));
        Map<String, Object> status = new LinkedHashMap<>();
        switch (r.verdict()) {
            case SATISFIED -> {
                status.put("state", "satisfied");
                status.put("reason", "pass");
            }
            case NOT_SATISFIED -> {
                status.put("state", "not-satisfied");
                status.put("reason", "fail");
            }
            case NEEDS_REVIEW -> {
                status.put("state", "not-satisfied");
                status.put("reason", "needs-review");
                status.put("remarks", "Not decided from the model: a person has to review it before it counts as met.");
            }
            case NOT_APPLICABLE -> {
                status.put("state", "satisfied");
                status.put("reason", "not-applicable");
            }
        }
        target.put("status", status);
        if (r.verdict() == Verdict.NOT_APPLICABLE) {
            target.put("implementation-status", Map.of("state", "not-applicable", "remarks", r.why()));
        }
        out.put("target", target);
        if (!related.isEmpty()) {
            out.put("related-observations", related);
        }
        return out;
    }

    private static Map<String, Object> observation(
            String landscape, SystemCompliance system, MeansResult m, LocalDate date) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uuid", observationUuid(landscape, system, m));
        out.put("title", string(m.means().title() + ": " + m.verdict().word()));
        out.put("description", m.why());
        List<Map<String, Object>> props = new ArrayList<>();
        props.add(prop("means", m.means().id()));
        props.add(prop("requirement", m.means().requirement()));
        props.add(prop("verification", m.means().verify().method()));
        props.add(prop("verdict", m.verdict().word()));
        out.put("props", props);
        // The model is examined, rules and all; a review is a person's interview or inspection, still to be done.
        out.put("methods", List.of(m.means().verify().method().equals("review") ? "INTERVIEW" : "EXAMINE"));
        out.put("types", List.of("control-objective"));
        List<Object> evidence = new ArrayList<>();
        for (SubjectResult s : m.subjects()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("href", OscalJson.href(s.subject().at()));
            List<Map<String, Object>> eprops = new ArrayList<>();
            eprops.add(prop("element", s.subject().id()));
            eprops.add(prop("element-kind", s.subject().kind()));
            eprops.add(prop("verdict", s.verdict().word()));
            eprops.addAll(OscalJson.located(s.subject().at()));
            e.put("props", eprops);
            e.put(
                    "description",
                    s.subject().id() + " (" + s.subject().kind() + "): "
                            + s.verdict().word() + ": " + s.why());
            evidence.add(e);
        }
        for (Finding f : m.findings()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("href", OscalJson.href(f.location()));
            List<Map<String, Object>> eprops = new ArrayList<>();
            eprops.add(prop("evidence", "risk-finding"));
            eprops.add(prop("rule", f.rule()));
            eprops.add(prop("element", f.element().id()));
            eprops.add(prop("severity", f.severity().word()));
            eprops.add(
                    prop("status", f.treatment().map(t -> Words.of(t.status())).orElse("open")));
            eprops.addAll(OscalJson.located(f.location()));
            e.put("props", eprops);
            e.put(
                    "description",
                    "Risk finding " + f.rule() + " on " + f.element().id() + " ("
                            + f.severity().word() + "): " + f.explanation());
            evidence.add(e);
        }
        for (Control c : m.controls()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("href", OscalJson.href(c.at()));
            List<Map<String, Object>> eprops = new ArrayList<>();
            eprops.add(prop("evidence", "declared-control"));
            eprops.add(prop("control", c.requirement()));
            eprops.add(prop("control-status", Words.of(c.status())));
            c.evidence().ifPresent(ev -> eprops.add(prop("control-evidence", ev)));
            eprops.addAll(OscalJson.located(c.at()));
            e.put("props", eprops);
            e.put(
                    "description",
                    "Declared control " + c.requirement() + ", " + Words.of(c.status())
                            + c.evidence().map(ev -> ", evidence: " + ev).orElse(", without evidence"));
            evidence.add(e);
        }
        if (!evidence.isEmpty()) {
            out.put("relevant-evidence", evidence);
        }
        out.put("collected", OscalJson.timestamp(date));
        return out;
    }
}
