package dev.mamori.vulns.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON document read as Jackson's tree of {@link JsonNode}s straight from the streaming parser,
 * for the bills of materials and the vulnerability data, which are read as trees.
 *
 * <p>Why not {@code ObjectMapper.readTree}: making an object mapper and its deserialisers loads and
 * links hundreds of classes. On the bundled example, reading its three bills of materials and five
 * feeds that way was a third of the run (docs/performance.md). The tree is the one the mapper
 * makes by default: integers as int, long or big-integer nodes by size, other numbers as doubles.
 *
 * <p>A key written twice in one object is refused (the data would say two things), as are
 * documents nested deeper than 200 levels and strings over 20 million characters.
 */
public final class JsonTree {

    private JsonTree() {}

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(200)
                    .maxStringLength(20_000_000)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The document {@code bytes} (UTF-8, or another encoding JSON allows, told from its first
     * bytes); what follows its first value is not read.
     *
     * @throws JsonProcessingException when it is not JSON; the exception gives the line and column
     */
    public static JsonNode read(byte[] bytes) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(bytes), null);
    }

    /** As {@link #read(byte[])}, for a document already decoded. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return read(() -> FACTORY.createParser(text), null);
    }

    /**
     * A document read as {@link #read(String)} reads it, with where each of its texts is written.
     *
     * @param root the document
     * @param texts the line and column of the opening quote of each text node of {@code root}, by
     *     identity (an empty text may be one node shared by all)
     */
    public record Located(JsonNode root, Map<JsonNode, JsonLocation> texts) {}

    /** As {@link #read(String)}, keeping where each text is written, for messages that point there. */
    public static Located readLocated(String text) throws JsonProcessingException {
        Map<JsonNode, JsonLocation> texts = new IdentityHashMap<>();
        return new Located(read(() -> FACTORY.createParser(text), texts), texts);
    }

    /** Opens a parser on a document in memory. */
    private interface Source {
        JsonParser open() throws IOException;
    }

    private static JsonNode read(Source source, Map<JsonNode, JsonLocation> texts) throws JsonProcessingException {
        try (JsonParser parser = source.open()) {
            return read(parser, texts);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a document in memory is never unreadable
        }
    }

    private static JsonNode read(JsonParser parser, Map<JsonNode, JsonLocation> texts) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return NODES.missingNode();
        }
        return value(parser, first, texts);
    }

    /**
     * The value that starts at {@code token}, its texts' places put in {@code texts} unless it is
     * null; the parser's nesting limit bounds the recursion.
     */
    private static JsonNode value(JsonParser parser, JsonToken token, Map<JsonNode, JsonLocation> texts)
            throws IOException {
        if (token == null) {
            // Jackson itself reports a document that ends inside an object or array: a guard only.
            throw new JsonParseException(parser, "the document ends inside a value");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    object.set(key, value(parser, parser.nextToken(), texts));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t, texts));
                }
                return array;
            }
            case VALUE_STRING -> {
                JsonNode text = NODES.textNode(parser.getText());
                if (texts != null) {
                    texts.put(text, parser.currentTokenLocation());
                }
                return text;
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("a JSON parser gave " + token + " where a value starts");
        }
    }
}
