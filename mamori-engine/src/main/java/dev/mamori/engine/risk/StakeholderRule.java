package dev.mamori.engine.risk;

/** A rule judged stakeholder by stakeholder: the loop is here, the rule is its condition and its words. */
public abstract class StakeholderRule extends BaseRule {

    protected StakeholderRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int s = 0, n = context.graph().stakeholderCount(); s < n; s++) {
            checkStakeholder(context, s);
        }
    }

    /** Reports what the rule finds on stakeholder {@code s}. */
    protected abstract void checkStakeholder(RuleContext context, int s);
}
