package dev.mamori.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.risk.Finding;
import dev.mamori.report.Assessed;
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
}
