package dev.mamori.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.Property;
import dev.mamori.engine.risk.Severity;
import dev.mamori.report.Assessed;
import dev.mamori.report.assessment.HeatMap;
import dev.mamori.report.diagram.Contrast;
import dev.mamori.report.diagram.Diagrams;
import dev.mamori.report.diagram.Palette;
import dev.mamori.report.html.HtmlReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF read back with PDFBox: its text, and the fonts it carries. */
class PdfReportTest {

    private static Assessment venue;
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        venue = Assessed.example("venue/landscape.yaml");
        pdf = PdfReport.render(venue, "9.9.9");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
    }

    /** The extracted text with line breaks as spaces: table cells wrap, words stay in order. */
    private static String flat() {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void itIsAPdfWithEverySectionOfTheReport() {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(flat())
                .contains("Bayside Stadium event-day operations")
                .contains("Executive summary", "Heat maps", "Landscape", "Systems by layer", "Findings")
                .contains("Systemic risk", "Missions and scenarios", "Compliance")
                .contains("Scenario gate-ransomware: Ransomware on the gate management server")
                .contains("ETSI EN 303 645 V3.1.3 (2024-09) mandatory provisions:");
    }

    @Test
    void everyFindingIsThereWithoutTheFilterThatNeedsAScript() {
        // no script in a PDF: the findings closed by a treatment, hidden on screen by default, are printed too
        List<Finding> closed =
                venue.risk().findings().stream().filter(f -> !f.open()).toList();
        assertThat(closed).isNotEmpty();
        assertThat(flat()).doesNotContain("Severity at least").doesNotContain("function apply");
        for (Finding f : List.of(venue.risk().findings().get(0), closed.get(0))) {
            assertThat(flat())
                    .contains(f.rule())
                    .contains(f.location().file() + ":" + f.location().line());
        }
        assertThat(flat()).doesNotContain("[diagram:");
    }

    @Test
    void theDiagramsAreDrawnInVectorGraphics() throws IOException {
        // the device layer's band (#fff8e1) is filled, and command flows are stroked in their red (#c62828)
        List<String> colours = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                colours(new org.apache.pdfbox.pdfparser.PDFStreamParser(page), colours);
                // the SVG drawer paints each drawing into a form of its own, which the page then places
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                        colours(new org.apache.pdfbox.pdfparser.PDFStreamParser(form), colours);
                    }
                }
            }
        }
        assertThat(colours).contains("fill 255 248 225", "stroke 198 40 40");
    }

    /** The fill (rg, sc) and stroke (RG, SC) colours a content stream sets, as 0-255 triples. */
    private static void colours(org.apache.pdfbox.pdfparser.PDFStreamParser parser, List<String> into)
            throws IOException {
        List<Object> operands = new ArrayList<>();
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof org.apache.pdfbox.contentstream.operator.Operator op) {
                String name = op.getName();
                boolean fill = name.equals("rg") || name.equals("sc");
                boolean stroke = name.equals("RG") || name.equals("SC");
                if ((fill || stroke) && operands.size() >= 3) {
                    StringBuilder rgb = new StringBuilder(fill ? "fill" : "stroke");
                    for (Object o : operands.subList(operands.size() - 3, operands.size())) {
                        rgb.append(' ').append(Math.round(((org.apache.pdfbox.cos.COSNumber) o).floatValue() * 255));
                    }
                    into.add(rgb.toString());
                }
                operands.clear();
            } else {
                operands.add(token);
            }
        }
    }

    @Test
    void theTextIsSetInTheEmbeddedLiberationSansAndNothingElse() throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(5);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(f -> {
            assertThat(f.getName()).contains("LiberationSans");
            assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
        });
    }

    /** A heat map as counts by likelihood and impact (each 1–5), under its title ("Safety"). */
    private static java.util.Map<String, java.util.List<Integer>> expectedHeatMaps() {
        java.util.Map<String, java.util.List<Integer>> out = new java.util.TreeMap<>();
        List<java.util.Optional<Property>> maps = new ArrayList<>();
        maps.add(java.util.Optional.empty());
        for (Property p : Property.values()) {
            maps.add(java.util.Optional.of(p));
        }
        for (java.util.Optional<Property> p : maps) {
            HeatMap map = HeatMap.of(venue.risk().open(), p);
            List<Integer> cells = new ArrayList<>();
            for (int l = 5; l >= 1; l--) {
                for (int i = 1; i <= 5; i++) {
                    cells.add(map.count(l, i));
                }
            }
            out.put(map.title() + " (" + map.total() + ")", cells);
        }
        return out;
    }

    @Test
    void theHeatMapsPrintEveryCountOnItsColourAsTheHtmlPageDoes() throws IOException {
        java.util.Map<String, java.util.List<Integer>> expected = expectedHeatMaps();
        // the page the PDF is made from, as a browser shows it
        org.jsoup.nodes.Document html =
                org.jsoup.Jsoup.parse(HtmlReport.render(venue, new Diagrams(venue), "9.9.9", PdfReport.PRINT));
        java.util.Map<String, java.util.List<Integer>> inHtml = new java.util.TreeMap<>();
        for (org.jsoup.nodes.Element table : html.select("table.heatmap")) {
            List<Integer> cells = new ArrayList<>();
            for (org.jsoup.nodes.Element td : table.select("td")) {
                cells.add(td.text().isEmpty() ? 0 : Integer.parseInt(td.text()));
            }
            inHtml.put(table.selectFirst("caption").text(), cells);
        }
        assertThat(inHtml).isEqualTo(expected);
        assertThat(expected.get("All properties (" + venue.risk().open().size() + ")"))
                .as("the venue has critical and high cells, which the PDF once left blank")
                .anySatisfy(n -> assertThat(n).isGreaterThan(1));

        java.util.Map<String, java.util.List<Integer>> inPdf = new java.util.TreeMap<>();
        int checked = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int page = 0; page < 6 && inPdf.size() < expected.size(); page++) {
                List<PdfWords.Word> words = PdfWords.of(document, page);
                java.awt.image.BufferedImage image = null;
                for (PdfWords.Word corner : words) {
                    List<PdfWords.Word> columns = onLine(words, corner).stream()
                            .filter(w -> w.x() > corner.x() && w.text().matches("[1-5]"))
                            .limit(5)
                            .toList();
                    if (!corner.text().startsWith("L")
                            || !columns.stream()
                                    .map(PdfWords.Word::text)
                                    .toList()
                                    .equals(List.of("1", "2", "3", "4", "5"))) {
                        continue;
                    }
                    // the right edge of the last column: the next map's caption starts a little further
                    double right = columns.get(4).centre() + 16;
                    String caption = words.stream()
                            .filter(w -> w.y() < corner.y() - 2 && w.y() > corner.y() - 30)
                            .filter(w -> w.x() >= corner.x() - 5 && w.x() < right)
                            .map(PdfWords.Word::text)
                            .reduce((a, b) -> a + " " + b)
                            .orElse("");
                    List<PdfWords.Word> rows = words.stream()
                            .filter(w -> Math.abs(w.x() - corner.x()) < 3 && w.y() > corner.y() + 1)
                            .filter(w -> w.text().matches("[1-5]"))
                            .limit(5)
                            .toList();
                    assertThat(rows.stream().map(PdfWords.Word::text))
                            .as(caption)
                            .containsExactly("5", "4", "3", "2", "1");
                    Integer[] cells = new Integer[25];
                    java.util.Arrays.fill(cells, 0);
                    for (int r = 0; r < 5; r++) {
                        PdfWords.Word label = rows.get(r);
                        for (PdfWords.Word cell : onLine(words, label)) {
                            if (cell.x() <= label.x() + label.width() || cell.x() > right) {
                                continue;
                            }
                            int column = 0;
                            for (int c = 1; c < 5; c++) {
                                if (Math.abs(cell.centre() - columns.get(c).centre())
                                        < Math.abs(cell.centre()
                                                - columns.get(column).centre())) {
                                    column = c;
                                }
                            }
                            cells[r * 5 + column] = Integer.parseInt(cell.text());
                            // the count must be seen: on its severity's colour, in a colour that stands out from it
                            if (image == null) {
                                image = renderer.renderImage(page, 2);
                            }
                            String behind = pixel(image, cell.x() - 3, cell.y() - 3);
                            Severity severity = HeatMap.severity(5 - r, column + 1);
                            assertThat(close(behind, Palette.severity(severity).fill()))
                                    .as(caption + " L" + (5 - r) + " I" + (column + 1) + " printed on " + behind)
                                    .isTrue();
                            assertThat(Contrast.ratio(cell.colour(), behind))
                                    .as(caption + " " + cell.text() + " in " + cell.colour() + " on " + behind)
                                    .isGreaterThanOrEqualTo(Contrast.AA);
                            checked++;
                        }
                    }
                    inPdf.put(caption, List.of(cells));
                }
            }
        }
        assertThat(inPdf).isEqualTo(expected);
        assertThat(checked).isGreaterThan(25);
    }

    /** The words on the same baseline as {@code word}, left to right. */
    private static List<PdfWords.Word> onLine(List<PdfWords.Word> words, PdfWords.Word word) {
        return words.stream()
                .filter(w -> Math.abs(w.y() - word.y()) < 1)
                .sorted(java.util.Comparator.comparingDouble(PdfWords.Word::x))
                .toList();
    }

    /** The colour of the page image (rendered at twice 72 dpi) at a point in PDF points. */
    private static String pixel(java.awt.image.BufferedImage image, double x, double y) {
        int rgb = image.getRGB((int) Math.round(x * 2), (int) Math.round(y * 2));
        return String.format(java.util.Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /** Two colours within a rendering's rounding of each other. */
    private static boolean close(String a, String b) {
        int[] x = Contrast.rgb(a);
        int[] y = Contrast.rgb(b);
        return Math.abs(x[0] - y[0]) <= 6 && Math.abs(x[1] - y[1]) <= 6 && Math.abs(x[2] - y[2]) <= 6;
    }

    @Test
    void theLegendPrintsInTheEmbeddedFontWithoutPlaceholders() {
        // openhtmltopdf prints "#" for a character its font lacks: the legend's line symbols and ⚠ did
        assertThat(flat()).contains("command flow data flow credential cut (isolation plan)");
        assertThat(flat()).contains("border: worst open finding", " · hazard");
        assertThat(flat()).doesNotContain("#");
        // JC-STAR's star, from the compliance catalog, prints as an asterisk
        assertThat(flat()).contains("*1 since 2025");
    }

    @Test
    void charactersTheFontLacksAreReplacedNotDroppedSilently() {
        org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse("<html><body><p>JC-STAR ★1 · 東京 → ok</p><svg><text>⚠</text></svg></body></html>");
        PdfReport.printable(page.body());
        assertThat(page.selectFirst("p").text()).isEqualTo("JC-STAR *1 · ?? → ok");
        // text inside a drawing is Batik's to draw, not the page's font
        assertThat(page.selectFirst("text").text()).isEqualTo("⚠");
    }

    @Test
    void everyDrawingFitsThePage() {
        org.jsoup.nodes.Document page =
                org.jsoup.Jsoup.parse(HtmlReport.render(venue, new Diagrams(venue), "9.9.9", PdfReport.PRINT));
        PdfReport.forPrint(page);
        List<org.jsoup.nodes.Element> drawings = page.select("svg.mamori-diagram, svg.mamori-chart");
        assertThat(drawings).hasSizeGreaterThan(5);
        for (org.jsoup.nodes.Element svg : drawings) {
            // whole pixels: openhtmltopdf ignores "1040.0" and draws the view box's size
            assertThat(svg.attr("width")).as(svg.id()).matches("\\d+");
            assertThat(svg.attr("height")).as(svg.id()).matches("\\d+");
            assertThat(Double.parseDouble(svg.attr("width"))).as(svg.id()).isLessThanOrEqualTo(PdfReport.PAGE_WIDTH);
            assertThat(Double.parseDouble(svg.attr("height"))).as(svg.id()).isLessThanOrEqualTo(PdfReport.PAGE_HEIGHT);
            assertThat(svg.attr("style")).doesNotContain("min-width");
        }
        // the landscape is wider than the page: it was scaled, keeping its proportions
        org.jsoup.nodes.Element landscape = page.getElementById("mamori-landscape");
        String[] box = landscape.attr("viewBox").split(" ");
        assertThat(Double.parseDouble(box[2])).isGreaterThan(PdfReport.PAGE_WIDTH);
        assertThat(Double.parseDouble(landscape.attr("width")) / Double.parseDouble(landscape.attr("height")))
                .isCloseTo(
                        Double.parseDouble(box[2]) / Double.parseDouble(box[3]),
                        org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void theSameAssessmentPrintsTheSameDrawings() {
        // the drawings are Batik's, in the embedded font: nothing of the machine's fonts
        org.jsoup.nodes.Document a =
                org.jsoup.Jsoup.parse(HtmlReport.render(venue, new Diagrams(venue), "9.9.9", PdfReport.PRINT));
        org.jsoup.nodes.Document b =
                org.jsoup.Jsoup.parse(HtmlReport.render(venue, new Diagrams(venue), "9.9.9", PdfReport.PRINT));
        PdfReport.forPrint(a);
        PdfReport.forPrint(b);
        assertThat(a.outerHtml()).isEqualTo(b.outerHtml());
    }

    @Test
    void theSameAssessmentPrintsTheSameBytesDatedTheDayItWasJudged() throws IOException {
        Assessment shop = Assessed.model("shop.yaml", Assessed.SHOP);
        byte[] first = PdfReport.render(shop, "9.9.9");
        byte[] second = PdfReport.render(shop, "9.9.9");
        // openhtmltopdf dated the file by the clock and PDFBox drew its identifier from it
        assertThat(first).isEqualTo(second);
        try (PDDocument document = Loader.loadPDF(first)) {
            java.util.Calendar created = document.getDocumentInformation().getCreationDate();
            assertThat(created.toInstant())
                    .isEqualTo(Assessed.TODAY
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant());
        }
    }
}
