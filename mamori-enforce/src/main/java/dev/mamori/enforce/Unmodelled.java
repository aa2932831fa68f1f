package dev.mamori.enforce;

/**
 * Something deployed that lets traffic through and that the model does not ask for: a firewall
 * rule's accept, or a broker's grant. {@link DriftImpact} puts it back into the model as an assumed
 * fact to show what it opens.
 */
public sealed interface Unmodelled permits Opening, AclGrant {

    /** The drift it comes from, located in the model and in the deployment. */
    Drift.Difference difference();

    /** What it lets through, in words, for the report. */
    String words();
}
