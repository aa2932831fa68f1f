package dev.mamori.app;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.validate.ElementIndex;
import dev.mamori.vulns.sbom.Inventory;
import java.util.List;
import java.util.Optional;

/**
 * A landscape read once, with everything it names: the files it imports, the catalog files that
 * extend the built-in requirement catalog, the models of other tools converted on the way.
 *
 * @param landscape the validated landscape, or empty when there was an error
 * @param catalog the requirement catalog the landscape is judged against (the built-in one, extended
 *     by the landscape's {@code catalogs:}); the built-in one alone when the landscape is invalid
 * @param diagnostics every problem found while reading, in file order: the model's, the catalogs',
 *     and the model's against the catalog
 * @param notices what a person should know about how the files were read (a Threagile model
 *     converted, a hint on an error), in the order they arose; not problems of the model
 * @param index the index of the landscape's elements that validation built, reused by the analyses
 * @param inventory what its components run (software entries and bills of materials), empty when
 *     the landscape is invalid
 */
public record Loaded(
        Optional<Landscape> landscape,
        Catalog catalog,
        List<Diagnostic> diagnostics,
        List<String> notices,
        Optional<ElementIndex> index,
        Inventory inventory) {

    public Loaded {
        diagnostics = List.copyOf(diagnostics);
        notices = List.copyOf(notices);
    }

    public boolean valid() {
        return landscape.isPresent();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
    }
}
