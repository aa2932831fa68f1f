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
                .contains("<h3 id=\"isolation\">Isolation plan: keep ");
        // self-contained: no external scripts, styles, images or fonts
        assertThat(html)
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain("@import")
                .doesNotContain("url(http");
        assertThat(Pattern.compile("<svg ").matcher(html).results().count())
                .isEqualTo(2 + venue.landscape().systems().size());
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
}
