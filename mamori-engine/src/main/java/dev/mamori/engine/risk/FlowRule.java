package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/** A rule judged flow by flow: the loop is here, the rule is its condition and its words. */
public abstract class FlowRule extends BaseRule {

    protected FlowRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int f = 0, n = context.graph().flowCount(); f < n; f++) {
            checkFlow(context, f);
        }
    }

    /** Reports what the rule finds on flow {@code f}. */
    protected abstract void checkFlow(RuleContext context, int f);

    @Override
    public final List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        int f = flowAt(graph, finding);
        return f < 0 ? List.of() : fix(graph, f);
    }

    /** The edits that fix this rule's finding on flow {@code f}; none by default. */
    protected List<KeyEdit> fix(FrozenGraph graph, int f) {
        return List.of();
    }

    /** The flow a finding is on, by where it is written (flows without an id have no other name). */
    private static int flowAt(FrozenGraph graph, Finding finding) {
        return WrittenAt.flow(graph, finding.location());
    }
}
