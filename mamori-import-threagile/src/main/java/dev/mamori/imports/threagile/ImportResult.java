package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.PlainValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import produced: the Mamori model (when the input could be read as a Threagile model)
 * and every diagnostic, located in the Threagile files. The model is available three ways: as
 * YAML text with comments (what {@code mamori import threagile} writes), as a located tree (what
 * {@code mamori assess} loads, so that findings point into the Threagile file), and as plain values.
 */
public final class ImportResult {

    private final OutMap model;
    private final List<String> header;
    private final List<String> footer;
    private final List<Diagnostic> diagnostics;
    private final List<String> files;

    ImportResult(
            OutMap model, List<String> header, List<String> footer, List<Diagnostic> diagnostics, List<String> files) {
        this.model = model;
        this.header = List.copyOf(header);
        this.footer = List.copyOf(footer);
        this.diagnostics = List.copyOf(diagnostics);
        this.files = List.copyOf(files);
    }

    /** Whether a model was produced: the input is a Threagile model and has no error. */
    public boolean imported() {
        return model != null;
    }

    /** Every diagnostic, in file order; warnings say what was not imported or only approximately. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
    }

    /** The Threagile files read: the root and everything it includes. */
    public List<String> files() {
        return files;
    }

    /** The model as a located tree, ready for the loader. */
    public Optional<MapNode> tree() {
        return Optional.ofNullable(model).map(OutMap::toNode);
    }

    /** The model as YAML, with comments for what has no Mamori key. */
    public Optional<String> yaml() {
        return Optional.ofNullable(model).map(m -> YamlWriter.write(header, m, footer));
    }

    /** The model as plain values (maps, lists, texts, booleans, numbers). */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> plainValues() {
        return tree().map(t -> (Map<String, Object>) PlainValues.of(t));
    }
}
