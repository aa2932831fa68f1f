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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Target 2013 and Verkada 2021 weakness: a supplier's login into the owner's systems guarded
 * by one stolen secret, with no second factor.
 */
public final class VendorRemoteAccessWithoutMfa extends CredentialRule {

    /** Machine identities bound to a key store or a SIM, where a second factor has no meaning. */
    private static final Set<String> MACHINE_KINDS = Set.of("certificate", "sim");

    /** Kinds run at the owner's site or on a person's device: who made them does not hold their secrets. */
    private static final Set<String> USER_SIDE_KINDS =
            Set.of("mobile-app", "hmi", "operator-console", "workstation", "phone");

    static final RuleMetadata METADATA = RuleMetadata.rule("vendor-remote-access-without-mfa")
            .title("Third-party or remote access without multi-factor authentication")
            .rationale("Remote access held by someone other than the system's owner is the way in of choice: at Target"
                    + " (2013) the attackers phished an HVAC contractor's login, used it on the vendor portal and"
                    + " pivoted to the point-of-sale terminals; at Verkada (2021) a support super-admin password found"
                    + " exposed on the internet opened some 150,000 cameras in hospitals, schools and factories. The"
                    + " owner controls neither the supplier's hygiene nor where the password is reused, so with a"
                    + " single factor a phishing mail, an infostealer or a leaked config file is enough. The rule"
                    + " looks at credential relations without mfa whose holder is a remote-access component, sits in"
                    + " another system than a component that accepts it, or is maintained or run by (or, for a"
                    + " vendor-run platform or service, made by) a stakeholder that neither owns nor operates the"
                    + " accepter's system. Certificates and SIMs held by anything but a remote-access component are"
                    + " machine identities, where a second factor has no meaning, and are left to other rules; the"
                    + " maker of a workstation, phone, app or HMI holds none of its secrets.")
            .layers(Layer.DEVICE, Layer.NETWORK, Layer.PLATFORM, Layer.SERVICE)
            .threatens(SAFETY, CONFIDENTIALITY, INTEGRITY, AVAILABILITY)
            .references(
                    cwe(308),
                    cwe(287),
                    capec(555),
                    capec(560),
                    owaspIot(3),
                    iec62443("SR 1.1 RE 2"),
                    iec62443("SR 1.13"))
            .mitigations(
                    "Require a second factor for every remote and third-party login, preferably phishing-resistant"
                            + " (FIDO2 or smart card), and declare it on the relation (mfa: true).",
                    "Give each supplier technician a named, individually revocable account through one"
                            + " brokered remote-access gateway in a DMZ, not a login on the target itself.",
                    "Enable vendor sessions only on request and for a limited time, record them, and review the"
                            + " supplier's accounts at every contract change.")
            .build();

    public VendorRemoteAccessWithoutMfa() {
        super(METADATA);
    }

    @Override
    protected void checkCredential(RuleContext context, int r) {
        FrozenGraph graph = context.graph();
        CredentialRelation credential = graph.credential(r);
        if (credential.mfa()) {
            return;
        }
        int holder = graph.credentialHolder(r);
        Component h = graph.component(holder);
        boolean remoteAccess = h.kind().equals("remote-access");
        if (!remoteAccess && MACHINE_KINDS.contains(credential.kind())) {
            return;
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (remoteAccess) {
            reasons.add(h.id() + " is a remote-access component");
        }
        boolean thirdParty = false;
        for (int accepter : graph.credentialAccepters(r)) {
            int system = graph.systemOf(accepter);
            if (graph.systemOf(holder) != system) {
                thirdParty |= !AccessFacts.runners(graph, system).contains(graph.systemOwner(graph.systemOf(holder)));
                reasons.add(h.id() + " sits in system "
                        + graph.system(graph.systemOf(holder)).id()
                        + ", outside system " + graph.system(system).id() + " of "
                        + graph.component(accepter).id());
            }
            Optional<String> keeper = thirdParty(graph, holder, system);
            if (keeper.isPresent()) {
                thirdParty = true;
                reasons.add(keeper.get());
            }
        }
        if (reasons.isEmpty()) {
            return;
        }
        context.onCredential(
                r,
                "the " + credential.kind() + " that " + h.id() + " holds opens "
                        + AccessFacts.accepters(graph, r) + " without a second factor: "
                        + String.join("; ", reasons),
                thirdParty
                        ? Factor.of(
                                5,
                                "a supplier's single secret is phished, reused or leaked outside the"
                                        + " owner's network and view, and works as is")
                        : Factor.of(
                                4,
                                "a remote or cross-system login with a single secret is phished,"
                                        + " reused or leaked, and works as is"));
    }

    /** Why the holder is in a third party's hands with respect to system {@code system}, if it is. */
    private static Optional<String> thirdParty(FrozenGraph graph, int holder, int system) {
        Component h = graph.component(holder);
        Set<Integer> runners = AccessFacts.runners(graph, system);
        String whose = "the owner or operator of " + graph.system(system).id();
        int maintainer = AccessFacts.stakeholder(graph, h.maintainer());
        if (maintainer >= 0 && !runners.contains(maintainer)) {
            return Optional.of(
                    h.id() + " is maintained by " + AccessFacts.stakeholderName(graph, maintainer) + ", not " + whose);
        }
        int operator = AccessFacts.stakeholder(graph, h.operator());
        if (operator >= 0 && !runners.contains(operator)) {
            return Optional.of(
                    h.id() + " is run by " + AccessFacts.stakeholderName(graph, operator) + ", not " + whose);
        }
        boolean ownerRunsIt =
                (maintainer >= 0 && runners.contains(maintainer)) || (operator >= 0 && runners.contains(operator));
        int manufacturer = AccessFacts.stakeholder(graph, h.manufacturer());
        if (manufacturer >= 0
                && !runners.contains(manufacturer)
                && !ownerRunsIt
                && h.layer() != Layer.DEVICE
                && !USER_SIDE_KINDS.contains(h.kind())) {
            return Optional.of(h.id() + " is a " + h.kind() + " made by "
                    + AccessFacts.stakeholderName(graph, manufacturer)
                    + " and nothing says " + whose + " runs it");
        }
        return Optional.empty();
    }

    @Override
    protected List<KeyEdit> fix(FrozenGraph graph, int r) {
        return List.of(new KeyEdit(graph.credential(r).at(), "mfa", "true"));
    }
}
