package dev.mamori.app;

import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import java.util.List;
import java.util.Optional;

/**
 * A Threagile model converted into a Mamori model, and checked the way Mamori reads it, so that
 * what is written is known to validate; every diagnostic is located in the Threagile file.
 *
 * @param yaml the Mamori model as it is written, or empty when the file could not be converted
 * @param landscape the converted model as Mamori reads it, or empty when it could not be converted
 * @param diagnostics the conversion's and the check's, in file order
 * @param notices hints for a person about a failed conversion
 */
public record ThreagileConversion(
        Optional<String> yaml, Optional<Landscape> landscape, List<Diagnostic> diagnostics, List<String> notices) {

    public ThreagileConversion {
        diagnostics = List.copyOf(diagnostics);
        notices = List.copyOf(notices);
    }

    public boolean converted() {
        return yaml.isPresent();
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
