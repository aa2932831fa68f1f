package dev.mamori.engine.risk;

/** A rule judged one data asset at a time: the loop is here, the rule is its condition and its words. */
public abstract class DataRule extends BaseRule {

    protected DataRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int d = 0, n = context.graph().dataCount(); d < n; d++) {
            checkData(context, d);
        }
    }

    /** Reports what the rule finds on data asset {@code d}. */
    protected abstract void checkData(RuleContext context, int d);
}
