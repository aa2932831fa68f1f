package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML or JSON file into a located {@link Node} tree, rejecting what a model never needs
 * and an attacker could abuse: aliases (billion laughs), duplicate keys (the last one silently
 * winning), deep nesting, oversized, binary and non-UTF-8 files. Every problem becomes a located
 * diagnostic; nothing is thrown.
 */
public final class TreeReader {

    /** How the file is written; JSON is parsed strictly, YAML accepts JSON too. */
    public enum Syntax {
        YAML,
        JSON;

        public static Syntax forFileName(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? JSON : YAML;
        }
    }

    private final ReadLimits limits;
    private final YAMLFactory yamlFactory;
    private final JsonFactory jsonFactory;

    public TreeReader(ReadLimits limits) {
        this.limits = limits;
        LoaderOptions options = new LoaderOptions();
        // Duplicate keys are found by the tree walk, which reports every one and goes on; Jackson's
        // own detector (which this option would switch on) stops at the first.
        options.setAllowDuplicateKeys(true);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setNestingDepthLimit(limits.maxDepth() + 10);
        this.yamlFactory = YAMLFactory.builder().loaderOptions(options).build();
        this.jsonFactory = JsonFactory.builder().build();
    }

    /**
     * Parses {@code content}, reporting problems against {@code file}. Returns the root node, or
     * empty when the file could not be read as a tree at all.
     */
    public Optional<Node> read(String file, byte[] content, Syntax syntax, Diagnostics diagnostics) {
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
        try (JsonParser parser =
                syntax == Syntax.JSON ? jsonFactory.createParser(text.get()) : yamlFactory.createParser(text.get())) {
            Parse parse = new Parse(file, parser, diagnostics, limits.maxDepth());
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
        } catch (JsonProcessingException e) {
            diagnostics.error(clamp(locate(file, e), text.get()), "syntax", syntaxMessage(e));
        } catch (IOException e) {
            diagnostics.error(SourceLocation.startOf(file), "unreadable", "cannot read the file: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (nesting, code points) as unchecked exceptions.
            MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
            SourceLocation at = marked != null && marked.getProblemMark() != null
                    ? new SourceLocation(
                            file,
                            marked.getProblemMark().getLine() + 1,
                            marked.getProblemMark().getColumn() + 1)
                    : SourceLocation.startOf(file);
            diagnostics.error(
                    clamp(at, text.get()), "syntax", "the file is not valid YAML: " + oneLine(e.getMessage()));
        }
        return Optional.empty();
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

    private static String syntaxMessage(JsonProcessingException e) {
        MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
        if (marked != null) {
            String problem = oneLine(marked.getProblem());
            String context = marked.getContext() == null ? "" : oneLine(marked.getContext());
            if (marked.getContextMark() != null && !context.isEmpty()) {
                context += " that starts at line " + (marked.getContextMark().getLine() + 1);
            }
            if (problem.contains("\\t(TAB)") || problem.contains("\t(TAB)")) {
                return "a tab is used for indentation here; YAML indents with spaces only";
            }
            return "the file is not valid YAML: " + problem + (context.isEmpty() ? "" : " (" + context + ")");
        }
        String message = oneLine(e.getOriginalMessage());
        if (message.startsWith("Unexpected character ('}'") || message.startsWith("Unexpected character (']'")) {
            return "the file is not valid JSON: unexpected '" + message.charAt("Unexpected character ('".length())
                    + "'; JSON allows no comma after the last entry of an object or array";
        }
        return "the file is not valid JSON: " + message;
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

    /** The walk over the token stream of one file. */
    private static final class Parse {
        private final String file;
        private final JsonParser parser;
        private final Diagnostics diagnostics;
        private final int maxDepth;
        private boolean failed;

        Parse(String file, JsonParser parser, Diagnostics diagnostics, int maxDepth) {
            this.file = file;
            this.parser = parser;
            this.diagnostics = diagnostics;
            this.maxDepth = maxDepth;
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
                diagnostics.error(
                        at,
                        "yaml-alias",
                        "YAML aliases ('*" + parser.getText()
                                + "') are not accepted: they can expand without bound; write the value out");
                failed = true;
                return null;
            }
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth > maxDepth) {
                diagnostics.error(
                        at,
                        "too-deep",
                        "values are nested more than " + maxDepth
                                + " levels deep here; a Mamori model needs far fewer, so this is not a model");
                failed = true;
                parser.skipChildren();
                return null;
            }
            return switch (token) {
                case START_OBJECT -> mapping(at, depth);
                case START_ARRAY -> sequence(at, depth);
                case VALUE_STRING -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.STRING);
                case VALUE_NUMBER_INT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.INTEGER);
                case VALUE_NUMBER_FLOAT -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.DECIMAL);
                case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(at, parser.getText(), ScalarNode.Kind.BOOLEAN);
                case VALUE_NULL -> new ScalarNode(at, "", ScalarNode.Kind.NULL);
                default -> {
                    diagnostics.error(
                            at,
                            "unsupported-value",
                            "this value (" + token + ") has no meaning in a model; write text, a number,"
                                    + " true or false, a list or a mapping");
                    failed = true;
                    yield null;
                }
            };
        }

        private boolean isAlias() {
            return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
        }

        private Node mapping(SourceLocation at, int depth) throws IOException {
            List<MapNode.Entry> entries = new ArrayList<>();
            Map<String, SourceLocation> seen = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceLocation keyAt = here();
                parser.nextToken();
                Node value = value(depth + 1);
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
            return new MapNode(at, entries);
        }

        private Node sequence(SourceLocation at, int depth) throws IOException {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Node item = value(depth + 1);
                if (item != null) {
                    items.add(item);
                }
            }
            return new ListNode(at, items);
        }
    }
}
