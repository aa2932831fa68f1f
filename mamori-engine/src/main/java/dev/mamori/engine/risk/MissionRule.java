package dev.mamori.engine.risk;

import dev.mamori.model.Mission;

/** A rule judged mission by mission: the loop is here, the rule is its condition and its words. */
public abstract class MissionRule extends BaseRule {

    protected MissionRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (Mission mission : context.graph().missions()) {
            checkMission(context, mission);
        }
    }

    /** Reports what the rule finds on {@code mission}. */
    protected abstract void checkMission(RuleContext context, Mission mission);
}
