package dev.mamori.model;

/**
 * The closed, ordered scales of the language. They are part of its meaning (rules compare them),
 * unlike the open vocabularies of protocols or component kinds, which live in data.
 */
public final class Scales {

    private Scales() {}

    /** How a component's login secrets are set, from worst to best. */
    public enum Credentials {
        UNKNOWN,
        NONE,
        DEFAULT_SHARED,
        FLEET_SHARED,
        USER_DEFINED,
        UNIQUE,
        CERTIFICATE
    }

    /**
     * How sure the model is of a fact it marks: assumed by the modeller, alleged by a source that
     * does not prove it, or known to have happened by a method nobody has described.
     */
    public enum Certainty {
        ASSUMED,
        ALLEGED,
        UNKNOWN_METHOD
    }

    /** What an account is: whose it is and how it is used. */
    public enum AccountKind {
        DOMAIN,
        LOCAL,
        SERVICE,
        VENDOR_SUPPORT,
        CLOUD
    }

    /**
     * What is known about an account's secret: it has leaked, it is reused on other systems, the
     * account is no longer used by anyone (so nobody notices it being used), or its secret is
     * embedded in software on the hosts that use it.
     */
    public enum AccountState {
        LEAKED,
        REUSED,
        DORMANT,
        EMBEDDED
    }

    /** What a known flaw gives an attacker who reaches the service: control, or only a crash (an outage). */
    public enum ExploitEffect {
        CONTROL,
        CRASH
    }

    /**
     * How likely a person using a component lets an attacker in: opens a malicious document, plugs
     * in a device, approves a prompt.
     */
    public enum UserAction {
        NONE,
        UNLIKELY,
        POSSIBLE,
        LIKELY
    }

    /** How software updates reach a component. */
    public enum UpdatePath {
        UNKNOWN,
        NONE,
        MANUAL,
        AUTOMATIC,
        SIGNED_MANUAL,
        SIGNED_AUTOMATIC
    }

    /** Where a component's security events go. */
    public enum Logging {
        UNKNOWN,
        NONE,
        LOCAL,
        CENTRAL,
        MONITORED
    }

    /** From where a component can be reached beyond its zone. */
    public enum Exposure {
        PHYSICAL,
        ADJACENT,
        PARTNER,
        INTERNET
    }

    /** How a platform serves several customers. */
    public enum Tenancy {
        SINGLE,
        MULTI_ISOLATED,
        MULTI_SHARED
    }

    /** Physical harm, after the MIL-STD-882 categories that IEC 61508 practice also uses. */
    public enum HazardSeverity {
        NEGLIGIBLE,
        MARGINAL,
        CRITICAL,
        CATASTROPHIC
    }

    /**
     * What may leave a zone: anything ({@code open}), or only its modelled flows ({@code deny}: the
     * flows are the allow-list), which is what keeps data an attacker reads from being sent out.
     */
    public enum Egress {
        OPEN,
        DENY
    }

    /** How much a zone's members are trusted. */
    public enum Trust {
        UNTRUSTED,
        LOW,
        MEDIUM,
        HIGH
    }

    /** What a zone is for (IEC 62443 zones, the IT/OT divide). */
    public enum ZoneKind {
        GENERAL,
        IT,
        OT,
        SAFETY,
        DMZ,
        MANAGEMENT,
        GUEST,
        PUBLIC
    }

    /** Whether the target of a command flow decides for itself that a command is allowed. */
    public enum Authorization {
        NONE,
        ROLE_BASED,
        PER_COMMAND
    }

    /** How widely a data asset may be seen. */
    public enum Classification {
        PUBLIC,
        INTERNAL,
        CONFIDENTIAL,
        RESTRICTED
    }

    /** How much confidentiality, integrity or availability matters. */
    public enum Need {
        LOW,
        MEDIUM,
        HIGH,
        CRITICAL
    }

    /** The lifecycle phases of the Japanese IoT Security Guidelines and NISC 3 f). */
    public enum Phase {
        POLICY,
        ANALYSIS,
        DESIGN,
        BUILD,
        CONNECT,
        OPERATE,
        DISPOSE
    }

    /**
     * Where a component's state is backed up, which decides whether it can be restored after an
     * attack: a backup the attacker can reach (online) is assumed encrypted or wiped with the rest.
     */
    public enum Backup {
        NONE,
        ONLINE,
        OFFLINE,
        UNKNOWN
    }

    /** Where a control stands. */
    public enum ControlStatus {
        IMPLEMENTED,
        PARTIAL,
        PLANNED
    }

    /** What was decided about a finding. */
    public enum TreatmentStatus {
        ACCEPTED,
        MITIGATING,
        MITIGATED,
        TRANSFERRED,
        FALSE_POSITIVE,
        NOT_APPLICABLE
    }
}
