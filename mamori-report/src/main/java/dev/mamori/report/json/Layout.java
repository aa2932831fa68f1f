package dev.mamori.report.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import java.io.IOException;
import java.util.Arrays;

/**
 * How a {@link StableJson} document is laid out: as Jackson's default pretty printer lays it out
 * (an object's fields each on a line of their own, indented by two spaces a level; an array's items
 * on its opening line), except in an array marked as one of lines ({@link #nextArrayOneItemPerLine}).
 * Such an array puts each item on a line of its own, and writes the item without a space or line
 * break inside it.
 *
 * <p>Why: the large lists (findings, and compliance's elements) are most of a document; indented
 * field by field, a third of it was indentation, and a finding took twenty lines. One line an item
 * keeps the document readable and searchable item by item ({@code grep} finds an element's whole
 * finding; a diff shows the findings that changed) at two thirds of the bytes.
 *
 * <p>One instance serves one generator: it keeps the stack of the containers that are open.
 */
final class Layout implements PrettyPrinter {

    /** An open object laid out field by field. */
    private static final byte INDENTED_OBJECT = 0;
    /** An open array laid out on its opening line (Jackson's default). */
    private static final byte INLINE_ARRAY = 1;
    /** An open array of one item per line. */
    private static final byte LINES = 2;
    /** An open object or array within an item of such an array: no spaces, no line breaks. */
    private static final byte FLAT = 3;

    private static final DefaultIndenter NEW_LINE = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE;

    private byte[] open = new byte[16];
    private int depth;
    /** The indentation level of what is written next on a new line. */
    private int level;

    private boolean nextArrayOneItemPerLine;

    /** The next array started is laid out one item per line (inside such an item, it is flat). */
    void nextArrayOneItemPerLine() {
        nextArrayOneItemPerLine = true;
    }

    private byte innermost() {
        return depth == 0 ? INDENTED_OBJECT : open[depth - 1];
    }

    /** Whether what starts now is inside an item of a list of lines (the document's root is not). */
    private boolean flat() {
        byte innermost = innermost();
        return innermost == FLAT || innermost == LINES;
    }

    private void push(byte kind) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = kind;
    }

    private byte pop() {
        return open[--depth];
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(' ');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        if (flat()) {
            push(FLAT);
        } else {
            push(INDENTED_OBJECT);
            level++;
        }
        g.writeRaw('{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        if (innermost() != FLAT) {
            NEW_LINE.writeIndentation(g, level);
        }
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        if (innermost() == FLAT) {
            g.writeRaw(':');
        } else {
            g.writeRaw(" : ");
        }
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        if (innermost() != FLAT) {
            NEW_LINE.writeIndentation(g, level);
        }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        if (pop() != FLAT) {
            level--;
            if (entries > 0) {
                NEW_LINE.writeIndentation(g, level);
            } else {
                g.writeRaw(' ');
            }
        }
        g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        if (flat()) {
            push(FLAT);
        } else if (nextArrayOneItemPerLine) {
            push(LINES);
            level++;
        } else {
            push(INLINE_ARRAY);
        }
        nextArrayOneItemPerLine = false;
        g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        byte innermost = innermost();
        if (innermost == LINES) {
            NEW_LINE.writeIndentation(g, level);
        } else if (innermost == INLINE_ARRAY) {
            g.writeRaw(' ');
        }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        beforeArrayValues(g);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        byte kind = pop();
        if (kind == LINES) {
            level--;
            if (values > 0) {
                NEW_LINE.writeIndentation(g, level);
            } else {
                g.writeRaw(' ');
            }
        } else if (kind == INLINE_ARRAY) {
            g.writeRaw(' ');
        }
        g.writeRaw(']');
    }
}
