package dev.mamori.engine.risk;

/**
 * An identifier in a public catalogue that a rule corresponds to: a CWE weakness, a CAPEC attack
 * pattern, an OWASP IoT Top 10 (2018) category, a MITRE EMB3D threat, an ETSI EN 303 645
 * provision. Ids only; the text of those catalogues is theirs.
 */
public record Reference(String scheme, String id) {

    public static Reference cwe(int number) {
        return new Reference("CWE", "CWE-" + number);
    }

    public static Reference capec(int number) {
        return new Reference("CAPEC", "CAPEC-" + number);
    }

    /** OWASP IoT Top 10 2018, I1 to I10. */
    public static Reference owaspIot(int number) {
        return new Reference("OWASP-IoT-2018", "I" + number);
    }

    /** MITRE EMB3D threat id, such as TID-201. */
    public static Reference emb3d(String tid) {
        return new Reference("EMB3D", tid);
    }

    /** ETSI EN 303 645 provision, such as 5.1-1. */
    public static Reference etsi(String provision) {
        return new Reference("ETSI-EN-303-645", provision);
    }

    /** IEC 62443-3-3 system requirement, such as SR 1.1. */
    public static Reference iec62443(String requirement) {
        return new Reference("IEC-62443-3-3", requirement);
    }

    @Override
    public String toString() {
        return scheme.startsWith("CWE") || scheme.startsWith("CAPEC") ? id : scheme + " " + id;
    }
}
