package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/** A rule judged component by component: the loop is here, the rule is its condition and its words. */
public abstract class ComponentRule extends BaseRule {

    protected ComponentRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int c = 0, n = context.graph().componentCount(); c < n; c++) {
            checkComponent(context, c);
        }
    }

    /** Reports what the rule finds on component {@code c}. */
    protected abstract void checkComponent(RuleContext context, int c);

    @Override
    public final List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        int c = graph.componentId(finding.element().id()).orElse(-1);
        return c < 0 ? List.of() : fix(graph, c);
    }

    /** The edits that fix this rule's finding on component {@code c}; none by default. */
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        return List.of();
    }
}
