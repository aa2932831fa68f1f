package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.SourceLocation;
import dev.mamori.model.syntax.ScalarNode;
import java.util.List;
import java.util.Map;

/**
 * What a Threagile model says, read and checked by {@link ThreagileReader}: its elements by
 * Threagile id, in the order they are written, with the ids and references already checked.
 *
 * <p>Each element keeps its mapping ({@code fields}). The facts that decide whether a model can be
 * imported at all (ids, references, rating words, booleans) were read and reported by the reader;
 * the optional details (descriptions, tags, owners, protocols) are read from {@code fields} by the
 * part that writes them, so that a malformed detail is reported without stopping the import, as it
 * always was.
 *
 * @param file the root file, as named by the caller
 * @param root the model's top-level mapping, includes merged
 * @param links every communication link, in the order of their assets and then as written
 */
record ThreagileModel(
        String file,
        In root,
        Map<String, DataAsset> dataAssets,
        Map<String, TechnicalAsset> technicalAssets,
        List<Link> links,
        Map<String, TrustBoundary> trustBoundaries,
        Map<String, SharedRuntime> sharedRuntimes,
        LayoutHints layoutHints) {

    /** A data asset; {@code title} is its key, as Threagile titles elements. */
    record DataAsset(String id, String title, In fields, SourceLocation at) {}

    record TechnicalAsset(String id, String title, In fields, SourceLocation at) {}

    /**
     * A communication link, held by its source asset. {@code threagileId} is the id Threagile gives
     * it ({@code source>title-slug}), which risk tracking names it by.
     */
    record Link(
            String threagileId, String title, TechnicalAsset source, In fields, SourceLocation at, ScalarNode target) {

        boolean goesToItself() {
            return target.text().equals(source.id());
        }
    }

    /** A trust boundary; {@code type} is the written type, or Threagile's default, network-on-prem. */
    record TrustBoundary(String id, String title, In fields, SourceLocation at, String type) {

        boolean isExecutionEnvironment() {
            return type.equals(Tables.EXECUTION_ENVIRONMENT);
        }
    }

    record SharedRuntime(String id, String title, In fields, SourceLocation at) {}

    /**
     * The diagram layout hints (diagram_tweak_…) found anywhere: reported once for all, at the first.
     *
     * @param first where the first one is written, or null when there is none
     */
    record LayoutHints(SourceLocation first, int count) {}
}
