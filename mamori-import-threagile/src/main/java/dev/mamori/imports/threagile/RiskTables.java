package dev.mamori.imports.threagile;

import dev.mamori.model.Scales.TreatmentStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The correspondence between Threagile's tracked risks and Mamori's rules and treatment statuses,
 * as data; docs/import-threagile.md ("Risk tracking to treatments") shows it to people.
 */
final class RiskTables {

    private RiskTables() {}

    /** Which element of the model a Mamori rule reports its findings on. */
    enum Target {
        /** The flow of the tracked link. */
        FLOW,
        /** The component the tracked link goes to (the one that should authenticate its callers). */
        LINK_TARGET
    }

    /** What the import knows of a flow it wrote: enough to tell which Mamori rules will fire on it. */
    record LinkFacts(
            String protocol,
            String encryption,
            String authentication,
            boolean commands,
            boolean vpn,
            boolean sensitiveData,
            boolean targetInternet,
            boolean targetPlatformOrService) {

        /** Nothing on the path encrypts it: no encryption of its own, and no VPN. */
        boolean cleartext() {
            return encryption.equals("none") && !vpn;
        }

        boolean staticSecret() {
            return authentication.equals("password") || authentication.equals("api-key");
        }
    }

    /**
     * A Mamori rule that finds the weakness a Threagile risk names, on the element it reports, when
     * the imported flow shows what the rule looks for ({@code fires}; {@code when} says it in words).
     */
    record Rule(String id, Target target, Predicate<LinkFacts> fires, String when) {}

    /**
     * Threagile risk categories with Mamori rules that find the same weakness. Threagile's one
     * finding on a link can be several Mamori findings (clear-text MQTT carrying a password is
     * two), so a tracked risk becomes a treatment of each rule that fires on the imported flow.
     */
    static final Map<String, List<Rule>> RISKS = Map.of(
            "unencrypted-communication",
            List.of(
                    new Rule(
                            "unencrypted-sensitive-data-in-transit",
                            Target.FLOW,
                            f -> f.cleartext() && f.sensitiveData(),
                            "clear text carrying confidential or personal data"),
                    new Rule(
                            "password-over-cleartext",
                            Target.FLOW,
                            f -> f.cleartext() && f.staticSecret(),
                            "clear text authenticated by a password or API key"),
                    new Rule(
                            "mqtt-without-tls",
                            Target.FLOW,
                            f -> f.protocol().equals("mqtt") && f.encryption().equals("none"),
                            "MQTT without encryption")),
            "missing-authentication",
            List.of(
                    new Rule(
                            "commands-without-authentication",
                            Target.FLOW,
                            f -> f.commands() && f.authentication().equals("none"),
                            "an unauthenticated flow that carries commands"),
                    new Rule(
                            "unauthenticated-exposed-service",
                            Target.LINK_TARGET,
                            f -> f.authentication().equals("none") && f.targetInternet() && f.targetPlatformOrService(),
                            "an unauthenticated flow into an internet-facing platform or service")),
            "missing-authentication-second-factor",
            List.of(new Rule(
                    "password-only-internet-login",
                    Target.LINK_TARGET,
                    f -> f.targetInternet() && f.staticSecret(),
                    "a password or API key into an internet-facing component")));

    /** Threagile's built-in risk categories that have no Mamori rule (they are reported, not imported). */
    static final Set<String> UNMATCHED_RISKS = Set.of(
            "accidental-secret-leak",
            "code-backdooring",
            "container-baseimage-backdooring",
            "container-platform-escape",
            "cross-site-request-forgery",
            "cross-site-scripting",
            "dos-risky-access-across-trust-boundary",
            "incomplete-model",
            "ldap-injection",
            "missing-build-infrastructure",
            "missing-cloud-hardening",
            "missing-file-validation",
            "missing-hardening",
            "missing-identity-propagation",
            "missing-identity-provider-isolation",
            "missing-identity-store",
            "missing-network-segmentation",
            "missing-vault",
            "missing-vault-isolation",
            "missing-waf",
            "mixed-targets-on-shared-runtime",
            "path-traversal",
            "push-instead-of-pull-deployment",
            "search-query-injection",
            "server-side-request-forgery",
            "service-registry-poisoning",
            "sql-nosql-injection",
            "unchecked-deployment",
            "unencrypted-asset",
            "unguarded-access-from-internet",
            "unguarded-direct-datastore-access",
            "unnecessary-communication-link",
            "unnecessary-data-asset",
            "unnecessary-data-transfer",
            "unnecessary-technical-asset",
            "untrusted-deserialization",
            "wrong-communication-link-content",
            "wrong-trust-boundary-content",
            "xml-external-entity");

    /** Threagile's tracking statuses; the two that record no decision yet become no treatment. */
    static final Map<String, Optional<TreatmentStatus>> STATUSES = Map.of(
            "unchecked", Optional.empty(),
            "in-discussion", Optional.empty(),
            "accepted", Optional.of(TreatmentStatus.ACCEPTED),
            "in-progress", Optional.of(TreatmentStatus.MITIGATING),
            "mitigated", Optional.of(TreatmentStatus.MITIGATED),
            "false-positive", Optional.of(TreatmentStatus.FALSE_POSITIVE));

    /** How long an imported acceptance holds: Threagile's never lapse, Mamori's must. */
    static final int ACCEPTANCE_MONTHS = 12;
}
