package dev.mamori.vulns.match;

import dev.mamori.vulns.feed.Epss;
import dev.mamori.vulns.feed.Exploited;
import dev.mamori.vulns.sbom.InstalledPackage;
import java.util.List;
import java.util.Optional;

/**
 * A known vulnerability in a package a component runs, with everything the sources say about it.
 * What the sources say is one {@link Vulnerability} shared by every package it is found in: a
 * landscape can have millions of matches of a few thousand vulnerabilities.
 *
 * @param component the component's qualified id
 * @param vulnerability what the sources say about it
 * @param notAffected why the component is not affected after all (a VEX statement or a treatment
 *     of the model, with where it is written), when one says so
 */
public record Match(String component, InstalledPackage pkg, Vulnerability vulnerability, Optional<String> notAffected) {

    /** The id findings use: the CVE when there is one, else the advisory's id. */
    public String id() {
        return vulnerability.id();
    }

    /** Every id of it the sources use, sorted. */
    public List<String> ids() {
        return vulnerability.ids();
    }

    public String summary() {
        return vulnerability.summary();
    }

    /** Its CVSS, when a source gives a vector the calculator reads. */
    public Optional<Severity> severity() {
        return vulnerability.severity();
    }

    /** Its EPSS score, when listed. */
    public Optional<Epss> epss() {
        return vulnerability.epss();
    }

    /** Its entry in the known-exploited catalog, when listed. */
    public Optional<Exploited> exploited() {
        return vulnerability.exploited();
    }

    /** The first version that fixes it for this package, when a source says. */
    public Optional<String> fixed() {
        return vulnerability.fixed();
    }

    /** The files that describe it. */
    public List<String> sources() {
        return vulnerability.sources();
    }

    public boolean affected() {
        return notAffected.isEmpty();
    }

    public boolean knownExploited() {
        return vulnerability.exploited().isPresent();
    }
}
