package dev.mamori.report.compliance;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.Coverage;
import dev.mamori.engine.compliance.Verdict;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.model.Control;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.report.json.StableJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code compliance} section of the JSON assessment; docs/assessment-json.md documents it. */
public final class ComplianceJson {

    private ComplianceJson() {}

    /** The standards the assessment gives coverage for when none is asked for. */
    public static final List<String> DEFAULT_STANDARDS = List.of("etsi-en-303-645-v3.1.3", "eu-cra-annex-i");

    /**
     * The section as plain values, held whole; {@link #write} streams the same bytes and is what the
     * commands use (at 100,000 components the section is over 700 MB of JSON).
     *
     * @param standards the standards to give coverage for (ids of the catalog's standards)
     */
    public static Map<String, Object> of(ComplianceResult result, List<String> standards) {
        Map<String, Object> out = head(result);
        List<Object> systems = new ArrayList<>();
        for (SystemCompliance s : result.systems()) {
            Map<String, Object> system = systemHead(s);
            List<Object> requirements = new ArrayList<>();
            for (RequirementResult r : s.requirements()) {
                Map<String, Object> item = requirementHead(r);
                List<Object> means = new ArrayList<>();
                for (MeansResult m : r.means()) {
                    means.add(means(m));
                }
                item.put("means", means);
                requirements.add(item);
            }
            system.put("requirements", requirements);
            systemTail(result.catalog(), s, standards).forEach(system::put);
            systems.add(system);
        }
        out.put("systems", systems);
        return out;
    }

    /**
     * The section written to {@code json} as the value of the field just named, means by means: only
     * one means' elements and findings are held as plain values at a time. The bytes are those of
     * {@code json.value(of(result, standards))}.
     *
     * @param standards the standards to give coverage for (ids of the catalog's standards)
     */
    public static void write(StableJson.Document json, ComplianceResult result, List<String> standards)
            throws IOException {
        json.startObject();
        for (Map.Entry<String, Object> e : head(result).entrySet()) {
            json.field(e.getKey(), e.getValue());
        }
        json.name("systems").startArray();
        for (SystemCompliance s : result.systems()) {
            json.startObject();
            for (Map.Entry<String, Object> e : systemHead(s).entrySet()) {
                json.field(e.getKey(), e.getValue());
            }
            json.name("requirements").startArray();
            for (RequirementResult r : s.requirements()) {
                json.startObject();
                for (Map.Entry<String, Object> e : requirementHead(r).entrySet()) {
                    json.field(e.getKey(), e.getValue());
                }
                json.name("means").startArray();
                for (MeansResult m : r.means()) {
                    writeMeans(json, m);
                }
                json.endArray();
                json.endObject();
            }
            json.endArray();
            for (Map.Entry<String, Object> e :
                    systemTail(result.catalog(), s, standards).entrySet()) {
                json.field(e.getKey(), e.getValue());
            }
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** The fields before {@code systems}. */
    private static Map<String, Object> head(ComplianceResult result) {
        Catalog catalog = result.catalog();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "catalog",
                Map.of("name", catalog.name(), "version", catalog.version().toString()));
        out.put("jurisdictions", result.jurisdictions());
        return out;
    }

    /** A system's fields before {@code requirements}. */
    private static Map<String, Object> systemHead(SystemCompliance s) {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("system", s.system());
        system.put("location", location(s.at()));
        system.put("profile", s.profile().id());
        system.put("profileReason", s.profileWhy());
        Map<String, Object> summary = new LinkedHashMap<>();
        s.counts().forEach((v, n) -> summary.put(v.word(), n));
        system.put("summary", summary);
        return system;
    }

    /** A system's fields after {@code requirements}. */
    private static Map<String, Object> systemTail(Catalog catalog, SystemCompliance s, List<String> standards) {
        Map<String, Object> system = new LinkedHashMap<>();
        List<Object> upcoming = new ArrayList<>();
        for (ComplianceResult.Upcoming u : s.upcoming()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requirement", u.requirement());
            item.put("obligation", u.obligation().word());
            item.put("jurisdiction", u.jurisdiction());
            item.put("regime", u.regime());
            item.put("appliesFrom", u.from().toString());
            upcoming.add(item);
        }
        // What binds within twelve months of the assessment date and does not yet.
        system.put("upcoming", upcoming);
        List<Object> coverage = new ArrayList<>();
        for (String standard : standards) {
            coverage.add(coverage(Coverage.of(catalog, s, standard)));
        }
        system.put("coverage", coverage);
        return system;
    }

    /** A requirement's fields before {@code means}. */
    private static Map<String, Object> requirementHead(RequirementResult r) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("requirement", r.requirement().id());
        item.put("title", r.requirement().title());
        item.put(
                "properties",
                r.requirement().properties().stream()
                        .sorted()
                        .map(Property::letter)
                        .toList());
        item.put("phase", Words.of(r.requirement().phase()));
        item.put("obligation", r.obligation().word());
        item.put("obligationReason", r.obligationWhy());
        item.put("verdict", r.verdict().word());
        item.put("reason", r.why());
        return item;
    }

    /** What {@link #means} builds, written field by field without building it (millions of elements). */
    private static void writeMeans(StableJson.Document json, MeansResult m) throws IOException {
        json.startObject();
        json.field("means", m.means().id());
        json.field("title", m.means().title());
        json.field("appliesTo", m.means().appliesTo().word());
        json.field("verification", m.means().verify().method());
        json.field("verdict", m.verdict().word());
        json.field("reason", m.why());
        json.name("elements").startArrayOfLines();
        for (SubjectResult s : m.subjects()) {
            if (s.verdict() == Verdict.SATISFIED && m.verdict() != Verdict.SATISFIED) {
                continue; // as in means()
            }
            json.startObject();
            json.field("element", s.subject().id());
            json.field("elementKind", s.subject().kind());
            json.name("location");
            writeLocation(json, s.subject().at());
            json.field("verdict", s.verdict().word());
            json.field("reason", s.why());
            json.endObject();
        }
        json.endArray();
        json.name("findings").startArrayOfLines();
        for (Finding f : m.findings()) {
            json.startObject();
            json.field("rule", f.rule());
            json.field("element", f.element().id());
            json.field("severity", f.severity().word());
            json.field("status", f.treatment().map(t -> Words.of(t.status())).orElse("open"));
            json.name("location");
            writeLocation(json, f.location());
            json.endObject();
        }
        json.endArray();
        json.name("controls").startArrayOfLines();
        for (Control c : m.controls()) {
            json.startObject();
            json.field("requirement", c.requirement());
            json.field("status", Words.of(c.status()));
            if (c.evidence().isPresent()) {
                json.field("evidence", c.evidence().get());
            }
            json.name("location");
            writeLocation(json, c.at());
            json.endObject();
        }
        json.endArray();
        json.field("gap", m.gap());
        json.endObject();
    }

    private static void writeLocation(StableJson.Document json, SourceLocation at) throws IOException {
        json.startObject();
        json.field("file", at.file());
        json.field("line", at.line());
        json.field("column", at.column());
        json.endObject();
    }

    private static Map<String, Object> means(MeansResult m) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("means", m.means().id());
        item.put("title", m.means().title());
        item.put("appliesTo", m.means().appliesTo().word());
        item.put("verification", m.means().verify().method());
        item.put("verdict", m.verdict().word());
        item.put("reason", m.why());
        List<Object> elements = new ArrayList<>();
        for (SubjectResult s : m.subjects()) {
            if (s.verdict() == Verdict.SATISFIED && m.verdict() != Verdict.SATISFIED) {
                continue; // the elements that hold are counted in the reason; those that do not are listed
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("element", s.subject().id());
            e.put("elementKind", s.subject().kind());
            e.put("location", location(s.subject().at()));
            e.put("verdict", s.verdict().word());
            e.put("reason", s.why());
            elements.add(e);
        }
        item.put("elements", StableJson.oneItemPerLine(elements));
        List<Object> findings = new ArrayList<>();
        for (Finding f : m.findings()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rule", f.rule());
            e.put("element", f.element().id());
            e.put("severity", f.severity().word());
            e.put("status", f.treatment().map(t -> Words.of(t.status())).orElse("open"));
            e.put("location", location(f.location()));
            findings.add(e);
        }
        item.put("findings", StableJson.oneItemPerLine(findings));
        List<Object> controls = new ArrayList<>();
        for (Control c : m.controls()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("requirement", c.requirement());
            e.put("status", Words.of(c.status()));
            c.evidence().ifPresent(ev -> e.put("evidence", ev));
            e.put("location", location(c.at()));
            controls.add(e);
        }
        item.put("controls", StableJson.oneItemPerLine(controls));
        item.put("gap", m.gap());
        return item;
    }

    static Map<String, Object> coverage(Coverage coverage) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standard", coverage.standard().id());
        out.put("title", coverage.standard().title());
        Map<String, Object> all = new LinkedHashMap<>();
        coverage.counts(false).forEach((v, n) -> all.put(v.word(), n));
        out.put("items", all);
        if (coverage.hasStatuses()) {
            Map<String, Object> mandatory = new LinkedHashMap<>();
            coverage.counts(true).forEach((v, n) -> mandatory.put(v.word(), n));
            out.put("mandatory", mandatory);
        }
        List<Object> items = new ArrayList<>();
        for (Coverage.ItemCoverage i : coverage.items()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", i.item().id());
            i.item().status().ifPresent(st -> e.put("status", st));
            if (i.item().uncertain()) {
                // The reference list could not check this row against the standard's own text.
                e.put("unverified", true);
            }
            if (i.item().outOfScope().isPresent() && i.mappedBy().isEmpty()) {
                // Left out of the catalog on purpose (the reason says why), not merely unwritten.
                e.put("outOfScope", true);
            }
            e.put("verdict", i.verdict().word());
            e.put("reason", i.why());
            e.put("mappedBy", i.mappedBy());
            items.add(e);
        }
        out.put("details", StableJson.oneItemPerLine(items));
        return out;
    }

    static Map<String, Object> location(SourceLocation at) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", at.file());
        out.put("line", at.line());
        out.put("column", at.column());
        return out;
    }
}
