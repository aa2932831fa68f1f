package dev.mamori.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the command line prints, with every control character a model could smuggle in shown as an
 * escape instead of acted on. A landscape named {@code "\r\e[2KPASS"} would otherwise move the
 * cursor and overwrite {@code verify}'s FAIL line; bidirectional overrides would reorder what a
 * reviewer reads. Line feeds and tabs, which Mamori's own output uses, pass. JSON and SARIF are not
 * changed, since their writers already escape every control character.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        String escape = escape((char) c);
        if (escape == null) {
            out.write(c);
        } else {
            out.write(escape);
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            String escape = escape(chars[i]);
            if (escape != null) {
                out.write(chars, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(chars, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        // Over the slice itself: streamed JSON arrives in many small slices, and copying the whole
        // string for each would make printing a large document quadratic.
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            String escape = escape(text.charAt(i));
            if (escape != null) {
                out.write(text, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(text, start, end - start);
    }

    /** How {@code c} is shown, or null when it is shown as itself. */
    static String escape(char c) {
        if (c == '\n' || c == '\t') {
            return null;
        }
        boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
        boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        if (!control && !bidi) {
            return null;
        }
        return switch (c) {
            case '\r' -> "\\r";
            case 0x1b -> "\\e";
            default -> String.format("\\u%04x", (int) c);
        };
    }
}
