package dev.mamori.engine.risk;

/**
 * One risk rule: one class, its metadata declared once, a check that reports findings through the
 * context. Rules read the frozen graph and never print, read files or keep state between runs.
 * Every rule extends {@link BaseRule}, which holds the metadata, or one of its subclasses per kind
 * of element, which also run the loop.
 */
public sealed interface Rule permits BaseRule {

    RuleMetadata metadata();

    /** Reports every place the weakness is present. */
    void check(RuleContext context);
}
