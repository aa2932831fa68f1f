package dev.mamori.vulns;

import dev.mamori.engine.risk.Rule;
import dev.mamori.model.Exploit;
import dev.mamori.model.Landscape;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.findings.DerivedExploits;
import dev.mamori.vulns.findings.KnownExploitedVulnerability;
import dev.mamori.vulns.findings.KnownVulnerability;
import dev.mamori.vulns.findings.VulnerabilityRules;
import dev.mamori.vulns.match.Match;
import dev.mamori.vulns.match.Matcher;
import dev.mamori.vulns.match.Matches;
import dev.mamori.vulns.sbom.Inventory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What vulnerability data means for one landscape: the matches of what its components run, the
 * landscape with the flaws known to be exploited added as {@code exploitable} facts (so that the
 * systemic analysis takes them as ways in and across), and the rules that report the matches. The
 * application layer runs this before the assessment; the analyses themselves never read feeds.
 *
 * @param matches every match, affected or cleared by VEX or a treatment
 * @param landscape the landscape with the derived flaws
 * @param derived the derived flaws by component
 */
public record KnownVulnerabilities(List<Match> matches, Landscape landscape, Map<String, List<Exploit>> derived) {

    /** The ids of the rules that report known vulnerabilities. */
    public static final Set<String> RULE_IDS =
            Set.of(KnownExploitedVulnerability.METADATA.id(), KnownVulnerability.METADATA.id());

    public KnownVulnerabilities {
        matches = Matches.copyOf(matches);
        derived = Map.copyOf(derived);
    }

    /** Matches {@code inventory} of {@code landscape} against {@code data}, on {@code today}. */
    public static KnownVulnerabilities of(
            Landscape landscape, Inventory inventory, VulnerabilityData data, LocalDate today) {
        if (data.isEmpty() || inventory.packages().isEmpty()) {
            return new KnownVulnerabilities(List.of(), landscape, Map.of());
        }
        List<Match> matches = new Matcher(data).match(inventory, landscape.treatments(), today);
        Map<String, List<Exploit>> derived = DerivedExploits.of(landscape, matches);
        return new KnownVulnerabilities(matches, landscape.withMoreExploits(derived), derived);
    }

    /** The rules of known vulnerabilities, reporting nothing: for the list of rules a treatment may name. */
    public static List<Rule> rulesWithoutData() {
        return VulnerabilityRules.of(List.of());
    }

    /**
     * {@code rules} with the rules of known vulnerabilities reporting these matches; rules of
     * {@code rules} that are not of known vulnerabilities are kept as they are, and the rules of
     * known vulnerabilities are added only where {@code rules} has them.
     */
    public List<Rule> rules(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        boolean had = false;
        for (Rule r : rules) {
            if (RULE_IDS.contains(r.metadata().id())) {
                had = true;
            } else {
                out.add(r);
            }
        }
        if (had) {
            out.addAll(VulnerabilityRules.of(matches));
        }
        return out;
    }

    /** The matches the component is affected by. */
    public List<Match> affected() {
        return matches.stream().filter(Match::affected).toList();
    }
}
