package dev.mamori.report.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.report.diagram.Diagrams;
import dev.mamori.report.diagram.TextMetrics;
import dev.mamori.report.html.HtmlReport;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The HTML report as a PDF, for the people who file or sign reports (NISC 3: confirm and verify
 * before deployment). It is the same page, laid out by openhtmltopdf for print: a PDF runs no
 * script, so the findings filter is removed and every finding is shown, folded details are open,
 * and the diagrams and charts are drawn as vector graphics by Batik, so they stay sharp at any
 * zoom. At most
 * {@link #MAX_FINDINGS} findings are listed, most severe first, and the page says how many it left out.
 *
 * <p>The text is set in Liberation Sans, read from PDFBox's own jar and embedded (subset) in the
 * file, so the PDF looks the same everywhere and nothing depends on the fonts of the machine.
 */
public final class PdfReport {

    /** The font PDFBox ships in its jar; its metrics match Arial's. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static final String FONT_FAMILY = "Liberation Sans";

    /**
     * The print layout, added after the page's own style sheet: everything in the embedded font
     * (monospace included, so that no glyph falls back to a font that is not embedded), tables that
     * fit the A4 width, and no screen-only parts. The heat maps float side by side, all on one page:
     * laid out as inline tables, openhtmltopdf lost the backgrounds of some of their rows (the
     * critical and high cells printed white on white).
     */
    private static final String PRINT_CSS = """
            @page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm; font-family: "Liberation Sans";
                    @bottom-right { content: "page " counter(page) " of " counter(pages);
                                    font-family: "Liberation Sans"; font-size: 8pt; } }
            * { font-family: "Liberation Sans" !important; }
            body { font-size: 9pt; }
            header { padding: 8px 12px; }
            main { padding: 0; }
            nav, form.filters, script, .filters { display: none; }
            .card { display: inline-block; margin: 0 6px 6px 0; }
            .heatmaps table.heatmap { display: table; float: left; margin: 0 12px 12px 0; page-break-inside: avoid; }
            .heatmaps { overflow: hidden; page-break-inside: avoid; }
            .legend svg.sign { display: inline-block; }
            p.legend { page-break-after: avoid; }
            details, summary { display: block; }
            details.system, .diagram, .chart { page-break-inside: avoid; }
            table { -fs-table-paginate: paginate; }
            tr { page-break-inside: avoid; }
            tr.hidden { display: table-row; }
            table.findings, table.plain { font-size: 8pt; }
            details > summary { font-weight: bold; }
            .diagram, .chart { border: none; max-height: none; overflow: visible; }
            p.pdf-omitted, p.omitted { color: #546e7a; font-style: italic; }
            table.findings { table-layout: fixed; width: 100%; }
            table.findings th:nth-child(1) { width: 6%; } table.findings th:nth-child(2) { width: 4%; }
            table.findings th:nth-child(3) { width: 4%; } table.findings th:nth-child(4) { width: 14%; }
            table.findings th:nth-child(5) { width: 13%; } table.findings th:nth-child(6) { width: 8%; }
            table.findings th:nth-child(7) { width: 11%; } table.findings th:nth-child(8) { width: 40%; }
            .where { word-wrap: break-word; }
            table.findings td, table.findings th { padding: 2px 3px; }
            table.findings, table.plain, .where, .title, .kind, .scoring, .treatment, .gap { font-size: 7pt; }
            table.findings ul, ul.tight { margin: 1px 0; padding-left: 12px; }
            table.findings details > summary { display: none; }
            table.findings p.scoring { margin: 1px 0; }
            h2 { page-break-before: auto; page-break-after: avoid; }
            h3, h4 { page-break-after: avoid; }
            """;

    /**
     * PDFBox logs through commons-logging to java.util.logging, which prints to the terminal (a
     * warning about the standard fonts it maps on first use). Held here so that the setting stays.
     */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    private PdfReport() {}

    public static byte[] render(Assessment assessment, String mamoriVersion) {
        return render(assessment, new Diagrams(assessment), mamoriVersion);
    }

    public static byte[] render(Assessment assessment, Diagrams diagrams, String mamoriVersion) {
        return fromHtml(HtmlReport.render(assessment, diagrams, mamoriVersion, PRINT), assessment.today());
    }

    /**
     * At most this many findings, most severe first: a PDF is read page by page, and each finding
     * with its fix and scoring takes a sixth of a page; the HTML page, SARIF and JSON have them all.
     */
    public static final int MAX_FINDINGS = 500;

    /**
     * The systems drawn in the PDF, of most concern first: each drawing costs Batik a third of a
     * second on a large landscape, and a printed report is read for the worst systems; the page says
     * how many it left out, and the HTML draws up to forty.
     */
    public static final int MAX_SYSTEM_DIAGRAMS = 8;

    /** The page for print: the landscape and the systems of most concern drawn, fewer findings. */
    static final HtmlReport.Options PRINT = new HtmlReport.Options(MAX_FINDINGS, true, MAX_SYSTEM_DIAGRAMS);

    /** A page written by {@link HtmlReport}, laid out for print. */
    static byte[] fromHtml(String html) {
        return fromHtml(html, LocalDate.of(2000, 1, 1));
    }

    /** As above, the document dated {@code day} (the day the assessment judged), not by the clock. */
    static byte[] fromHtml(String html, LocalDate day) {
        Document page = Jsoup.parse(html);
        forPrint(page);
        // openhtmltopdf reports through java.util.logging, which prints to the terminal; renderers never print.
        XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(Level.OFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try (PDDocument document = new PDDocument();
                TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(fontBytes()))) {
            // PDFBox would run the font's glyph substitutions (ligatures) over every word it writes, which
            // took 90 % of the time; the report needs none, and without them copied text stays letter by letter.
            face.setEnableGsub(false);
            PDFont font = PDType0Font.load(document, face, true);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(svgDrawer()); // diagrams and charts stay vector graphics
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            // The one face stands in for bold too: a bold face would be a second font file to ship.
            builder.useFont(new PDFontSupplier(font), FONT_FAMILY, 700, FontStyle.NORMAL, true);
            // Batik wants a base it can parse; the page refers to nothing outside itself
            builder.withW3cDocument(new W3CDom().fromJsoup(page), "file:/mamori-report.html");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            // PDFBox would stamp the file with an ID made from the clock; one made from the page keeps
            // the same input giving the same bytes.
            COSString id = new COSString(digest(html));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.getDocumentInformation().setCreationDate(GregorianCalendar.from(day.atStartOfDay(ZoneOffset.UTC)));
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] digest(String html) {
        try {
            return MessageDigest.getInstance("MD5").digest(html.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /** The page as it prints: no script, no filter, everything unfolded, diagrams named rather than drawn. */
    static void forPrint(Document page) {
        page.select("script, form.filters, nav").remove();
        page.head().appendElement("style").appendText(PRINT_CSS);
        page.select("details").forEach(d -> d.attr("open", "open"));
        page.select("tr.hidden").removeClass("hidden");
        for (Element svg : page.select("svg")) {
            // HTML lets inline SVG go without its namespace; the SVG renderer needs it
            svg.attr("xmlns", "http://www.w3.org/2000/svg");
            // SVG 1.1, which Batik reads, knows no "auto-start-reverse"; arrows only ever end a line here
            svg.select("marker[orient=auto-start-reverse]").attr("orient", "auto");
            // the least legible width of the HTML page: a PDF scales to the page instead
            svg.removeAttr("style");
            fitPage(svg);
            inlineStyles(svg);
        }
        printable(page.body());
    }

    /**
     * The room for a drawing on an A4 landscape page between its margins (277 × 184 mm, 1047 × 695 CSS
     * pixels), less the line that names a system's diagram above it.
     */
    static final double PAGE_WIDTH = 1040;

    static final double PAGE_HEIGHT = 640;

    /**
     * A drawing larger than the page is scaled down to fit it, width and height (its view box keeps
     * the proportions): a drawing is one image, which the PDF cannot carry over to the next page.
     */
    static void fitPage(Element svg) {
        try {
            double width = Double.parseDouble(svg.attr("width"));
            double height = Double.parseDouble(svg.attr("height"));
            double scale = Math.min(1, Math.min(PAGE_WIDTH / width, PAGE_HEIGHT / height));
            if (scale < 1 && svg.hasAttr("viewBox")) {
                // whole numbers: openhtmltopdf reads "664.0" as no size at all and draws the view box's
                // own size, which is how the landscape ran past the right margin
                svg.attr("width", String.valueOf((long) Math.floor(width * scale)));
                svg.attr("height", String.valueOf((long) Math.floor(height * scale)));
            }
        } catch (NumberFormatException e) {
            // a drawing sized in other units is left as it is
        }
    }

    /**
     * Characters the embedded font cannot draw, which openhtmltopdf would print as "#", and what the
     * PDF prints instead. Model text can hold others (a Japanese name); they print as "?", which at
     * least does not pass for a character of the text.
     */
    private static final java.util.Map<Integer, String> SUBSTITUTES = java.util.Map.of(
            0x2605, "*", // ★, as in JC-STAR ★1
            0x2606, "*",
            0x26A0, "!",
            0x2501, "—",
            0x254C, "-",
            0x2713, "yes",
            0x2717, "no");

    /** The text of the page with every character the font lacks replaced (SVG text is drawn by Batik). */
    static void printable(Element root) {
        for (org.jsoup.nodes.TextNode t : root.textNodes()) {
            String text = t.getWholeText();
            if (text.codePoints().allMatch(c -> c < 0x20 || TextMetrics.hasGlyph(c))) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            text.codePoints()
                    .forEach(c -> out.append(
                            c < 0x20 || TextMetrics.hasGlyph(c)
                                    ? new String(Character.toChars(c))
                                    : SUBSTITUTES.getOrDefault(c, "?")));
            t.text(out.toString());
        }
        for (Element child : root.children()) {
            if (!child.tagName().equals("svg") && !child.tagName().equals("style")) {
                printable(child);
            }
        }
    }

    private static final Pattern CSS_RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    private static final Pattern RGBA = Pattern.compile("(fill|stroke):\\s*rgba\\(([^,]+),([^,]+),([^,]+),([^)]+)\\)");

    /**
     * Batik, which draws the SVG into the PDF, cannot read a style sheet inside an SVG that sits in
     * an HTML page (it has no address to parse it against), so the diagram's rules are copied onto
     * the elements they select, in the sheet's order so that later rules win as they would, and the
     * sheet is dropped. Colours with transparency are split into colour and opacity, which SVG 1.1
     * (and so Batik) understands.
     */
    static void inlineStyles(Element svg) {
        for (Element sheet : svg.select("style")) {
            // inside SVG, the HTML parser keeps a style sheet as text rather than as data
            Matcher rule = CSS_RULE.matcher(sheet.data().isEmpty() ? sheet.wholeText() : sheet.data());
            while (rule.find()) {
                String declarations =
                        svgOnly(RGBA.matcher(rule.group(2).trim()).replaceAll("$1: rgb($2,$3,$4); $1-opacity: $5"));
                for (String selector : rule.group(1).split(",")) {
                    for (Element e : svg.select(selector.trim())) {
                        String before = e.attr("style");
                        e.attr("style", before.isEmpty() ? declarations : before + "; " + declarations);
                    }
                }
            }
            sheet.remove();
        }
    }

    /** The SVG presentation properties Batik draws; a property it does not know would void the whole drawing. */
    private static final java.util.Set<String> SVG_PROPERTIES = java.util.Set.of(
            "fill",
            "fill-opacity",
            "stroke",
            "stroke-width",
            "stroke-dasharray",
            "stroke-opacity",
            "opacity",
            "font-family",
            "font-size",
            "font-weight",
            "marker-end");

    private static String svgOnly(String declarations) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String declaration : declarations.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0
                    && SVG_PROPERTIES.contains(declaration.substring(0, colon).trim())) {
                kept.add(declaration.trim());
            }
        }
        return String.join("; ", kept);
    }

    /**
     * Batik draws the diagrams with fonts of its own: without Liberation Sans it would take whatever
     * sans-serif the machine has (DejaVu Sans on Debian, a sixth wider), and the labels, measured in
     * Liberation Sans, would run out of their boxes. It reads fonts from files only, so PDFBox's copy
     * is written once to a temporary file. openhtmltopdf replaces the drawer's fonts with the page's
     * {@code @font-face} rules (it has none) before it draws, so the font is added after that.
     */
    private static BatikSVGDrawer svgDrawer() {
        return new BatikSVGDrawer() {
            @Override
            public void importFontFaceRules(
                    java.util.List<com.openhtmltopdf.css.sheet.FontFaceRule> rules,
                    com.openhtmltopdf.layout.SharedContext context) {
                super.importFontFaceRules(rules, context);
                try {
                    addFontFile(BatikFont.FILE, FONT_FAMILY, 400, FontStyle.NORMAL);
                    // the one face stands in for bold, as in the page's text
                    addFontFile(BatikFont.FILE, FONT_FAMILY, 700, FontStyle.NORMAL);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (java.awt.FontFormatException e) {
                    throw new IllegalStateException("Batik cannot read PDFBox's font " + FONT_RESOURCE, e);
                }
            }
        };
    }

    /** PDFBox's font as a file, written on first use and deleted when the program ends. */
    private static final class BatikFont {
        static final File FILE = write();

        private static File write() {
            try {
                Path file = Files.createTempFile("mamori-liberation-sans", ".ttf");
                file.toFile().deleteOnExit();
                Files.write(file, fontBytes());
                return file.toFile();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static byte[] fontBytes() throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT_RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }
}
