package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/**
 * One risk rule: one class, its metadata declared once, a check that reports findings through the
 * context. Rules read the frozen graph and never print, read files or keep state between runs.
 * Every rule extends {@link BaseRule}, which holds the metadata, or one of its subclasses per kind
 * of element, which also run the loop.
 */
public sealed interface Rule permits BaseRule {

    RuleMetadata metadata();

    /** Reports every place the weakness is present. */
    void check(RuleContext context);

    /**
     * The edits of the model that fix one of this rule's findings, the preferred first, each a value
     * the vocabulary allows for that element; none when no single key fixes it (a date only the
     * manufacturer knows, an interlock someone has to build).
     */
    default List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        return List.of();
    }
}
