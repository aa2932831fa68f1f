package dev.mamori.model;

/**
 * The kinds of change an isolation plan proposes, each with what it costs by default: the effort,
 * on one scale, of making it (1 a setting, 2–3 a configuration or a rule, 5 work on site, a release
 * or a vendor's process). A landscape states its own under {@code assumptions: { plan-costs: … }},
 * where its owner knows better (segmenting its network may be cheap, locking cabinets dear).
 */
public enum PlanChange {
    LIMIT_COMMANDS(
            "limit-commands",
            2,
            "Limit what a component accepts over a command flow to a safe envelope it enforces itself."),
    PROTECT_FLOW(
            "protect-flow",
            2,
            "Protect a command flow end to end, so that a network on its path can neither read nor forge it."),
    VERIFY_UPDATES(
            "verify-updates",
            5,
            "Have a fleet install only updates verified against a key its update source does not hold."),
    REVOKE_CREDENTIAL(
            "revoke-credential", 1, "Revoke a credential, put it behind a second factor, or take it off its holder."),
    SEGMENT("segment", 3, "Segment a component from the rest of its zone."),
    HARDEN_LOGIN(
            "harden-login",
            1,
            "Give a component a unique login, or patch a known flaw of it (one that lets a neighbour in, or that"
                    + " crashes it)."),
    FILTER_EXPOSURE(
            "filter-exposure",
            3,
            "Take a service out of outsiders' reach: allow only known peers, or put it behind the VPN."),
    CLOSE_RADIO("close-radio", 5, "Close a component's radio to strangers."),
    LOCK_AWAY("lock-away", 5, "Lock a component's enclosure and service ports away from the public."),
    RESTRICT_USERS("restrict-users", 5, "Restrict what people can open, run or plug in on a component."),
    RESET_ACCOUNT(
            "reset-account",
            1,
            "Disable a dormant account, or reset a leaked or reused secret and require a second factor."),
    KEEP_SECRET_OFF(
            "keep-secret-off", 2, "Keep an account's secret off a host: log in there with an account of its own tier."),
    RELEASE_WITHOUT_SECRET("release-without-secret", 5, "Take a secret embedded in software out of it, in a release."),
    SECOND_FACTOR(
            "second-factor",
            1,
            "Require a second factor for an account where it logs in, or narrow where it may log in from."),
    ADD_CAPACITY(
            "add-capacity",
            5,
            "Give a service a second provider or a scrubbing service, so that it absorbs a flood larger than the"
                    + " attacker's."),
    ADD_SPARE(
            "add-spare",
            5,
            "Keep a spare of a component where the attacker does not reach it, ready to take over when it is lost."),
    EGRESS_RULE(
            "egress-rule",
            2,
            "Let only a zone's modelled flows leave it (egress: deny), so that data read there cannot be taken out."),
    PER_MISSION(
            "per-mission",
            2,
            "Added to cutting a command or credential between two components a mission needs, per such mission.");

    private final String word;
    private final int defaultCost;
    private final String meaning;

    PlanChange(String word, int defaultCost, String meaning) {
        this.word = word;
        this.defaultCost = defaultCost;
        this.meaning = meaning;
    }

    /** The key it has under {@code plan-costs}. */
    public String word() {
        return word;
    }

    public int defaultCost() {
        return defaultCost;
    }

    public String meaning() {
        return meaning;
    }
}
