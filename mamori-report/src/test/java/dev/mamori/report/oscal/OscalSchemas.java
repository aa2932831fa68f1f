package dev.mamori.report.oscal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** NIST's OSCAL 1.1.3 JSON schemas (src/test/resources/oscal/README.md says where they come from). */
final class OscalSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    /**
     * Draft 7, except that {@code id} is an annotation. The schemas generated from OSCAL's metaschema
     * write one property's schema as {@code "id": {"id": {"$ref": …}}}; draft 7 ignores the unknown
     * keyword (so the property may hold any value), but networknt knows {@code id} as draft 4's
     * identifier and refuses to load the schema. Everything else is validated as the schemas say,
     * formats and patterns included.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getDraft7())
            .keyword(new AnnotationKeyword("id"))
            .build();

    private OscalSchemas() {}

    /** The schema for a document written to {@code file}. */
    static String schemaFor(String file) {
        if (file.equals(OscalCatalog.FILE)) {
            return "oscal-catalog_schema.json";
        }
        if (file.startsWith("profile-")) {
            return "oscal-profile_schema.json";
        }
        if (file.equals(OscalAssessmentResults.FILE)) {
            return "oscal-ar_schema.json";
        }
        if (file.equals(OscalPoam.FILE)) {
            return "oscal-poam_schema.json";
        }
        throw new IllegalArgumentException("no OSCAL schema for " + file);
    }

    static List<Error> errors(String schema, String json) {
        try {
            return LOADED.computeIfAbsent(schema, OscalSchemas::load).validate(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load(String name) {
        try (InputStream in = OscalSchemas.class.getResourceAsStream("/oscal/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(DIALECT).getSchema(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
