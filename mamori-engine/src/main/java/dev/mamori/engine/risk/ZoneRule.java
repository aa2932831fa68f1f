package dev.mamori.engine.risk;

/** A rule judged zone by zone: the loop is here, the rule is its condition and its words. */
public abstract class ZoneRule extends BaseRule {

    protected ZoneRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int z = 0, n = context.graph().zoneCount(); z < n; z++) {
            checkZone(context, z);
        }
    }

    /** Reports what the rule finds on zone {@code z}. */
    protected abstract void checkZone(RuleContext context, int z);
}
