package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.iec62443;
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.CredentialRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import java.util.List;

/** A group password or a secret baked into many units: one leak anywhere opens every door it opens. */
public final class SharedCredential extends CredentialRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("shared-credential")
            .title("Credential shared by many people or devices")
            .rationale("A secret that a team or a fleet holds in common is only as safe as its least careful holder:"
                    + " it is written on the maintenance laptop, kept by the technician who left, pasted into tickets,"
                    + " or read out of the flash of any single unit bought second-hand. It cannot be revoked for one"
                    + " holder without changing it for all, so it rarely is, and logs cannot tell who used it, so"
                    + " misuse is neither deterred nor traced. A second factor per person limits what a leaked secret"
                    + " alone does, but not the lost accountability.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(1391),
                    capec(560),
                    owaspIot(1),
                    iec62443("SR 1.1 RE 1"),
                    iec62443("SR 1.2 RE 1"),
                    iec62443("SR 1.5"))
            .mitigations(
                    "Give every person a named account and every device its own key or certificate, provisioned"
                            + " at manufacture or enrolment, then model them as such (shared: false; credentials:"
                            + " unique or certificate on the component).",
                    "Where a group login cannot be avoided yet, keep it in a vault that checks it out per person"
                            + " with a second factor (mfa: true), rotate it on every staff change and log each"
                            + " checkout.")
            .build();

    public SharedCredential() {
        super(METADATA);
    }

    @Override
    protected void checkCredential(RuleContext context, int r) {
        FrozenGraph graph = context.graph();
        CredentialRelation credential = graph.credential(r);
        if (!credential.shared()) {
            return;
        }
        Component holder = graph.component(graph.credentialHolder(r));
        String where = holder.count() > 1
                ? "; " + holder.id() + " stands for " + holder.count()
                        + " units, so the secret can be read out of any one of them"
                : "";
        context.onCredential(
                r,
                "the " + credential.kind() + " that " + holder.id() + " holds for " + AccessFacts.accepters(graph, r)
                        + " is shared by many holders" + where,
                credential.mfa()
                        ? Factor.of(
                                3,
                                "a shared secret leaks with any of its holders, though a second"
                                        + " factor is still needed")
                        : Factor.of(4, "a shared secret leaks with any of its holders and is rarely" + " rotated"));
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int r) {
        return List.of(new KeyEdit(graph.credential(r).at(), "shared", "false"));
    }
}
