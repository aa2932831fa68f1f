package dev.mamori.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Severity;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.report.Assessed;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    /** Issue 14: a row names the other rules that see the same problem on the same element. */
    @Test
    void aRowNamesTheOtherRulesOfItsProblem() {
        String html = HtmlReport.render(Assessed.example("venue/landscape.yaml"), "9.9.9");
        assertThat(html)
                .contains("<code>internet-to-control-zone-flow</code><br><span class=\"title\">")
                .contains("<span class=\"kind\">the same problem as remote-access-into-control-zone</span>")
                .contains("<span class=\"kind\">the same problem as internet-to-control-zone-flow</span>");
    }

    /** Issue 14: a finding on a way in to catastrophic harm says so in its row, as assess and JSON do. */
    @Test
    void aRowOnAWayInToCatastrophicHarmSaysSo() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String html = HtmlReport.render(venue, "9.9.9");
        var ways = venue.risk().findings().stream()
                .filter(f -> f.wayIn().isPresent())
                .toList();
        assertThat(ways).isNotEmpty();
        assertThat(html)
                .contains("<div class=\"way-in\">first, a way in: outsiders can take access.lte-router directly");
        assertThat(Pattern.compile("<div class=\"way-in\">")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(ways.size());
    }

    /** Issue 15: the systemic section says which data an attacker reads and changes, as the text does. */
    @Test
    void theSystemicSectionListsTheDataAnAttackerReadsAndChanges() {
        Assessment plant = Assessed.example("plant/plant.yaml");
        String html = HtmlReport.render(plant, "9.9.9");
        assertThat(plant.systemic().dataRead()).isNotEmpty();
        assertThat(plant.systemic().dataTampered()).isNotEmpty();
        assertThat(html)
                .contains("<h3>Data an attacker can read</h3>")
                .contains(
                        "<li>tank-levels (confidentiality medium), p = 0.40, stored on chem-telemetry.supplier-portal;"
                                + " can leave: chem-telemetry.supplier-portal faces the internet</li>")
                .contains("<h3>Data an attacker can change</h3>")
                .contains("<li>treatment.water-quality (integrity critical), p = 0.24, changed where it is stored, on"
                        + " treatment.historian</li>");
    }

    @Test
    void everySectionIsThereAndNothingIsFetched() {
        Assessment venue = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.empty(), Optional.of("access"), List.of()));
        String html = HtmlReport.render(venue, "9.9.9");
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<section id=\"summary\">", "<section id=\"heatmaps\">", "<section id=\"landscape\">")
                .contains("<section id=\"systems\">", "<section id=\"findings\">", "<section id=\"systemic\">")
                .contains("<section id=\"missions\">", "<section id=\"compliance\">")
                .contains("<li><a href=\"#missions\">Missions and scenarios</a></li>")
                .contains("<h3 id=\"isolation\">Isolation plan: keep ");
        // self-contained: no external scripts, styles, images or fonts
        assertThat(html)
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("@import")
                .doesNotContain("url(http");
        // the diagrams, the robustness curve, and one restoration chart per scenario that restores anything
        long gantts = venue.missions().scenarios().stream()
                .filter(s -> !s.restoration().isEmpty())
                .count();
        assertThat(Pattern.compile("<svg [^>]*class=\"mamori-(diagram|chart)")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(2 + venue.landscape().systems().size() + 1 + gantts);
    }

    @Test
    void theSummaryAndHeatMapsCountTheOpenFindings() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String html = HtmlReport.render(venue, "9.9.9");
        var bySeverity = venue.risk().openBySeverity();
        assertThat(html)
                .contains("<span class=\"value\">" + venue.risk().open().size()
                        + "</span><span class=\"label\">open findings")
                .contains("<span class=\"value\">" + bySeverity.get(Severity.CRITICAL)
                        + "</span><span class=\"label\">critical")
                .contains("<caption>All properties (" + venue.risk().open().size() + ")</caption>")
                .contains("<caption>Safety ("
                        + venue.risk().openByProperty().get(dev.mamori.engine.risk.Property.SAFETY) + ")</caption>")
                .contains("Deployment gate (<code>mamori verify --fail-on high</code>): <b>fail</b>");
    }

    @Test
    void everyFindingIsARowWithItsFilterData() {
        Assessment shop = Assessed.model("m.yaml", Assessed.SHOP);
        String html = HtmlReport.render(shop, "9.9.9");
        assertThat(Pattern.compile("<tr class=\"finding ")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(shop.risk().findings().size());
        assertThat(html)
                .contains("data-system=\"shop\" data-layer=\"device\" data-status=\"closed\"")
                .contains("accepted by ops until 2027-01-01: decoy camera")
                .contains("<td class=\"where\">m.yaml:10</td>")
                .contains(
                        "id=\"f-search\"",
                        "id=\"f-severity\"",
                        "id=\"f-property\"",
                        "id=\"f-system\"",
                        "id=\"f-layer\"");
    }

    @Test
    void textFromTheModelCannotInjectMarkup() {
        Assessment evil = Assessed.model(
                "m.yaml", Assessed.SHOP.replace("landscape: Shop", "landscape: \"<img src=x onerror=alert(1)>\""));
        String html = HtmlReport.render(evil, "9.9.9");
        assertThat(html).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void theMissionsSectionShowsWhatStopsEachMissionAndHowScenariosRecover() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String html = HtmlReport.render(venue, "9.9.9");
        String missions = section(html, "missions");
        // N-1 on the venue: the shuttle buses alone stop spectator transport; the emergency release stops evacuation
        assertThat(missions)
                .contains("<tr data-mission=\"spectator-transport\">")
                .containsPattern("data-mission=\"safe-evacuation\">.*?</td><td>access\\.emergency-release</td>")
                .contains("<h3>Single points of failure</h3>")
                // the needs as written: "at least 2 of" and "any of" kept
                .contains("<span class=\"kind\">needs all of: access.gate-controllers, access.gate-management,"
                        + " at least 2 of (access.turnstiles-north, access.turnstiles-south, access.turnstiles-east,"
                        + " access.turnstiles-west), any of (flow ticket-validation, access.offline-validation-list),"
                        + " access.emergency-release</span>");
        // every scenario with each mission's outcome against its objectives
        for (var s : venue.missions().scenarios()) {
            assertThat(missions).contains("<h3 class=\"scenario\" id=\"scenario-" + s.scenario() + "\">");
        }
        assertThat(missions)
                .contains("Scenario gate-ransomware: Ransomware on the gate management server")
                .containsPattern(
                        "<td>spectator-entry</td><td><span class=\"badge st-stopped\">stopped</span></td>"
                                + "<td>1d2h30m</td><td>15m</td><td>45m</td><td><span class=\"badge v-not-satisfied\">missed</span>")
                // the core firewall failing: the consoles lose their crowd feeds and fall back to radio reports
                .containsPattern("<td>crowd-safety-monitoring</td><td><span class=\"badge st-degraded\">degraded</span>"
                        + "<br><span class=\"kind\">steward-radio-reports</span></td><td>45m</td><td>5m</td><td>15m</td>"
                        + "<td><span class=\"badge v-not-satisfied\">missed</span>");
        // the restoration: a Gantt chart with the objectives drawn, and the table with who does what when
        assertThat(missions)
                .contains("class=\"mamori-chart gantt\"")
                .contains(">RTO spectator-entry</text>")
                .contains("<tr><td>2h</td><td>1d2h</td><td>access.gate-controllers</td><td>compromised</td>")
                .contains("Turnstiles in free mode, stewards check tickets by eye");
        // the robustness curve: a point per fraction, the numbers in the tooltips
        var points = venue.missions().robustness().points();
        assertThat(missions).contains("class=\"mamori-chart robustness\"");
        assertThat(Pattern.compile("<circle ").matcher(missions).results().count())
                .isEqualTo(2L * points.size());
        assertThat(missions)
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "<title>10%% failed: %.1f%% of missions running (on average)</title>",
                        points.get(2).missionsUp() * 100));
    }

    @Test
    void theComplianceSectionGivesEachSystemsVerdictsEvidenceAndGaps() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String html = HtmlReport.render(venue, "9.9.9");
        String compliance = section(html, "compliance");
        assertThat(compliance).contains("Requirements catalog <b>mamori ").contains("jurisdictions: jp");
        for (var s : venue.compliance().systems()) {
            var n = s.counts();
            assertThat(compliance)
                    .contains("<tr data-system=\"" + s.system() + "\">")
                    .contains("<details class=\"system compliance\"")
                    .contains(s.system() + " — profile " + s.profile().id() + ": "
                            + n.get(dev.mamori.engine.compliance.Verdict.NOT_SATISFIED) + " not satisfied");
        }
        // coverage per standard, the ETSI line counting the mandatory provisions
        assertThat(compliance).contains("ETSI EN 303 645 V3.1.3 (2024-09) mandatory provisions: ");
        // a requirement not met, with its evidence located and what would close the gap
        assertThat(compliance)
                .contains("<tr class=\"requirement\" data-verdict=\"not-satisfied\" data-obligation=\"essential\">")
                .contains("<code>anomaly-monitoring</code>")
                .contains("no control anomaly-monitoring is declared for telco")
                .contains("<div class=\"gap\">To close it: ");
        assertThat(html)
                .containsPattern("Requirements not satisfied across \\d+ systems: \\d+ statutory, \\d+ essential");
    }

    /** The HTML of one section. */
    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void theSystemicViewListsTheLikeliestHazardsOnlyOnALargeLandscape() {
        // 130 exposed actuators with default passwords, each with a hazard an attacker can trigger
        StringBuilder yaml = new StringBuilder("""
                mamori: 1
                landscape: Valves
                stakeholders: { ops: { roles: [operator] } }
                systems:
                  plant:
                    owner: ops
                    operator: ops
                    category: industrial
                    components:
                """);
        for (int i = 0; i < 130; i++) {
            yaml.append("      v")
                    .append(i)
                    .append(": { kind: actuator, credentials: default-shared, exposure: internet,")
                    .append(" hazards: { burst: { severity: critical } } }\n");
        }
        Assessment valves = Assessed.model("m.yaml", yaml.toString());
        assertThat(valves.systemic().hazards()).hasSizeGreaterThan(HtmlReport.MAX_LISTED);
        String systemic = section(HtmlReport.render(valves, "9.9.9"), "systemic");
        String hazards = systemic.substring(systemic.indexOf("<h3>Hazards an attacker can trigger</h3>"));
        assertThat(Pattern.compile("<li>plant\\.v\\d+\\.burst ")
                        .matcher(hazards)
                        .results()
                        .count())
                .isEqualTo(HtmlReport.MAX_LISTED);
        assertThat(hazards)
                .contains(
                        "100 of " + valves.systemic().hazards().size()
                                + " hazards, the most likely listed; <code>mamori systemic</code> and the JSON assessment have all.");
    }

    @Test
    void everyIdOnThePageIsUniqueAndEveryReferenceFindsIt() {
        // the landscape, every system, the systemic view with its isolation plan, and the charts, in one document
        Assessment venue = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.of("operations"), Optional.of("cctv"), List.of()));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(HtmlReport.render(venue, "9.9.9"));
        java.util.Map<String, Integer> ids = new java.util.TreeMap<>();
        page.select("[id]").forEach(e -> ids.merge(e.id(), 1, Integer::sum));
        assertThat(page.select("svg.mamori-diagram"))
                .hasSize(2 + venue.landscape().systems().size());
        assertThat(ids.keySet()).contains("mamori-landscape-arrow-command", "mamori-systemic-arrow-cut");
        assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
                .as("ids used more than once on the page")
                .isEmpty();
        // every arrowhead, pattern and anchor named on the page is there
        java.util.regex.Matcher refs =
                Pattern.compile("url\\(#([^)]+)\\)|href=\"#([^\"]+)\"").matcher(page.outerHtml());
        int n = 0;
        while (refs.find()) {
            String id = refs.group(1) != null ? refs.group(1) : refs.group(2);
            assertThat(ids).as("reference to #" + id).containsKey(id);
            n++;
        }
        assertThat(n).isGreaterThan(20);
    }

    @Test
    void aDiagramShrinksToItsColumnButNotBelowALegibleSize() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(HtmlReport.render(venue, "9.9.9"));
        for (org.jsoup.nodes.Element svg : page.select("svg.mamori-diagram")) {
            double width = Double.parseDouble(svg.attr("width"));
            assertThat(svg.attr("style"))
                    .as(svg.id())
                    .isEqualTo("min-width: " + Math.round(width * HtmlReport.MIN_DIAGRAM_SCALE) + "px");
            assertThat(svg.parent().hasClass("diagram")).isTrue();
        }
        assertThat(page.selectFirst("style").data())
                .contains(".diagram svg { display: block; max-width: 100%; height: auto; }");
    }

    @Test
    void theLegendDrawsItsSymbolsInsteadOfGlyphsAFontMayLack() {
        String legend = HtmlReport.legend();
        assertThat(legend).doesNotContain("━", "╌", "⚠");
        assertThat(legend)
                .contains("<span class=\"swatch command\"></span>command flow")
                .contains("<span class=\"swatch credential\"></span>credential")
                .contains("<svg class=\"sign\"");
    }
}
