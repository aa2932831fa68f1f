package dev.mamori.engine.risk;

/**
 * A rule that holds its metadata, declared once in the rule class and handed up. Rules that look
 * at one kind of element extend the subclass for it ({@link ComponentRule}, {@link FlowRule}, …),
 * which also runs the loop; a rule that needs the whole landscape at once extends this and
 * implements {@link #check(RuleContext)} itself.
 */
public abstract non-sealed class BaseRule implements Rule {

    private final RuleMetadata metadata;

    protected BaseRule(RuleMetadata metadata) {
        this.metadata = metadata;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }
}
