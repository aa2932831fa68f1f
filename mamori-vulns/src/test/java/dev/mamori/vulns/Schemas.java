package dev.mamori.vulns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The formats' official JSON schemas, from the test resources (schemas/README.md): each schema's
 * {@code $id}, and what it references, is read from the copy kept there, never from the network.
 */
public final class Schemas {

    private Schemas() {}

    public static final String CYCLONEDX = "http://cyclonedx.org/schema/bom-1.5.schema.json";
    public static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    public static final String OSV = "https://raw.githubusercontent.com/ossf/osv-schema/main/validation/schema.json";
    public static final String STIX_BUNDLE =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/common/bundle.json";

    private static final String STIX_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    /** The resource that holds the schema of {@code iri}, or null when it is not one of ours. */
    static String resourceOf(String iri) {
        String noQuery = iri.replaceFirst("[?#].*$", "");
        if (noQuery.startsWith("http://cyclonedx.org/schema/")) {
            return "/schemas/cyclonedx/" + noQuery.substring("http://cyclonedx.org/schema/".length());
        }
        if (noQuery.equals(CSAF)) {
            return "/schemas/csaf/csaf_json_schema.json";
        }
        if (noQuery.startsWith("https://www.first.org/cvss/")) {
            return "/schemas/csaf/" + noQuery.substring("https://www.first.org/cvss/".length());
        }
        if (noQuery.equals(OSV)) {
            return "/schemas/osv/schema.json";
        }
        if (noQuery.startsWith(STIX_PREFIX)) {
            return "/schemas/stix/schemas/" + noQuery.substring(STIX_PREFIX.length());
        }
        return null;
    }

    private static String read(String iri) {
        String resource = resourceOf(iri);
        if (resource == null) {
            return null;
        }
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of {@code iri}, its draft as it declares. */
    public static Schema schema(String iri) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Schemas::read));
        return registry.getSchema(SchemaLocation.of(iri));
    }

    /** The errors of {@code json} against the schema of {@code iri}. */
    public static List<Error> errors(String iri, String json) {
        try {
            return schema(iri).validate(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
