package dev.mamori.engine.risk;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

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

    @Override
    public final List<KeyEdit> edits(FrozenGraph graph, Finding finding) {
        int r = credentialAt(graph, finding);
        return r < 0 ? List.of() : fix(graph, r);
    }

    /** The edits that fix this rule's finding on credential relation {@code r}; none by default. */
    protected List<KeyEdit> fix(FrozenGraph graph, int r) {
        return List.of();
    }

    private static int credentialAt(FrozenGraph graph, Finding finding) {
        return WrittenAt.credential(graph, finding.location());
    }
}
