package dev.mamori.vulns.match;

import dev.mamori.vulns.feed.Epss;
import dev.mamori.vulns.feed.Exploited;
import dev.mamori.vulns.sbom.InstalledPackage;
import java.util.List;
import java.util.Optional;

/**
 * A known vulnerability in a package a component runs, with everything the sources say about it.
 *
 * @param component the component's qualified id
 * @param id the id findings use: the CVE when there is one, else the advisory's id
 * @param ids every id of it the sources use, sorted
 * @param severity its CVSS, when a source gives a vector the calculator reads
 * @param epss its EPSS score, when listed
 * @param exploited its entry in the known-exploited catalog, when listed
 * @param fixed the first version that fixes it for this package, when a source says
 * @param notAffected why the component is not affected after all (a VEX statement or a treatment
 *     of the model, with where it is written), when one says so
 * @param sources the files that describe it
 */
public record Match(
        String component,
        InstalledPackage pkg,
        String id,
        List<String> ids,
        String summary,
        Optional<Severity> severity,
        Optional<Epss> epss,
        Optional<Exploited> exploited,
        Optional<String> fixed,
        Optional<String> notAffected,
        List<String> sources) {

    public Match {
        ids = List.copyOf(ids);
        sources = List.copyOf(sources);
    }

    public boolean affected() {
        return notAffected.isEmpty();
    }

    public boolean knownExploited() {
        return exploited.isPresent();
    }
}
