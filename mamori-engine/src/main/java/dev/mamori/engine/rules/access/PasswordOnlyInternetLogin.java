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
import static dev.mamori.engine.risk.Reference.owaspIot;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.ComponentRule;
import dev.mamori.engine.risk.Factor;
import dev.mamori.engine.risk.RuleContext;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.model.Component;
import dev.mamori.model.Flow;
import dev.mamori.model.Layer;
import dev.mamori.model.edit.KeyEdit;
import dev.mamori.model.vocabulary.Vocabulary.Strength;
import java.util.ArrayList;
import java.util.List;

/** An internet login guarded by a password or static key alone: brute force and credential stuffing. */
public final class PasswordOnlyInternetLogin extends ComponentRule {

    static final RuleMetadata METADATA = RuleMetadata.rule("password-only-internet-login")
            .title("Internet-facing login by password or API key alone")
            .rationale("A login on the internet that takes only a password is attacked around the clock: botnets spray"
                    + " common passwords and replay billions of username-password pairs leaked from other sites, and"
                    + " people reuse passwords, so some logins succeed without any weakness in the product itself."
                    + " Static API keys are not guessable but leak from apps, repositories and logs and never expire."
                    + " The rule fires on an internet-facing component that accepts any inbound flow authenticated by"
                    + " a weak means (password, api-key), since attackers pick the weakest door even when other flows"
                    + " use certificates or tokens. It stays silent when every credential relation the component"
                    + " accepts requires a second factor.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(307),
                    cwe(308),
                    capec(49),
                    capec(600),
                    owaspIot(1),
                    etsi("5.1-5"),
                    iec62443("SR 1.11"),
                    emb3d("TID-314"))
            .mitigations(
                    "Authenticate machines with certificates (authentication: certificate) and people through an"
                            + " identity provider issuing short-lived tokens (authentication: token) after a"
                            + " second factor (mfa: true on the credential relation).",
                    "Until then, limit failed attempts per account and per source, check new passwords against"
                            + " breached-password lists, and alert on login bursts.")
            .build();

    public PasswordOnlyInternetLogin() {
        super(METADATA);
    }

    @Override
    protected void checkComponent(RuleContext context, int c) {
        FrozenGraph graph = context.graph();
        if (!context.internetFacing(c) || everyLoginHasSecondFactor(graph, c)) {
            return;
        }
        List<String> weak = new ArrayList<>();
        boolean password = false;
        for (int f : graph.flowsIn(c)) {
            Flow flow = graph.flow(f);
            if (AccessFacts.authenticationStrength(context, flow.authentication()) == Strength.WEAK) {
                weak.add(context.flowName(f) + " by " + flow.authentication());
                password |= !flow.authentication().equals("api-key");
            }
        }
        if (weak.isEmpty()) {
            return;
        }
        Component component = graph.component(c);
        context.onComponent(
                c,
                "the internet-facing " + AccessFacts.named(component) + " lets callers in with a single static"
                        + " secret: " + String.join("; ", weak),
                password
                        ? Factor.of(4, "password spraying and credential stuffing are automated and constant")
                        : Factor.of(3, "static API keys are not guessed but leak and never expire"),
                AccessFacts.controlImpact(context, c, METADATA.properties()));
    }

    /** Whether {@code c} accepts credential relations and every one of them requires a second factor. */
    private static boolean everyLoginHasSecondFactor(FrozenGraph graph, int c) {
        int[] accepted = graph.credentialsAccepted(c);
        if (accepted.length == 0) {
            return false;
        }
        for (int r : accepted) {
            if (!graph.credential(r).mfa()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int c) {
        int weak = dev.mamori.engine.risk.Remedies.theOnlyFlowIn(
                graph, c, dev.mamori.model.vocabulary.Vocabulary.Strength.WEAK);
        return weak < 0 ? List.of() : dev.mamori.engine.risk.Remedies.setStrongAuthentication(graph, weak);
    }
}
