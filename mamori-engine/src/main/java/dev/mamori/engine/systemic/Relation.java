package dev.mamori.engine.systemic;

/** How compromise or influence travels from one node of the propagation graph to the next. */
public enum Relation {
    /**
     * A command flow: control passes, authorized or not (authorization limits who may command, and
     * the attacker holds exactly that sender).
     */
    COMMAND,
    /** A credential the source holds and the target accepts: control passes. */
    CREDENTIAL,
    /** A component's foothold in its zone (component to zone node). */
    ZONE_MEMBER,
    /** A weakly authenticated service reachable from inside its zone (zone node to component). */
    LATERAL,
    /** A held host gives the secret of an account that logs in to it or is used from it (host to account node). */
    HARVEST,
    /** An account's secret, used where the attacker has a network route to a login it opens (account node to component). */
    LOGIN,
    /**
     * Outsiders reach a component exposed to them and take it (by its login, a known flaw, or a
     * person using it), or hold an account's leaked secret (outsiders' node to component or account).
     */
    EXPOSURE,
    /**
     * A held network component on the path of a command flow that travels in clear and is not
     * strongly authenticated: whoever holds the path reads the flow and forges its commands, so
     * control passes to the flow's receiver (a man in the middle; network component to receiver).
     */
    INTERCEPT,
    /**
     * A component installs the software another builds, signs or serves ({@code updates-from}):
     * whoever holds the source ships it their code, signed or not (update source to component).
     */
    UPDATE,
    /** A data flow: the target's decisions are influenced, not controlled. */
    DATA;

    /** Whether the relation passes control (the others pass influence only). */
    public boolean passesControl() {
        return this != DATA;
    }
}
