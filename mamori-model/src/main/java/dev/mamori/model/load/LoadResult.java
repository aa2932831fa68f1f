package dev.mamori.model.load;

import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What a load produced: every diagnostic in file order, and the landscape when there was no error.
 */
public record LoadResult(Optional<Landscape> landscape, List<Diagnostic> diagnostics) {

    public LoadResult {
        diagnostics = List.copyOf(diagnostics);
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
