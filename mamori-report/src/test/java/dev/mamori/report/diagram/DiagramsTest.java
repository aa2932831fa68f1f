package dev.mamori.report.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.IotSystem;
import dev.mamori.report.Assessed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class DiagramsTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document doc, String xpath) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET))
                .getLength();
    }

    @Test
    void aSystemHasItsLayersAsBandsZonesAsBoxesAndCommandsApartFromData() throws Exception {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        IotSystem access = venue.landscape().systems().get("access");
        Document svg = parse(new Diagrams(venue).system(access));
        long commandFlows = access.flows().stream().filter(f -> f.commands()).count();
        assertThat(commandFlows).isPositive();
        assertThat(count(svg, "//g[contains(@class,'band-device')]")).isEqualTo(1);
        assertThat(count(svg, "//g[contains(@class,'band-service')]")).isEqualTo(1);
        assertThat(count(svg, "//g[contains(@class,'zone')]/text[.='gate-ot']")).isPositive();
        assertThat(count(svg, "//g[contains(@class,'node')]"))
                .isEqualTo(access.components().size());
        assertThat(count(svg, "//g[@class='command']/polyline")).isPositive();
        assertThat(count(svg, "//g[@class='data']/polyline")).isPositive();
        // every component with a hazard is marked
        long withHazards = access.components().values().stream()
                .filter(c -> !c.hazards().isEmpty())
                .count();
        assertThat(count(svg, "//g[contains(@class,' hazard')]")).isEqualTo((int) withHazards);
    }

    @Test
    void bandsStackServiceAbovePlatformAboveNetworkAboveDevice() throws Exception {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        Document svg =
                parse(new Diagrams(venue).system(venue.landscape().systems().get("access")));
        double previous = -1;
        for (String layer : List.of("service", "platform", "network", "device")) {
            String y = XPathFactory.newInstance()
                    .newXPath()
                    .evaluate("//g[contains(@class,'band-" + layer + "')]/rect/@y", svg);
            if (!y.isEmpty()) {
                assertThat(Double.parseDouble(y)).as(layer).isGreaterThan(previous);
                previous = Double.parseDouble(y);
            }
        }
    }

    @Test
    void theLandscapeHasOneBoxPerSystemAndTheSystemicViewDrawsTheCuts() throws Exception {
        Assessment venue = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.empty(), Optional.of("access"), List.of()));
        Diagrams diagrams = new Diagrams(venue);
        Document landscape = parse(diagrams.landscape());
        assertThat(count(landscape, "//g[contains(@class,'node')]"))
                .isEqualTo(venue.landscape().systems().size());
        assertThat(count(landscape, "//polyline")).isPositive();
        Document systemic = parse(diagrams.systemic());
        // every path's hops are drawn between the components, grouped by system
        assertThat(count(systemic, "//g[contains(@class,'group system')]")).isPositive();
        assertThat(
                        count(
                                systemic,
                                "//g[@class='command' or @class='credential' or @class='lateral' or @class='zone-member' or @class='cut']/polyline"))
                .isPositive();
    }

    @Test
    void aLargeSystemIsGatheredByZoneLayerAndKind() throws Exception {
        StringBuilder model = new StringBuilder("""
                mamori: 1
                landscape: Big
                stakeholders: { ops: { roles: [operator] } }
                systems:
                  big:
                    owner: ops
                    category: enterprise
                    zones: { field: { kind: ot, trust: medium } }
                    components:
                """);
        int n = Diagrams.MAX_COMPONENTS + 20;
        for (int i = 0; i < n; i++) {
            model.append("      s").append(i).append(": { kind: sensor, zone: field, credentials: unique }\n");
        }
        model.append("      gw: { kind: gateway, zone: field, credentials: unique }\n");
        Assessment big = Assessed.model("big.yaml", model.toString());
        Document svg = parse(new Diagrams(big).system(big.landscape().systems().get("big")));
        assertThat(count(svg, "//g[contains(@class,'aggregate')]")).isEqualTo(2);
        assertThat(count(svg, "//g[contains(@class,'aggregate')]/text[.='" + n + " × sensor']"))
                .isEqualTo(1);
    }

    @Test
    void textFromTheModelIsEscaped() throws Exception {
        Assessment evil =
                Assessed.model("e.yaml", Assessed.SHOP.replace("landscape: Shop", "landscape: \"Shop <script>&\""));
        String svg = new Diagrams(evil).landscape();
        assertThat(svg).doesNotContain("<script>").contains("Shop &lt;script&gt;&amp;");
        parse(svg);
    }
}
