package dev.mamori.engine.risk;

/** A rule judged one credential relation at a time: the loop is here, the rule is its condition and its words. */
public abstract class CredentialRule extends BaseRule {

    protected CredentialRule(RuleMetadata metadata) {
        super(metadata);
    }

    @Override
    public final void check(RuleContext context) {
        for (int r = 0, n = context.graph().credentialCount(); r < n; r++) {
            checkCredential(context, r);
        }
    }

    /** Reports what the rule finds on credential relation {@code r}. */
    protected abstract void checkCredential(RuleContext context, int r);
}
