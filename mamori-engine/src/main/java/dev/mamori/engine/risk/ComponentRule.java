package dev.mamori.engine.risk;

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
}
