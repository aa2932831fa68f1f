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
        assertThat(count(svg, "//g[contains(@class,'zone') and @data-id='g:network:gate-ot']"))
                .isEqualTo(1);
        assertThat(count(svg, "//g[@class='group-title' and @data-for='g:network:gate-ot']/text[.='gate-ot']"))
                .isEqualTo(1);
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

    /** The server's Content-Security-Policy hashes this text instead of laying a diagram out at start. */
    @Test
    void everyDiagramEmbedsTheStyleSheetTheServerHashes() {
        Assessment venue = Assessed.example("venue/landscape.yaml");
        String svg = new Diagrams(venue).system(venue.landscape().systems().get("access"));
        assertThat(svg).contains("<style>" + Diagram.embeddedStyle() + "</style>");
        assertThat(svg.split("<style>", -1)).as("one style sheet").hasSize(2);
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

    /** Every diagram of the venue: the landscape, the systemic view with an isolation plan, each system. */
    private static List<String> venueDiagrams() {
        Assessment venue = Assessed.example(
                "venue/landscape.yaml",
                new SystemicAnalyzer.Options(Optional.of("operations"), Optional.of("cctv"), List.of()));
        Diagrams diagrams = new Diagrams(venue);
        List<String> all = new java.util.ArrayList<>(List.of(diagrams.landscape(), diagrams.systemic()));
        venue.landscape().systems().values().forEach(s -> all.add(diagrams.system(s)));
        return all;
    }

    @Test
    void everyIdIsUniqueAcrossTheDiagramsOfALandscapeAndEveryArrowFindsItsHead() throws Exception {
        // the HTML page holds every diagram in one document, where ids are global
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int markers = 0;
        for (String svg : venueDiagrams()) {
            Document doc = parse(svg);
            NodeList withId =
                    (NodeList) XPathFactory.newInstance().newXPath().evaluate("//*[@id]", doc, XPathConstants.NODESET);
            java.util.Set<String> own = new java.util.HashSet<>();
            for (int i = 0; i < withId.getLength(); i++) {
                String id = ((org.w3c.dom.Element) withId.item(i)).getAttribute("id");
                ids.merge(id, 1, Integer::sum);
                own.add(id);
            }
            NodeList lines = (NodeList)
                    XPathFactory.newInstance().newXPath().evaluate("//polyline", doc, XPathConstants.NODESET);
            for (int i = 0; i < lines.getLength(); i++) {
                String end = ((org.w3c.dom.Element) lines.item(i)).getAttribute("marker-end");
                assertThat(end).startsWith("url(#").endsWith(")");
                assertThat(own).contains(end.substring(5, end.length() - 1));
                markers++;
            }
            // no arrowhead is named by the shared style sheet, where a later diagram's rule would win
            assertThat(svg).doesNotContain("marker-end:");
        }
        assertThat(markers).isPositive();
        assertThat(ids).isNotEmpty();
        assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey))
                .as("ids used more than once")
                .isEmpty();
    }

    /** A text element's size and weight, as the diagrams' style sheet sets them by class. */
    private static double textWidth(org.w3c.dom.Element text) {
        String css = text.getAttribute("class");
        String parent = ((org.w3c.dom.Element) text.getParentNode()).getAttribute("class");
        return switch (css) {
            case "detail" -> TextMetrics.width(text.getTextContent(), 10, false);
            case "hazard-words" -> TextMetrics.width(text.getTextContent(), 10, true);
            case "group-label" -> TextMetrics.width(text.getTextContent(), 11, true);
            case "diagram-title" -> TextMetrics.width(text.getTextContent(), 13, true);
            default ->
                parent.startsWith("band")
                        ? TextMetrics.width(text.getTextContent(), 10, true)
                        : TextMetrics.width(text.getTextContent(), 11, false);
        };
    }

    private static double number(org.w3c.dom.Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    /** Every text of every box lies inside the box's border, and the title inside the drawing. */
    private static void assertTextStaysInside(String svg) throws Exception {
        Document doc = parse(svg);
        org.w3c.dom.Element root = doc.getDocumentElement();
        NodeList boxes = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate("//g[rect and not(contains(@class,'band'))]", doc, XPathConstants.NODESET);
        java.util.Map<String, org.w3c.dom.Element> byId = new java.util.HashMap<>();
        for (int i = 0; i < boxes.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) boxes.item(i);
            if (g.hasAttribute("data-id")) {
                byId.put(g.getAttribute("data-id"), g);
            }
        }
        assertThat(boxes.getLength()).isPositive();
        for (int i = 0; i < boxes.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) boxes.item(i);
            // a group's title, drawn over the links on a patch of its own, must lie inside the group's border
            org.w3c.dom.Element border =
                    g.getAttribute("class").equals("group-title") ? byId.get(g.getAttribute("data-for")) : g;
            org.w3c.dom.Element rect =
                    (org.w3c.dom.Element) border.getElementsByTagName("rect").item(0);
            double left = number(rect, "x");
            double right = left + number(rect, "width");
            double top = number(rect, "y");
            double bottom = top + number(rect, "height");
            NodeList texts = g.getElementsByTagName("text");
            for (int t = 0; t < texts.getLength(); t++) {
                org.w3c.dom.Element text = (org.w3c.dom.Element) texts.item(t);
                if (text.getAttribute("class").equals("hazard-mark-bang")) {
                    continue; // centred in its sign
                }
                double x = number(text, "x");
                double y = number(text, "y");
                String what = "'" + text.getTextContent() + "' in " + border.getAttribute("data-id");
                assertThat(x).as(what).isGreaterThan(left);
                assertThat(x + textWidth(text))
                        .as(what + " ends inside the right border")
                        .isLessThan(right);
                assertThat(y).as(what).isGreaterThan(top).isLessThan(bottom);
            }
        }
        org.w3c.dom.Element title = (org.w3c.dom.Element) XPathFactory.newInstance()
                .newXPath()
                .evaluate("//text[@class='diagram-title']", doc, XPathConstants.NODE);
        assertThat(number(title, "x") + textWidth(title)).isLessThan(number(root, "width"));
        // nothing is shortened
        assertThat(svg).doesNotContain("…");
    }

    @Test
    void everyLabelFitsItsBoxAndEveryTitleItsBorder() throws Exception {
        for (String svg : venueDiagrams()) {
            assertTextStaysInside(svg);
        }
    }

    @Test
    void aLongNameIsWrappedWhole() throws Exception {
        String name = "Regional crowd management and environmental sensing platform of the northern stands";
        Assessment long_ = Assessed.model(
                "long.yaml",
                Assessed.SHOP
                        .replace("category: enterprise", "name: " + name + "\n    category: enterprise")
                        .replace(
                                "safe: { kind: camera,",
                                "very-long-component-identifier-of-the-safe-camera-in-the-back-office: { kind: camera,"));
        Diagrams diagrams = new Diagrams(long_);
        String landscape = diagrams.landscape();
        String system = diagrams.system(long_.landscape().systems().get("shop"));
        assertTextStaysInside(landscape);
        assertTextStaysInside(system);
        // the name, broken over lines, reads whole
        Document doc = parse(landscape);
        NodeList lines = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate("//g[@data-id='shop']/text[not(@class)]", doc, XPathConstants.NODESET);
        assertThat(lines.getLength()).isGreaterThan(1);
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < lines.getLength(); i++) {
            whole.append(i == 0 ? "" : " ").append(lines.item(i).getTextContent());
        }
        assertThat(whole.toString()).isEqualTo(name);
        NodeList id = (NodeList) XPathFactory.newInstance()
                .newXPath()
                .evaluate(
                        "//g[contains(@data-id,'very-long')]/text[not(@class)]", parse(system), XPathConstants.NODESET);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < id.getLength(); i++) {
            joined.append(id.item(i).getTextContent());
        }
        assertThat(joined.toString()).isEqualTo("very-long-component-identifier-of-the-safe-camera-in-the-back-office");
    }

    @Test
    void theSameModelDrawsTheSameBytes() {
        assertThat(venueDiagrams()).isEqualTo(venueDiagrams());
    }
}
