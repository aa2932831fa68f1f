package dev.mamori.report.oscal;

import gov.nist.secauto.metaschema.core.model.validation.IValidationFinding;
import gov.nist.secauto.metaschema.core.model.validation.IValidationResult;
import gov.nist.secauto.metaschema.core.model.validation.JsonSchemaContentValidator;
import gov.nist.secauto.metaschema.core.model.validation.XmlSchemaContentValidator;
import gov.nist.secauto.metaschema.databind.IBindingContext;
import gov.nist.secauto.metaschema.databind.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.json.JSONObject;

/**
 * OSCAL's own validator, liboscal-java: a document is checked against the OSCAL JSON schema of its
 * model (the one the library ships) and then against the constraints of OSCAL's Metaschema modules
 * (allowed values, cross-references, uniqueness, index keys), which no JSON schema can express. A
 * GRC tool built on it refuses what fails either.
 */
final class OscalValidator {

    private OscalValidator() {}

    /** Chooses the library's JSON schema by the document's root, as its CLI does. */
    private static final IBindingContext.ISchemaValidationProvider SCHEMAS =
            new IBindingContext.ISchemaValidationProvider() {
                @Override
                public JsonSchemaContentValidator getJsonSchema(JSONObject json, IBindingContext context)
                        throws IOException {
                    String model = json.has("catalog")
                            ? "catalog"
                            : json.has("profile")
                                    ? "profile"
                                    : json.has("assessment-results")
                                            ? "ar"
                                            : json.has("plan-of-action-and-milestones") ? "poam" : null;
                    if (model == null) {
                        throw new IOException("not an OSCAL document this export writes: " + json.keySet());
                    }
                    try (InputStream in = OscalBindingContext.class.getResourceAsStream(
                            "/schema/json/oscal-" + model + "_schema.json")) {
                        if (in == null) {
                            throw new IOException("liboscal-java ships no schema for " + model);
                        }
                        return new JsonSchemaContentValidator(in);
                    }
                }

                @Override
                public XmlSchemaContentValidator getXmlSchemas(URL target, IBindingContext context) throws IOException {
                    throw new IOException("the export writes JSON only");
                }
            };

    /** Every finding at error level or above, as "SEVERITY SCHEMA|CONSTRAINT path: message"; empty when the document is valid. */
    static List<String> errors(Path dir, String file, String json) {
        try {
            Path path = dir.resolve(file);
            Files.writeString(path, json, StandardCharsets.UTF_8);
            IValidationResult result =
                    OscalBindingContext.newInstance().validate(path.toUri(), Format.JSON, SCHEMAS, null);
            return result.getFindings().stream()
                    .filter(f -> f.getSeverity().ordinal()
                            >= gov.nist.secauto.metaschema.core.model.constraint.IConstraint.Level.ERROR.ordinal())
                    .map(OscalValidator::describe)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(IValidationFinding f) {
        String phase = f instanceof gov.nist.secauto.metaschema.core.model.constraint.ConstraintValidationFinding
                ? "CONSTRAINT"
                : "SCHEMA";
        return f.getSeverity() + " " + phase + " " + f.getPath() + ": " + f.getMessage();
    }
}
