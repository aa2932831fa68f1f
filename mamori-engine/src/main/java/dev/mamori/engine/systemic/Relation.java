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
    /** A data flow: the target's decisions are influenced, not controlled. */
    DATA;

    /** Whether the relation passes control (the others pass influence only). */
    public boolean passesControl() {
        return this != DATA;
    }
}
