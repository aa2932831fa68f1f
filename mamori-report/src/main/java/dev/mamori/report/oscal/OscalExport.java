package dev.mamori.report.oscal;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance of a landscape as OSCAL 1.1 JSON documents: the catalog, the profile of each
 * requirement profile the systems were held to, the assessment results and, when something is open,
 * the plan of action and milestones. UUIDs are derived from what each object is and timestamps are
 * the assessment date, so the same model on the same date gives the same bytes.
 */
public final class OscalExport {

    private OscalExport() {}

    /** One document: its file name (relative; the documents refer to each other by these names) and its JSON. */
    public record Document(String file, String json) {}

    /**
     * @param result the compliance to export: the assessment's own, or one judged against another profile
     */
    public static List<Document> of(Assessment assessment, ComplianceResult result, String mamoriVersion) {
        String landscape = assessment.landscape().name();
        List<Document> out = new ArrayList<>();
        out.add(new Document(OscalCatalog.FILE, OscalCatalog.render(result.catalog(), assessment.today())));
        Map<String, SystemCompliance> byProfile = new LinkedHashMap<>();
        for (SystemCompliance system : result.systems()) {
            byProfile.putIfAbsent(system.profile().id(), system);
        }
        List<String> profileFiles = new ArrayList<>();
        for (SystemCompliance first : byProfile.values()) {
            String file = OscalProfile.file(first.profile());
            profileFiles.add(file);
            out.add(new Document(file, OscalProfile.render(result, first, assessment.today())));
        }
        out.add(new Document(
                OscalAssessmentResults.FILE,
                OscalAssessmentResults.render(
                        result,
                        landscape,
                        assessment.landscape().files(),
                        profileFiles,
                        assessment.today(),
                        mamoriVersion)));
        Optional<String> poam = OscalPoam.render(result, landscape, assessment.today(), mamoriVersion);
        poam.ifPresent(json -> out.add(new Document(OscalPoam.FILE, json)));
        return out;
    }
}
