package dev.mamori.model.load;

import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.validate.ElementIndex;
import java.util.List;
import java.util.Optional;

/**
 * What a load produced: every diagnostic in file order, and the landscape when there was no error,
 * with the index of its elements that validation built (so that the analyses resolve references
 * with it instead of indexing the landscape again).
 */
public record LoadResult(Optional<Landscape> landscape, List<Diagnostic> diagnostics, Optional<ElementIndex> index) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A result without an index: the analyses build one when they need it. */
    public LoadResult(Optional<Landscape> landscape, List<Diagnostic> diagnostics) {
        this(landscape, diagnostics, Optional.empty());
    }

    public boolean valid() {
        return landscape.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
    }
}
