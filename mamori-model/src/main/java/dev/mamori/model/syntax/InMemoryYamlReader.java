package dev.mamori.model.syntax;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over text already decoded in memory, so that scanning is linear in
 * the input. SnakeYAML's own reader pulls 1,024 characters at a time and copies its whole window on
 * each pull while a token is being scanned, so one long scalar costs time quadratic in its length
 * (20 MB took a minute). This one answers every call by indexing the text; it keeps the same
 * positions (code points, lines, columns) the scanner expects, so locations do not change.
 *
 * <p>Every public method of {@link StreamReader} is overridden; the superclass state stays unused.
 * The text must have been checked for characters YAML does not allow (SnakeYAML's reader checks
 * them as it pulls; {@link TreeReader} checks them up front, with a location).
 */
final class InMemoryYamlReader extends StreamReader {

    private static final int[] NO_SNIPPET = new int[0];

    private final String text;
    /** The code points when the text has characters outside the BMP, else null and the chars are used. */
    private final int[] codePoints;

    private final int length;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;
    /** The mark last asked for: the scanner asks several times at one place (a token's start, a possible key). */
    private Mark mark;

    InMemoryYamlReader(String text) {
        super("");
        this.text = text;
        boolean supplementary = false;
        for (int i = 0; i < text.length() && !supplementary; i++) {
            supplementary = Character.isSurrogate(text.charAt(i));
        }
        this.codePoints = supplementary ? text.codePoints().toArray() : null;
        this.length = supplementary ? codePoints.length : text.length();
    }

    private int at(int i) {
        return codePoints != null ? codePoints[i] : text.charAt(i);
    }

    @Override
    public Mark getMark() {
        // Messages are written from the mark's position only, never from a snippet of the text. A
        // mark is immutable, so the one made at this index is handed out again.
        if (mark == null || mark.getIndex() != index) {
            mark = new Mark("", index, line, column, NO_SNIPPET, 0);
        }
        return mark;
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int count) {
        for (int i = 0; i < count && pointer < length; i++) {
            int c = at(pointer++);
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && at(pointer) != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return pointer < length ? at(pointer) : '\0';
    }

    @Override
    public int peek(int offset) {
        return pointer + offset < length ? at(pointer + offset) : '\0';
    }

    @Override
    public String prefix(int count) {
        int end = Math.min(pointer + count, length);
        if (count == 0 || end <= pointer) {
            return "";
        }
        return codePoints != null ? new String(codePoints, pointer, end - pointer) : text.substring(pointer, end);
    }

    @Override
    public String prefixForward(int count) {
        String prefix = prefix(count);
        pointer += count;
        index += count;
        documentIndex += count;
        column += count;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
