package dev.mamori.model.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the YAML that models are written in, straight into a tree: block mappings and block lists,
 * one-line scalars (plain, single- or double-quoted), literal and folded block texts ({@code |},
 * {@code >-}), lists in brackets and mappings in braces on one line, comments and blank lines.
 * Every value gets the location and the kind Jackson's YAML parser gives it, so the tree is the one
 * {@link TreeReader} builds from Jackson's tokens.
 *
 * <p>Anything else (anchors, aliases, tags, multi-line plain and quoted scalars and brackets, tabs,
 * a second document, a duplicate key, deep nesting, an error of any kind) makes {@link #read} give
 * up and return null, and the file is read by Jackson's parser, which reads it all and words every
 * problem. So this reader never reports anything: what it reads, it reads as the full parser does
 * ({@code BlockYamlReaderTest} holds it to that on generated, edited and bundled files), and what
 * it does not, it leaves alone.
 *
 * <p>Why: SnakeYAML's scanner, under Jackson's parser, was most of the time taken to load a model
 * (docs/performance.md); a scanner for the subset models use is several times faster.
 */
final class BlockYamlReader {

    /** The kind Jackson gives a plain scalar of some text; null when it is none a model has. */
    interface PlainKinds {
        ScalarNode.Kind kindOf(String plain);
    }

    /** The text leaves the subset; thrown to unwind, without a stack trace. */
    private static final class Outside extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Outside() {
            super(null, null, false, false);
        }
    }

    private static final Outside OUTSIDE = new Outside();

    /** A mapping's keys are checked for duplicates in a list up to this size, in a set beyond. */
    private static final int KEYS_IN_A_LIST = 8;

    /** SnakeYAML takes a key on one line of at most 1,024 characters; longer ones are left to it. */
    private static final int LONGEST_KEY = 1_000;

    private final String file;
    private final String text;
    private final int end;
    private final int maxDepth;
    private final PlainKinds plainKinds;
    /** Whether the text has characters outside the BMP, which count as one column each. */
    private final boolean supplementary;
    /** Each distinct key and scalar text as one string, as {@link TreeReader} keeps them. */
    private final Map<String, String> texts = new HashMap<>();
    /** The kinds of plain scalars that do not start with a letter, by text (numbers repeat). */
    private final Map<String, ScalarNode.Kind> kinds = new HashMap<>();

    /** Where the reading is: an index into the text, the line it is on (from 1) and where that starts. */
    private int pos;

    private int line = 1;
    private int lineStart;

    private BlockYamlReader(String file, String text, int maxDepth, PlainKinds plainKinds, boolean supplementary) {
        this.file = file;
        this.text = text;
        this.end = text.length();
        this.maxDepth = maxDepth;
        this.plainKinds = plainKinds;
        this.supplementary = supplementary;
    }

    /**
     * The tree of {@code text}, or null when the text is not all in the subset this reader reads.
     * The text must be non-blank and hold only characters YAML allows ({@link TreeReader} checks).
     */
    static Node read(String file, String text, ReadLimits limits, PlainKinds plainKinds) {
        BlockYamlReader reader = reader(file, text, limits, plainKinds);
        if (reader == null) {
            return null;
        }
        try {
            return reader.document();
        } catch (Outside e) {
            return null;
        }
    }

    /** For tests: the line at which the reader leaves {@code text} to Jackson's parser; 0 when it reads it all. */
    static int lineLeftAt(String text, ReadLimits limits, PlainKinds plainKinds) {
        BlockYamlReader reader = reader("", text, limits, plainKinds);
        if (reader == null) {
            return 1;
        }
        try {
            reader.document();
            return 0;
        } catch (Outside e) {
            return reader.line;
        }
    }

    /** What the characters of a text are to this reader. */
    private enum Characters {
        BMP,
        /** Some outside the BMP, which SnakeYAML counts as one column each. */
        SUPPLEMENTARY,
        /** Tabs or line breaks that the full parser is left to read. */
        LEFT_TO_JACKSON
    }

    /** A reader for {@code text}, or null when its characters are left to Jackson's parser. */
    private static BlockYamlReader reader(String file, String text, ReadLimits limits, PlainKinds plainKinds) {
        Characters characters = characters(text);
        return characters == Characters.LEFT_TO_JACKSON
                ? null
                : new BlockYamlReader(
                        file, text, limits.maxDepth(), plainKinds, characters == Characters.SUPPLEMENTARY);
    }

    private static Characters characters(String text) {
        boolean supplementary = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ') {
                // Tabs are left to the full parser, and so are line breaks but LF and CR LF.
                if (c != '\n' && (c != '\r' || i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    return Characters.LEFT_TO_JACKSON;
                }
            } else if (c >= 0x80) {
                // SnakeYAML breaks lines at NEL, LS and PS too, and skips byte-order marks.
                if (c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                    return Characters.LEFT_TO_JACKSON;
                }
                supplementary |= Character.isSurrogate(c);
            }
        }
        return supplementary ? Characters.SUPPLEMENTARY : Characters.BMP;
    }

    private Node document() {
        int indent = toContent();
        if (indent == 0 && text.startsWith("---", pos) && (pos + 3 == end || isBlank(text.charAt(pos + 3)))) {
            pos += 3;
            endOfLine();
            indent = toContent();
        }
        if (indent < 0) {
            throw OUTSIDE;
        }
        Node root = blockNode(1);
        if (toContent() >= 0) {
            throw OUTSIDE; // a line after the root's end: a second document, or a mistake
        }
        return root;
    }

    /** A mapping or a list that starts at {@code pos}, the content of a line. */
    private Node blockNode(int depth) {
        int indent = pos - lineStart;
        return isItem(pos) ? blockList(indent, depth) : blockMapping(indent, depth);
    }

    /** A block mapping whose keys are at column {@code indent}; the first key is at {@code pos}. */
    private Node blockMapping(int indent, int depth) {
        if (depth > maxDepth) {
            throw OUTSIDE;
        }
        int mappingLine = line;
        int mappingColumn = column(pos);
        List<MapNode.Entry> entries = new ArrayList<>();
        Set<String> keys = null;
        while (true) {
            int colon = keyColon(pos);
            if (colon < 0) {
                throw OUTSIDE;
            }
            int keyLine = line;
            int keyColumn = column(pos);
            String key = key(colon);
            keys = unique(key, entries, keys);
            Node value = valueAfterColon(colon, indent, depth + 1);
            entries.add(new MapNode.Entry(key, file, keyLine, keyColumn, value));
            int next = toContent();
            if (next < indent) {
                break;
            }
            if (next > indent || isItem(pos)) {
                throw OUTSIDE;
            }
        }
        return new MapNode(file, mappingLine, mappingColumn, entries);
    }

    /**
     * The value of the key whose colon is at {@code colon}, in a mapping at column {@code indent}:
     * on the same line, on the lines below (indented further, or a list at the key's own column),
     * or none (an empty value, placed just after the colon, where SnakeYAML places it).
     */
    private Node valueAfterColon(int colon, int indent, int depth) {
        pos = colon + 1;
        int emptyColumn = column(pos);
        int emptyLine = line;
        skipSpaces();
        if (atLineEnd()) {
            endOfLine();
            int next = toContent();
            if (next > indent) {
                return blockNode(depth);
            }
            if (next == indent && isItem(pos)) {
                return blockList(indent, depth);
            }
            return new ScalarNode(file, emptyLine, emptyColumn, "", kindOf(""));
        }
        return lineValue(indent, depth);
    }

    /** A list whose dashes are at column {@code indent}; the first dash is at {@code pos}. */
    private Node blockList(int indent, int depth) {
        if (depth > maxDepth) {
            throw OUTSIDE;
        }
        int listLine = line;
        int listColumn = column(pos);
        List<Node> items = new ArrayList<>();
        while (true) {
            pos++; // the dash
            skipSpaces();
            if (atLineEnd()) {
                endOfLine();
                if (toContent() <= indent) {
                    throw OUTSIDE; // an empty item
                }
                items.add(blockNode(depth + 1));
            } else if (keyColon(pos) >= 0) {
                items.add(blockMapping(pos - lineStart, depth + 1));
            } else {
                if (isItem(pos)) {
                    throw OUTSIDE; // a list in a list on one line
                }
                items.add(lineValue(indent, depth + 1));
            }
            int next = toContent();
            if (next < indent || (next == indent && !isItem(pos))) {
                break;
            }
            if (next > indent) {
                throw OUTSIDE;
            }
        }
        return new ListNode(file, listLine, listColumn, items);
    }

    /**
     * A value written on the rest of the line, in a block at column {@code indent}; the line is
     * read to its end. A line below indented further would continue it (or be an error).
     */
    private Node lineValue(int indent, int depth) {
        char first = text.charAt(pos);
        if (first == '|' || first == '>') {
            return blockText(indent);
        }
        Node value = inlineValue(depth);
        endOfLine();
        if (nextIndentWithComments() > indent) {
            throw OUTSIDE;
        }
        return value;
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block text, clipped or stripped ({@code -}) of its
     * last line break, in a block at column {@code indent}, read as SnakeYAML reads it. Its lines
     * are indented as its first line is, which must follow the header at once. Left to the full
     * parser: an explicit indentation, keeping ({@code +}), blank lines before the first line, a
     * folded line indented further, and a line of spaces only as deep as the text.
     */
    private Node blockText(int indent) {
        int textLine = line;
        int textColumn = column(pos);
        boolean folded = text.charAt(pos) == '>';
        pos++;
        boolean strip = pos < end && text.charAt(pos) == '-';
        if (strip) {
            pos++;
        }
        if (pos == end || !isBlank(text.charAt(pos)) && text.charAt(pos) != '#') {
            throw OUTSIDE; // an indentation indicator, keeping, or more on the header's line
        }
        endOfLine();
        int margin = spacesAt(pos); // the text's own indentation
        if (margin <= indent || isLineEnd(pos + margin)) {
            throw OUTSIDE; // an empty text, or blank lines before its first line
        }
        StringBuilder value = new StringBuilder();
        boolean ended = false; // whether the last line read ended in a line break
        while (true) {
            int start = pos + margin;
            if (folded && text.charAt(start) == ' ') {
                throw OUTSIDE; // a folded line indented further
            }
            int eol = start;
            while (eol < end && text.charAt(eol) != '\n' && text.charAt(eol) != '\r') {
                eol++;
            }
            value.append(text, start, eol);
            pos = eol;
            ended = pos < end;
            if (!ended) {
                break;
            }
            nextLine();
            int blank = 0;
            while (true) {
                int spaces = spacesAt(pos);
                if (!isLineEnd(pos + spaces)) {
                    break; // a line with more than spaces
                }
                if (spaces >= margin) {
                    throw OUTSIDE; // a line of spaces as deep as the text
                }
                pos += spaces;
                if (pos == end) {
                    break;
                }
                nextLine();
                blank++;
            }
            if (pos == end || spacesAt(pos) < margin) {
                break; // the text ends; the blank lines after it are clipped or stripped
            }
            value.append(folded && blank == 0 ? " " : "\n".repeat(folded ? blank : blank + 1));
        }
        if (ended && !strip) {
            value.append('\n');
        }
        // pos is at the start of the first line after the text and the blank lines that follow it
        return new ScalarNode(file, textLine, textColumn, shared(value.toString()), ScalarNode.Kind.STRING);
    }

    /** The number of spaces at {@code at}. */
    private int spacesAt(int at) {
        int i = at;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - at;
    }

    /** Whether {@code at} is where a line ends: a line break, or the end of the text. */
    private boolean isLineEnd(int at) {
        return at >= end || text.charAt(at) == '\n' || text.charAt(at) == '\r';
    }

    /** Past the line break at {@code pos}, to the start of the next line. */
    private void nextLine() {
        pos += text.charAt(pos) == '\r' ? 2 : 1;
        line++;
        lineStart = pos;
    }

    private Node inlineValue(int depth) {
        char c = text.charAt(pos);
        switch (c) {
            case '"':
            case '\'':
                return quoted();
            case '[':
            case '{':
                return flow(depth);
            default:
                return plain(false);
        }
    }

    private Node quoted() {
        int valueLine = line;
        int valueColumn = column(pos);
        return new ScalarNode(file, valueLine, valueColumn, shared(quotedText()), ScalarNode.Kind.STRING);
    }

    /** A plain scalar at {@code pos}; in brackets or braces ({@code flow}) it ends at a comma or the closing one. */
    private Node plain(boolean flow) {
        if (!startsPlainAt(pos)) {
            throw OUTSIDE;
        }
        int start = pos;
        int last = pos; // just after the last character that is not a space
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == ':') {
                // A colon followed by a space ends a key, where a value was expected; in brackets, a
                // colon before a bracket or comma is left to the full parser too (https://x is text).
                char next = i + 1 == end ? '\n' : text.charAt(i + 1);
                if (isBlank(next)
                        || (flow && (next == ',' || next == '[' || next == ']' || next == '{' || next == '}'))) {
                    throw OUTSIDE;
                }
            } else if (c == '#' && text.charAt(i - 1) == ' ') {
                break;
            } else if (flow && (c == ',' || c == ']' || c == '}')) {
                break;
            } else if (flow && (c == '[' || c == '{' || c == '?' || c == '#')) {
                throw OUTSIDE;
            }
            if (c != ' ') {
                last = i + 1;
            }
        }
        pos = last;
        String value = text.substring(start, last);
        ScalarNode.Kind kind = kindOf(value);
        // TreeReader keeps no text for a null (~, null)
        return new ScalarNode(file, line, column(start), kind == ScalarNode.Kind.NULL ? "" : shared(value), kind);
    }

    /** The kind Jackson gives a plain scalar; an empty value ({@code key:} and no more) is an empty one. */
    private ScalarNode.Kind kindOf(String value) {
        if (!value.isEmpty()
                && InMemoryYamlFactory.isAsciiLetter(value.charAt(0))
                && !InMemoryYamlFactory.LETTERED_WORDS.contains(value)) {
            return ScalarNode.Kind.STRING; // InMemoryYamlFactory.certainlyText
        }
        ScalarNode.Kind kind = kinds.get(value);
        if (kind == null) {
            kind = plainKinds.kindOf(value);
            if (kind == null) {
                throw OUTSIDE;
            }
            kinds.put(value, kind);
        }
        return kind;
    }

    /**
     * A list in brackets or a mapping in braces, on one line, of scalars and of lists and mappings
     * like it: {@code [a, "b", 3]}, {@code { time: 3h, after: [plc] }}, {@code []}, {@code {}}.
     */
    private Node flow(int depth) {
        if (depth > maxDepth) {
            throw OUTSIDE;
        }
        char open = text.charAt(pos);
        char close = open == '[' ? ']' : '}';
        int flowLine = line;
        int flowColumn = column(pos);
        List<Node> items = new ArrayList<>();
        List<MapNode.Entry> entries = new ArrayList<>();
        Set<String> keys = null;
        pos++;
        skipSpaces();
        if (pos < end && text.charAt(pos) == close) {
            pos++;
        } else {
            while (true) {
                if (open == '[') {
                    items.add(flowValue(depth + 1));
                } else {
                    int keyColumn = column(pos);
                    String key = flowKey();
                    keys = unique(key, entries, keys);
                    entries.add(new MapNode.Entry(key, file, flowLine, keyColumn, flowValue(depth + 1)));
                }
                skipSpaces();
                if (pos == end) {
                    throw OUTSIDE;
                }
                char c = text.charAt(pos++);
                if (c == close) {
                    break;
                }
                if (c != ',') {
                    throw OUTSIDE;
                }
                skipSpaces();
            }
        }
        return open == '['
                ? new ListNode(file, flowLine, flowColumn, items)
                : new MapNode(file, flowLine, flowColumn, entries);
    }

    private Node flowValue(int depth) {
        if (pos == end) {
            throw OUTSIDE;
        }
        char c = text.charAt(pos);
        if (c == '"' || c == '\'') {
            return quoted();
        }
        return c == '[' || c == '{' ? flow(depth) : plain(true);
    }

    /** The key of a mapping in braces, followed by a colon and a space; {@code pos} moves past them. */
    private String flowKey() {
        String key = key(flowKeyColon());
        pos++; // the colon
        skipSpaces();
        return key;
    }

    /**
     * Where the key of a mapping in braces at {@code pos} ends in a colon followed by a space (at
     * once, after a quoted key).
     */
    private int flowKeyColon() {
        if (pos == end) {
            throw OUTSIDE;
        }
        char first = text.charAt(pos);
        if (first == '"' || first == '\'') {
            int close = closingQuote(pos);
            if (close >= 0 && close + 2 < end && text.charAt(close + 1) == ':' && text.charAt(close + 2) == ' ') {
                return close + 1;
            }
            throw OUTSIDE;
        }
        if (!startsPlainAt(pos)) {
            throw OUTSIDE;
        }
        for (int i = pos; i + 1 < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && text.charAt(i + 1) == ' ') {
                return i;
            }
            if (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '#' || c == '?' || c == ':'
                    || c == '\n' || c == '\r') {
                throw OUTSIDE;
            }
        }
        throw OUTSIDE;
    }

    /**
     * Throws when {@code key} is already among {@code entries}: the full parser reports a duplicate
     * key. Checked in the list while it is short, then in the set returned (null until then).
     */
    private static Set<String> unique(String key, List<MapNode.Entry> entries, Set<String> keys) {
        if (keys != null) {
            if (!keys.add(key)) {
                throw OUTSIDE;
            }
            return keys;
        }
        for (MapNode.Entry entry : entries) {
            if (entry.key().equals(key)) {
                throw OUTSIDE;
            }
        }
        if (entries.size() < KEYS_IN_A_LIST) {
            return null;
        }
        Set<String> all = new HashSet<>();
        for (MapNode.Entry entry : entries) {
            all.add(entry.key());
        }
        all.add(key);
        return all;
    }

    /**
     * Where the key that starts at {@code from} ends in a colon followed by a space or the line's
     * end; -1 when the line there is not {@code key: ...} but a value. Leaves {@code pos} alone.
     */
    private int keyColon(int from) {
        char first = text.charAt(from);
        if (first == '"' || first == '\'') {
            int close = closingQuote(from);
            if (close < 0) {
                return -1;
            }
            int i = close + 1;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            return i < end && text.charAt(i) == ':' && (i + 1 == end || isBlank(text.charAt(i + 1))) ? i : -1;
        }
        if (!startsPlainAt(from)) {
            return -1;
        }
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || (c == '#' && text.charAt(i - 1) == ' ')) {
                return -1;
            }
            if (c == ':' && (i + 1 == end || isBlank(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** The key that starts at {@code pos} and ends at {@code colon}; leaves {@code pos} at the colon. */
    private String key(int colon) {
        if (colon - pos > LONGEST_KEY) {
            throw OUTSIDE;
        }
        char first = text.charAt(pos);
        String key;
        if (first == '"' || first == '\'') {
            key = quotedText();
        } else {
            int last = colon;
            while (text.charAt(last - 1) == ' ') {
                last--;
            }
            key = text.substring(pos, last);
        }
        if (key.equals("<<")) {
            throw OUTSIDE; // a merge key
        }
        pos = colon;
        return shared(key);
    }

    /** The index of the quote that closes the one at {@code open} on its line, or -1. */
    private int closingQuote(int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The text of the quoted scalar at {@code pos}, which must close on its line; {@code pos} moves past it. */
    private String quotedText() {
        char quote = text.charAt(pos);
        int close = closingQuote(pos);
        if (close < 0) {
            throw OUTSIDE;
        }
        int from = pos + 1;
        pos = close + 1;
        int special = text.indexOf(quote == '"' ? '\\' : '\'', from);
        if (special < 0 || special >= close) {
            return text.substring(from, close);
        }
        StringBuilder value = new StringBuilder(close - from);
        for (int i = from; i < close; i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                value.append(c);
                if (c == '\'') {
                    i++; // '' is one quote
                }
                continue;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case '\\', '"' -> value.append(escaped);
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'u' -> {
                    if (i + 4 >= close) {
                        throw OUTSIDE;
                    }
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = Character.digit(text.charAt(i + k), 16);
                        if (digit < 0) {
                            throw OUTSIDE;
                        }
                        code = code * 16 + digit;
                    }
                    if (Character.isSurrogate((char) code) || code < ' ' && code != '\n' && code != '\t') {
                        throw OUTSIDE;
                    }
                    value.append((char) code);
                    i += 4;
                }
                default -> throw OUTSIDE;
            }
        }
        return value.toString();
    }

    /**
     * Moves to the first character of the next line that holds a value, past blank lines and
     * comments, and returns its column from 0 (its indentation); -1 at the end of the text. From
     * the start of a line, or from content (which it stays on).
     */
    private int toContent() {
        while (true) {
            int i = pos;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i == end) {
                pos = end;
                return -1;
            }
            char c = text.charAt(i);
            if (c == '#') {
                i = text.indexOf('\n', i);
                if (i < 0) {
                    pos = end;
                    return -1;
                }
                c = '\n';
            }
            if (c == '\n' || c == '\r') {
                pos = i;
                nextLine();
                continue;
            }
            pos = i;
            return i - lineStart;
        }
    }

    /** The indentation of the next line that is not blank, comments included; -1 at the end. */
    private int nextIndentWithComments() {
        int i = pos;
        while (true) {
            int start = i;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i == end) {
                return -1;
            }
            char c = text.charAt(i);
            if (c == '\n') {
                i++;
            } else if (c == '\r') {
                i += 2;
            } else {
                return i - start;
            }
        }
    }

    /** Past the spaces and the comment that may end the line, and past its line break. */
    private void endOfLine() {
        skipSpaces();
        if (pos == end) {
            return;
        }
        char c = text.charAt(pos);
        if (c == '#') {
            if (text.charAt(pos - 1) != ' ') {
                throw OUTSIDE;
            }
            int newline = text.indexOf('\n', pos);
            if (newline < 0) {
                pos = end;
                return;
            }
            pos = newline;
            c = '\n';
        }
        if (c != '\n' && c != '\r') {
            throw OUTSIDE; // more after a value
        }
        nextLine();
    }

    private boolean atLineEnd() {
        if (pos == end) {
            return true;
        }
        char c = text.charAt(pos);
        return c == '\n' || c == '\r' || (c == '#' && text.charAt(pos - 1) == ' ');
    }

    private void skipSpaces() {
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** Whether a list item starts at {@code at}: a dash followed by a space or the line's end. */
    private boolean isItem(int at) {
        return text.charAt(at) == '-' && (at + 1 == end || isBlank(text.charAt(at + 1)));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r';
    }

    /** Whether a plain scalar may start at {@code at}. */
    private boolean startsPlainAt(int at) {
        return startsPlain(text.charAt(at), at + 1 < end ? text.charAt(at + 1) : '\n');
    }

    /**
     * Whether a plain scalar may start with {@code c} (followed by {@code next}): not with one of
     * YAML's indicators, but for a dash that starts a word ({@code -1}). Stricter than YAML.
     */
    private static boolean startsPlain(char c, char next) {
        switch (c) {
            case '-':
                return !isBlank(next);
            case '?',
                    ':',
                    ',',
                    '[',
                    ']',
                    '{',
                    '}',
                    '#',
                    '&',
                    '*',
                    '!',
                    '|',
                    '>',
                    '\'',
                    '"',
                    '%',
                    '@',
                    '`',
                    ' ',
                    '\n',
                    '\r':
                return false;
            default:
                return true;
        }
    }

    /** The column, from 1, of the character at {@code at} on the current line, in code points as SnakeYAML counts. */
    private int column(int at) {
        return (supplementary ? text.codePointCount(lineStart, at) : at - lineStart) + 1;
    }

    private String shared(String value) {
        String first = texts.putIfAbsent(value, value);
        return first != null ? first : value;
    }
}
