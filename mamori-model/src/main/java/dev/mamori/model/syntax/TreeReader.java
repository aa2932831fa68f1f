package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads one YAML or JSON file into a located {@link Node} tree, rejecting what a model never needs
 * and an attacker could abuse: aliases that expand beyond a budget (billion laughs), duplicate keys
 * (the last one silently winning), deep nesting, oversized, binary and non-UTF-8 files. YAML anchors,
 * aliases and merge keys ({@code <<: *base}) are read, as Threagile models use them; a value reached
 * through an alias keeps the location of the anchor's definition. Every problem becomes a located
 * diagnostic in words of the model, never of the parsing libraries; nothing is thrown.
 */
public final class TreeReader {

    /** How the file is written; JSON is parsed strictly, YAML accepts JSON too. */
    public enum Syntax {
        YAML,
        JSON;

        public static Syntax forFileName(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }

        String display() {
            return this == JSON ? "JSON" : "YAML";
        }
    }

    private final ReadLimits limits;
    private final TreeCache cache;
    private final InMemoryYamlFactory yamlFactory;
    private final JsonFactory jsonFactory;

    public TreeReader(ReadLimits limits) {
        this(limits, TreeCache.NONE);
    }

    /** A reader that takes the trees of large files from {@code cache} when their files have not changed. */
    public TreeReader(ReadLimits limits, TreeCache cache) {
        this.limits = limits;
        this.cache = cache;
        LoaderOptions options = new LoaderOptions();
        // Duplicate keys are found by the tree walk, which reports every one and goes on; Jackson's
        // own detector (which this option would switch on) stops at the first.
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setNestingDepthLimit(limits.maxDepth() + 10);
        // The walk stops at maxDepth and the file size is capped before parsing; the parsers' own
        // limits only have to stay out of the way of those, which report in the model's words.
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 10)
                .maxStringLength(Integer.MAX_VALUE)
                .maxDocumentLength(-1)
                .build();
        this.yamlFactory = new InMemoryYamlFactory(options, constraints);
        this.jsonFactory =
                JsonFactory.builder().streamReadConstraints(constraints).build();
    }

    /**
     * Parses {@code content}, reporting problems against {@code file}. Returns the root node, or
     * empty when the file could not be read as a tree at all.
     */
    public Optional<Node> read(String file, byte[] content, Syntax syntax, Diagnostics diagnostics) {
        if (!cache.covers(content) || content.length > limits.maxFileBytes()) {
            return parse(file, content, syntax, diagnostics);
        }
        byte[] key = cache.key(file, content, syntax, limits);
        Optional<Node> kept = cache.get(file, key);
        if (kept.isPresent()) {
            return kept;
        }
        // Only a tree read without a word to say is kept: what the parse said is not.
        Diagnostics said = new Diagnostics();
        Optional<Node> tree = parse(file, content, syntax, said);
        List<dev.mamori.model.diagnostics.Diagnostic> problems = said.sorted();
        diagnostics.addAll(problems);
        if (tree.isPresent() && problems.isEmpty()) {
            cache.put(file, key, tree.get());
        }
        return tree;
    }

    private Optional<Node> parse(String file, byte[] content, Syntax syntax, Diagnostics diagnostics) {
        if (content.length > limits.maxFileBytes()) {
            diagnostics.error(
                    SourceLocation.startOf(file),
                    "file-too-large",
                    "the file has " + content.length + " bytes, more than the limit of " + limits.maxFileBytes()
                            + "; split the landscape into several files joined by 'imports'");
            return Optional.empty();
        }
        Optional<String> text = decode(file, content, diagnostics);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isBlank()) {
            diagnostics.error(
                    SourceLocation.startOf(file),
                    "empty-file",
                    "the file is empty; expected a model starting with 'mamori: 1'");
            return Optional.empty();
        }
        if (syntax == Syntax.YAML && !printable(file, text.get(), diagnostics)) {
            return Optional.empty();
        }
        if (syntax == Syntax.YAML) {
            Node read;
            try {
                read = BlockYamlReader.read(file, text.get(), limits, yamlFactory.plainKinds());
            } catch (RuntimeException e) {
                read = null; // a fault of the quick reader costs time, never the file: Jackson reads it
            }
            if (read != null) {
                return Optional.of(read);
            }
        }
        return parseWithJackson(file, text.get(), syntax, diagnostics);
    }

    /**
     * The tree of decoded, non-blank text as Jackson's parser reads it, with every problem it finds;
     * {@link BlockYamlReader} reads the YAML most models are written in faster, to the same tree.
     */
    Optional<Node> parseWithJackson(String file, String text, Syntax syntax, Diagnostics diagnostics) {
        try (JsonParser parser = syntax == Syntax.JSON ? jsonFactory.createParser(text) : yamlFactory.parser(text)) {
            Parse parse = new Parse(file, parser, diagnostics, limits);
            JsonToken first = parser.nextToken();
            if (first == null) {
                diagnostics.error(
                        SourceLocation.startOf(file),
                        "empty-file",
                        "the file holds no value; expected a model starting with 'mamori: 1'");
                return Optional.empty();
            }
            Node root = parse.value(1);
            if (root != null && parser.nextToken() != null) {
                diagnostics.error(
                        parse.here(),
                        "several-documents",
                        "a second document starts here; a model file holds exactly one, so split it into"
                                + " files joined by 'imports'");
            }
            return parse.failed ? Optional.empty() : Optional.ofNullable(root);
        } catch (Refused e) {
            // The walk has reported why it stopped.
        } catch (JsonProcessingException e) {
            diagnostics.error(clamp(locate(file, e), text), "syntax", syntaxMessage(e, syntax));
        } catch (IOException e) {
            diagnostics.error(SourceLocation.startOf(file), "unreadable", "the file cannot be parsed");
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (nesting, code points) as unchecked exceptions.
            MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
            SourceLocation at = marked != null && marked.getProblemMark() != null
                    ? new SourceLocation(
                            file,
                            marked.getProblemMark().getLine() + 1,
                            marked.getProblemMark().getColumn() + 1)
                    : SourceLocation.startOf(file);
            diagnostics.error(clamp(at, text), "syntax", syntaxMessage(e, syntax));
        }
        return Optional.empty();
    }

    /**
     * YAML allows no control characters but tab and line breaks (nor a few others); SnakeYAML checks
     * them as it reads, without a line and column, so they are found here first.
     */
    private static boolean printable(String file, String text, Diagnostics diagnostics) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                diagnostics.error(
                        locationOfChar(file, text, i),
                        "syntax",
                        String.format(
                                "the file is not valid YAML: it contains the control character U+%04X, which YAML"
                                        + " does not allow in a file",
                                c));
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    private static SourceLocation locationOfChar(String file, String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !Character.isLowSurrogate(c)) {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    /** Strict UTF-8 with an optional byte-order mark; binary and UTF-16 files are named as such. */
    private static Optional<String> decode(String file, byte[] content, Diagnostics diagnostics) {
        int start = 0;
        if (content.length >= 3
                && (content[0] & 0xFF) == 0xEF
                && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (content.length >= 2
                && (((content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)
                        || ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE))) {
            diagnostics.error(
                    SourceLocation.startOf(file),
                    "encoding",
                    "the file is UTF-16; save it as UTF-8, the encoding a model is read in");
            return Optional.empty();
        }
        for (int i = start; i < content.length; i++) {
            if (content[i] == 0) {
                diagnostics.error(
                        locationOfByte(file, content, start, i),
                        "binary-file",
                        "the file contains a NUL byte, so it is binary, not a YAML or JSON model");
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer chars = CharBuffer.allocate(content.length - start);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            // On an error the decoder stops with the input positioned at the offending sequence.
            int bad = bytes.position();
            diagnostics.error(
                    locationOfByte(file, content, start, bad),
                    "encoding",
                    String.format(
                            "byte 0x%02X is not valid UTF-8; save the file as UTF-8, the encoding a model is read in",
                            content[bad] & 0xFF));
            return Optional.empty();
        }
        return Optional.of(chars.flip().toString());
    }

    /** Lines end at LF, CR LF or a lone CR, as the YAML and JSON parsers count them. */
    private static SourceLocation locationOfByte(String file, byte[] content, int start, int index) {
        int line = 1;
        int column = 1;
        for (int i = start; i < index; i++) {
            byte b = content[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
                line++;
                column = 1;
            } else if (b != '\r' && (b & 0xC0) != 0x80) {
                column++;
            }
        }
        return new SourceLocation(file, line, column);
    }

    /**
     * A parser's error location moved inside the text: parsers sometimes place an error at the end
     * of input one column past the last line (SnakeYAML after a lone CR, for one).
     */
    private static SourceLocation clamp(SourceLocation at, String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        int line = Math.min(at.line(), lines.length);
        int column = Math.min(at.column(), lines[line - 1].length() + 1);
        return line == at.line() && column == at.column() ? at : new SourceLocation(at.file(), line, column);
    }

    private static SourceLocation locate(String file, JsonProcessingException e) {
        MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
        if (marked != null && marked.getProblemMark() != null) {
            return new SourceLocation(
                    file,
                    marked.getProblemMark().getLine() + 1,
                    marked.getProblemMark().getColumn() + 1);
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
        }
        return SourceLocation.startOf(file);
    }

    /**
     * The parser's complaint in the model's words: what is wrong and, where it helps, what to write.
     * Library names, options and class names never reach the user, and a file is judged by the
     * syntax it is read in (a .yaml file is never told it is not valid JSON).
     */
    private String syntaxMessage(Throwable e, Syntax syntax) {
        String invalid = "the file is not valid " + syntax.display();
        MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
        if (marked != null) {
            String problem = oneLine(marked.getProblem());
            if (problem.contains("\\t(TAB)") || problem.contains("\t(TAB)")) {
                return "a tab is used for indentation here; YAML indents with spaces only";
            }
            String context = marked.getContext() == null ? "" : oneLine(marked.getContext());
            if (marked.getContextMark() != null && !context.isEmpty()) {
                context += " that starts at line " + (marked.getContextMark().getLine() + 1);
            }
            String said = problem + (context.isEmpty() ? "" : " (" + context + ")");
            return mentionsLibrary(said) ? invalid + " here" : invalid + ": " + said;
        }
        String message =
                e instanceof JsonProcessingException j ? oneLine(j.getOriginalMessage()) : oneLine(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "values are nested deeper than " + limits.maxDepth()
                    + " levels here; a Mamori model needs far fewer, so this is not a model";
        }
        if (lower.contains("exceeds the limit") || lower.contains("length") && lower.contains("exceeds")) {
            return invalid + ": a value here is longer than the file size limit of " + limits.maxFileBytes() + " bytes";
        }
        if (syntax == Syntax.YAML) {
            return invalid + " here";
        }
        if (message.startsWith("Unexpected character ('}'") || message.startsWith("Unexpected character (']'")) {
            return invalid + ": unexpected '" + message.charAt("Unexpected character ('".length())
                    + "'; JSON allows no comma after the last entry of an object or array";
        }
        if (message.startsWith("Unexpected character ('") && message.length() > "Unexpected character ('x".length()) {
            char c = message.charAt("Unexpected character ('".length());
            String shown = Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
            if (lower.contains("double-quote to start field name")) {
                return invalid + ": unexpected " + shown + "; names in JSON are written in double quotes";
            }
            if (lower.contains("comma to separate object")) {
                return invalid + ": unexpected " + shown + "; expected ',' or '}'";
            }
            if (lower.contains("comma to separate array")) {
                return invalid + ": unexpected " + shown + "; expected ',' or ']'";
            }
            if (lower.contains("colon")) {
                return invalid + ": unexpected " + shown + "; expected ':' after the name";
            }
            return invalid + ": unexpected " + shown + "; expected a value: text in double quotes, a number,"
                    + " true, false, null, an object or an array";
        }
        if (message.startsWith("Unrecognized token") || message.startsWith("Non-standard token")) {
            return invalid + ": a bare word here; in JSON text is written in double quotes, and the only bare"
                    + " words are true, false and null (NaN and Infinity are not numbers in JSON)";
        }
        if (lower.contains("end-of-input")) {
            return invalid + ": the file ends before the value is complete (a bracket, brace or quote is not"
                    + " closed)";
        }
        if (lower.contains("unquoted character")) {
            return invalid + ": a control character inside a string; write it escaped, as \\n or \\t";
        }
        if (lower.contains("escape")) {
            return invalid + ": an unknown escape in a string; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                    + " and \\uXXXX";
        }
        if (lower.contains("numeric value") || lower.contains("leading zero") || lower.contains("number")) {
            return invalid + ": this number is not written the JSON way (no leading zeros, no '+', digits on"
                    + " both sides of a '.')";
        }
        if (lower.contains("close marker")) {
            return invalid + ": this closing bracket or brace matches no opening one";
        }
        return invalid + " here";
    }

    /** Whether a parser's text names a library, class or option, so it must not be shown. */
    private static boolean mentionsLibrary(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("snakeyaml")
                || lower.contains("jackson")
                || lower.contains("fasterxml")
                || lower.contains("java.")
                || lower.contains("constraints")
                || lower.contains("feature")
                || text.contains("`")
                || text.matches(".*\\b[a-z]+\\.[a-z]+\\.[A-Za-z].*");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String first = message.strip().split("\\R", 2)[0];
        int at = first.indexOf(" at [Source");
        return at > 0 ? first.substring(0, at) : first;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static final String MERGE_KEY = "<<";

    /** Stops the walk once a problem it reported makes reading on pointless or unsafe. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused() {
            super(null, null, false, false);
        }
    }

    /** A value defined with an anchor: the node, how many values it holds, and its height. */
    private record Anchored(Node node, long values, int height) {}

    /** The walk over the token stream of one file. */
    private static final class Parse {
        private final String file;
        private final JsonParser parser;
        private final Diagnostics diagnostics;
        private final ReadLimits limits;
        private final Map<String, Anchored> anchors = new HashMap<>();
        /**
         * Each distinct key and scalar text of the file as one string: models repeat the same keys
         * and values thousands of times, and every copy would live as long as the tree (and be
         * copied by each collection while it is built).
         */
        private final Map<String, String> texts = new HashMap<>();

        private boolean failed;
        /** Values built so far, counting those reached through aliases once per alias. */
        private long values;
        /** Values reached through aliases so far, held to {@link ReadLimits#maxAliasValues()}. */
        private long expanded;
        /** The height of the value last read: 1 for a scalar, one more than its highest child else. */
        private int height;

        Parse(String file, JsonParser parser, Diagnostics diagnostics, ReadLimits limits) {
            this.file = file;
            this.parser = parser;
            this.diagnostics = diagnostics;
            this.limits = limits;
        }

        private String shared(String text) {
            String first = texts.putIfAbsent(text, text);
            return first != null ? first : text;
        }

        SourceLocation here() {
            JsonLocation location = parser.currentTokenLocation();
            return new SourceLocation(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
        }

        /** Reads the value at the current token; returns null when it was rejected. */
        Node value(int depth) throws IOException {
            SourceLocation at = here();
            JsonToken token = parser.currentToken();
            if (isAlias()) {
                return alias(at, depth);
            }
            String anchor = parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
            long before = values;
            values++;
            height = 1;
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > limits.maxDepth()) {
                tooDeep(at);
            }
            Node node = switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_STRING -> new ScalarNode(at, shared(parser.getText()), ScalarNode.Kind.STRING);
                case VALUE_NUMBER_INT -> new ScalarNode(at, shared(parser.getText()), ScalarNode.Kind.INTEGER);
                case VALUE_NUMBER_FLOAT -> new ScalarNode(at, shared(parser.getText()), ScalarNode.Kind.DECIMAL);
                case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, shared(parser.getText()), ScalarNode.Kind.BOOLEAN);
                case VALUE_NULL -> new ScalarNode(at, "", ScalarNode.Kind.NULL);
                default -> {
                    diagnostics.error(
                            at,
                            "unsupported-value",
                            "this value (binary data or an object of a YAML tag) has no meaning in a model; write"
                                    + " text, a number, true or false, a list or a mapping");
                    failed = true;
                    yield null;
                }
            };
            if (node != null && anchor != null) {
                anchors.put(anchor, new Anchored(node, values - before, height));
            }
            return node;
        }

        private void tooDeep(SourceLocation at) {
            diagnostics.error(
                    at,
                    "too-deep",
                    "values are nested deeper than " + limits.maxDepth()
                            + " levels here; a Mamori model needs far fewer, so this is not a model");
            failed = true;
            throw new Refused();
        }

        /**
         * The anchored value an alias names, shared rather than copied, so it keeps the location of
         * its definition. What aliases expand to is counted, so an alias bomb stops at the budget.
         */
        private Node alias(SourceLocation at, int depth) throws IOException {
            String name = parser.getText();
            Anchored target = anchors.get(name);
            if (target == null) {
                diagnostics.error(
                        at,
                        "yaml-alias",
                        "the alias '*" + name + "' names no anchor '&" + name
                                + "' defined before it; an anchor must come first in the file");
                failed = true;
                height = 1;
                return null;
            }
            // A container at depth d with height h holds containers down to depth d + h - 2.
            if (target.height() > 1 && depth + target.height() - 2 > limits.maxDepth()) {
                tooDeep(at);
            }
            expanded += target.values();
            if (expanded > limits.maxAliasValues()) {
                diagnostics.error(
                        at,
                        "yaml-alias",
                        "aliases in this file expand to more than " + limits.maxAliasValues()
                                + " values (every value inside each aliased mapping or list counts); this is how an"
                                + " alias bomb exhausts memory, so the file is refused");
                failed = true;
                throw new Refused();
            }
            values += target.values();
            height = target.height();
            return target.node();
        }

        private boolean isAlias() {
            return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
        }

        private Node mapping(SourceLocation at, int depth) throws IOException {
            List<MapNode.Entry> entries = new ArrayList<>();
            Map<String, SourceLocation> seen = new HashMap<>();
            Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
            int childHeight = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = shared(parser.currentName());
                SourceLocation keyAt = here();
                parser.nextToken();
                Node value = value(depth + 1);
                childHeight = Math.max(childHeight, height);
                if (key.equals(MERGE_KEY) && parser instanceof YAMLParser) {
                    if (value != null) {
                        merge(value, merged);
                    }
                    continue;
                }
                SourceLocation first = seen.putIfAbsent(key, keyAt);
                if (first != null) {
                    diagnostics.error(
                            keyAt,
                            "duplicate-key",
                            "duplicate key '" + key + "'; it is already set at line " + first.line()
                                    + ", and each key may appear once in a mapping");
                    failed = true;
                } else if (value != null) {
                    entries.add(new MapNode.Entry(key, keyAt, value));
                }
            }
            // A key written in the mapping wins over the same key merged in (YAML's merge key rule).
            for (MapNode.Entry entry : merged.values()) {
                if (!seen.containsKey(entry.key())) {
                    entries.add(entry);
                }
            }
            height = childHeight + 1;
            return new MapNode(at, entries);
        }

        /**
         * YAML's merge key: {@code <<: *base} or {@code <<: [*a, *b]} adds the keys of the mappings
         * named; of several, the first to hold a key gives it.
         */
        private void merge(Node value, Map<String, MapNode.Entry> merged) {
            List<Node> sources = value instanceof ListNode list ? list.items() : List.of(value);
            for (Node source : sources) {
                if (source instanceof MapNode map) {
                    map.entries().forEach(e -> merged.putIfAbsent(e.key(), e));
                } else {
                    diagnostics.error(
                            source.at(),
                            "yaml-merge",
                            "the merge key '<<' takes a mapping (usually an alias such as *base) or a list of"
                                    + " them; this is " + source.describe());
                    failed = true;
                }
            }
        }

        private Node sequence(SourceLocation at, int depth) throws IOException {
            List<Node> items = new ArrayList<>();
            int childHeight = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Node item = value(depth + 1);
                childHeight = Math.max(childHeight, height);
                if (item != null) {
                    items.add(item);
                }
            }
            height = childHeight + 1;
            return new ListNode(at, items);
        }
    }
}
