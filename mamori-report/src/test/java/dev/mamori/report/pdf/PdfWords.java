package dev.mamori.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The words of a PDF page where they are printed, with the colour each is filled with: what a test
 * needs to read a table back cell by cell and to tell whether its text can be seen.
 */
final class PdfWords extends PDFTextStripper {

    /**
     * A word: its text, its left edge and baseline, width and height (PDF points from the top left
     * of the page, as PDFBox's text positions give them), and its fill colour as #rrggbb.
     */
    record Word(String text, double x, double y, double width, double height, String colour) {
        double centre() {
            return x + width / 2;
        }
    }

    private final Map<TextPosition, String> colours = new IdentityHashMap<>();
    private final List<Word> words = new ArrayList<>();

    private PdfWords() {
        setSortByPosition(true);
        // a text stripper follows no colours by default: these operators keep the graphics state's fill
        addOperator(new SetNonStrokingColorSpace(this));
        addOperator(new SetNonStrokingColor(this));
        addOperator(new SetNonStrokingColorN(this));
        addOperator(new SetNonStrokingDeviceRGBColor(this));
        addOperator(new SetNonStrokingDeviceGrayColor(this));
        addOperator(new SetNonStrokingDeviceCMYKColor(this));
    }

    /** The words of one page (0-based). */
    static List<Word> of(PDDocument document, int page) throws IOException {
        PdfWords stripper = new PdfWords();
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(document);
        return stripper.words;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        // the graphics state at the glyph: the colour the text is filled with
        colours.put(text, hex(getGraphicsState().getNonStrokingColor()));
        super.processTextPosition(text);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        // a "word" here is a run without a space; a line may hold several
        List<TextPosition> run = new ArrayList<>();
        for (TextPosition p : positions) {
            if (p.getUnicode().isBlank()) {
                add(run);
                run.clear();
            } else {
                run.add(p);
            }
        }
        add(run);
        super.writeString(text, positions);
    }

    private void add(List<TextPosition> run) {
        if (run.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        run.forEach(p -> text.append(p.getUnicode()));
        TextPosition first = run.get(0);
        TextPosition last = run.get(run.size() - 1);
        words.add(new Word(
                text.toString(),
                first.getXDirAdj(),
                first.getYDirAdj(),
                last.getXDirAdj() + last.getWidthDirAdj() - first.getXDirAdj(),
                first.getHeightDir(),
                colours.getOrDefault(first, "#000000")));
    }

    private static String hex(PDColor colour) {
        try {
            int rgb = colour.toRGB();
            return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
        } catch (IOException | UnsupportedOperationException e) {
            return "#000000";
        }
    }
}
