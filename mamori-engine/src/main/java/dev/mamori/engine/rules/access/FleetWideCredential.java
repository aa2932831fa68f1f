package dev.mamori.engine.rules.access;

import static dev.mamori.engine.risk.Property.AVAILABILITY;
import static dev.mamori.engine.risk.Property.CONFIDENTIALITY;
import static dev.mamori.engine.risk.Property.INTEGRITY;
import static dev.mamori.engine.risk.Property.SAFETY;
import static dev.mamori.engine.risk.Reference.capec;
import static dev.mamori.engine.risk.Reference.cwe;
import static dev.mamori.engine.risk.Reference.emb3d;
import static dev.mamori.engine.risk.Reference.etsi;
import static dev.mamori.engine.risk.Reference.iec62443;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.CredentialRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.CredentialRelation;
import dev.mamori.model.Layer;
import java.util.LinkedHashSet;
import java.util.Set;

/** One secret that a whole fleet accepts: whoever steals it once controls every unit (Verkada's super admin). */
public final class FleetWideCredential extends CredentialRule {

    /** Fleets at least this large make one secret a fleet-wide key. */
    static final long FLEET = 100;

    static final RuleMetadata METADATA = RuleMetadata.rule("fleet-wide-credential")
            .title("One credential accepted by a whole fleet")
            .rationale("When a hundred or more units accept the same secret, the question is no longer whether one"
                    + " device can be taken but whether all of them can be taken at once: a leaked fleet password, API"
                    + " key or signing key turns a single theft into simultaneous control of every unit, which is how"
                    + " a camera vendor's support login reached 150,000 cameras and how one stolen key could stop a"
                    + " city's meters or locks together. Static secrets (passwords, API keys, shared secrets) leak"
                    + " from code, configuration and build servers and are judged easy to steal; private keys of"
                    + " certificates, ideally in an HSM, are judged hard.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(653),
                    capec(560),
                    etsi("5.4-4"),
                    iec62443("SR 1.2 RE 1"),
                    iec62443("SR 1.5 RE 1"),
                    emb3d("TID-303"))
            .mitigations(
                    "Give each unit its own credential, derived per device or issued at enrolment, so a stolen"
                            + " secret opens one unit (credentials: unique or certificate on the accepters), and"
                            + " split the relation per device group.",
                    "Where the fleet must trust one party (its management platform), use a certificate whose"
                            + " private key stays in an HSM (kind: certificate), require a second factor and"
                            + " approval for fleet-wide actions (mfa: true), and rate-limit mass commands.")
            .build();

    public FleetWideCredential() {
        super(METADATA);
    }

    @Override
    protected void checkCredential(RuleContext context, int r) {
        FrozenGraph graph = context.graph();
        CredentialRelation credential = graph.credential(r);
        Set<Integer> accepters = new LinkedHashSet<>();
        for (int a : graph.credentialAccepters(r)) {
            accepters.add(a);
        }
        long units = 0;
        StringBuilder parts = new StringBuilder();
        for (int a : accepters) {
            Component accepter = graph.component(a);
            units += accepter.count();
            parts.append(parts.isEmpty() ? "" : ", ")
                    .append(accepter.id())
                    .append(" (")
                    .append(accepter.count())
                    .append(')');
        }
        if (units < FLEET) {
            return;
        }
        context.onCredential(
                r,
                units + " units accept the " + credential.kind() + " that "
                        + graph.component(graph.credentialHolder(r)).id() + " holds: " + parts,
                ease(credential));
    }

    private static Factor ease(CredentialRelation credential) {
        Factor ease = switch (credential.kind()) {
            case "certificate", "sim" ->
                Factor.of(2, "a private key kept in a key store is hard to steal, but one theft opens the fleet");
            case "token" -> Factor.of(3, "a token expires, but one stolen while valid opens the fleet");
            default ->
                Factor.of(
                        4,
                        "a static " + credential.kind()
                                + " leaks from code, configuration or build servers, and one leak opens the fleet");
        };
        if (credential.mfa() && ease.level() > 1) {
            ease = Factor.of(ease.level() - 1, ease.reason() + "; a second factor is also needed");
        }
        return ease;
    }
}
