package dev.mamori.report.oscal;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance of a landscape as OSCAL 1.1 JSON documents: the catalog, the profile of each
 * requirement profile the systems were held to, the assessment results and, when something is open,
 * the plan of action and milestones. UUIDs are derived from what each object is and timestamps are
 * the assessment date, so the same model on the same date gives the same bytes.
 */
public final class OscalExport {

    private OscalExport() {}

    /** Writes a document's JSON to a writer, as it is produced. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * One document: its file name (relative; the documents refer to each other by these names) and
     * its JSON, written when asked: the assessment results and the plan list every element that falls
     * short, gigabytes at 100,000 components, so they are streamed to their files, never held whole.
     */
    public record Document(String file, Body body) {

        /** A small document already written. */
        static Document of(String file, String json) {
            return new Document(file, out -> out.write(json));
        }

        /** The JSON as one string (for tests and small documents; {@link #body} streams it). */
        public String json() {
            StringWriter text = new StringWriter();
            try {
                body.writeTo(text);
            } catch (IOException e) {
                throw new UncheckedIOException("a string cannot fail to be written", e);
            }
            return text.toString();
        }
    }

    /**
     * @param result the compliance to export: the assessment's own, or one judged against another profile
     */
    public static List<Document> of(Assessment assessment, ComplianceResult result, String mamoriVersion) {
        String landscape = assessment.landscape().name();
        List<Document> out = new ArrayList<>();
        out.add(Document.of(OscalCatalog.FILE, OscalCatalog.render(result.catalog(), assessment.today())));
        Map<String, SystemCompliance> byProfile = new LinkedHashMap<>();
        for (SystemCompliance system : result.systems()) {
            byProfile.putIfAbsent(system.profile().id(), system);
        }
        List<String> profileFiles = new ArrayList<>();
        for (SystemCompliance first : byProfile.values()) {
            String file = OscalProfile.file(first.profile());
            profileFiles.add(file);
            out.add(Document.of(file, OscalProfile.render(result, first, assessment.today())));
        }
        out.add(new Document(
                OscalAssessmentResults.FILE,
                json -> OscalAssessmentResults.write(
                        result,
                        landscape,
                        assessment.landscape().files(),
                        profileFiles,
                        assessment.today(),
                        mamoriVersion,
                        json)));
        if (OscalPoam.hasItems(result)) {
            out.add(new Document(
                    OscalPoam.FILE,
                    json -> OscalPoam.write(result, landscape, assessment.today(), mamoriVersion, json)));
        }
        return out;
    }
}
