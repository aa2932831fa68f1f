package dev.mamori.engine.risk;

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
}
