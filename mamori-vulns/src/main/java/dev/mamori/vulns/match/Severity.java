package dev.mamori.vulns.match;

import java.util.Optional;
import us.springett.cvss.Cvss;

/**
 * What a CVSS vector says, scored by a maintained calculator (us.springett cvss-calculator: v2,
 * v3.0, v3.1, v4.0) and read for the two facts Mamori uses: how it is reached, and whether it gives
 * control or only an outage.
 *
 * @param vector the vector as the source gave it
 * @param score its base score, 0.0–10.0
 */
public record Severity(String vector, double score) {

    /** The score of {@code vector}, or empty when the calculator cannot read it. */
    public static Optional<Severity> of(String vector) {
        try {
            Cvss cvss = Cvss.fromVector(vector);
            if (cvss == null) {
                return Optional.empty();
            }
            return Optional.of(new Severity(vector, cvss.calculateScore().getBaseScore()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The qualitative rating of CVSS v3 and v4: none, low, medium, high, critical. */
    public String rating() {
        if (score == 0) {
            return "none";
        }
        return score < 4 ? "low" : score < 7 ? "medium" : score < 9 ? "high" : "critical";
    }

    /** Whether it is used over the network (AV:N), with no privileges and no user's help. */
    public boolean remoteUnauthenticated() {
        return has("AV:N") && (has("PR:N") || has("Au:N")) && (has("UI:N") || !vector.contains("UI:"));
    }

    /** The attack vector letter: N (network), A (adjacent), L (local), P (physical), or ? when unknown. */
    public char attackVector() {
        int at = vector.indexOf("AV:");
        return at >= 0 && at + 3 < vector.length() ? vector.charAt(at + 3) : '?';
    }

    /**
     * Whether using it only stops the component (availability affected, confidentiality and
     * integrity not): an outage rather than a takeover.
     */
    public boolean crashOnly() {
        boolean noC = has("C:N") || has("VC:N");
        boolean noI = has("I:N") || has("VI:N");
        boolean availability = has("A:H") || has("A:L") || has("VA:H") || has("VA:L") || has("A:P") || has("A:C");
        return noC && noI && availability;
    }

    /**
     * Whether using it can change what the component does (integrity affected): a takeover, as
     * far as the vector tells. A flaw that only reads (confidentiality alone) gives neither control
     * nor an outage.
     */
    public boolean givesControl() {
        return !(has("I:N") || has("VI:N"));
    }

    private boolean has(String metric) {
        return ("/" + vector + "/").contains("/" + metric + "/");
    }
}
