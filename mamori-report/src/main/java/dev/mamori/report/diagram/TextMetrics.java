package dev.mamori.report.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * How wide a line of text is in the diagrams' font, Liberation Sans (the face PDFBox ships, which the
 * PDF draws the diagrams in; Arial and Helvetica, which browsers fall back to, have the same
 * advance widths). Boxes are sized from these widths rather than from an average character, so a
 * box fits the text it shows, whatever its letters.
 */
public final class TextMetrics {

    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /**
     * Bold is drawn wider than the regular face measured here; Liberation Sans Bold's advances are at
     * most this much wider for the letters, digits and punctuation of ids and names.
     */
    private static final double BOLD = 1.12;

    private static final TextMetrics INSTANCE = load();

    /** The advance of each character of the Basic Multilingual Plane, in font units; -1 when the font has none. */
    private final float[] advance = new float[0x10000];

    private final float unitsPerEm;

    private TextMetrics(TrueTypeFont font) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        unitsPerEm = font.getUnitsPerEm();
        for (int c = 0; c < advance.length; c++) {
            int glyph = cmap.getGlyphId(c);
            advance[c] = glyph == 0 ? -1 : font.getAdvanceWidth(glyph);
        }
    }

    private static TextMetrics load() {
        try (InputStream in = TextMetrics.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT_RESOURCE + " is not on the class path");
            }
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))) {
                return new TextMetrics(font);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width in pixels of {@code text} set at {@code size} pixels, bold or not. */
    public static double width(String text, double size, boolean bold) {
        return INSTANCE.measure(text, size) * (bold ? BOLD : 1);
    }

    /** Whether the font draws this character (a PDF would print a placeholder for one it lacks). */
    public static boolean hasGlyph(int codePoint) {
        return codePoint < INSTANCE.advance.length && INSTANCE.advance[codePoint] >= 0;
    }

    private double measure(String text, double size) {
        double units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            // a character the font lacks is drawn from another font: count it a full em, as wide as CJK
            units += c < advance.length && advance[c] >= 0 ? advance[c] : unitsPerEm;
        }
        return units * size / unitsPerEm;
    }

    /**
     * The text broken into lines no wider than {@code max} pixels, at spaces, or after a hyphen, dot,
     * slash or underscore inside a long id. A word that cannot be broken keeps its own line, wider
     * than {@code max}: the box grows to hold it, nothing is cut.
     */
    public static List<String> wrap(String text, double size, boolean bold, double max) {
        List<String> lines = new ArrayList<>();
        if (width(text, size, bold) <= max) {
            lines.add(text);
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String piece : pieces(text)) {
            String candidate = line + piece;
            if (line.length() > 0 && width(candidate.stripTrailing(), size, bold) > max) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(piece.stripLeading());
            } else {
                line.append(piece);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The text cut after each space, and after each hyphen, dot, slash or underscore. */
    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '_') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
