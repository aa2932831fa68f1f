package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ImplicitTuple;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/** Jackson's YAML parser fed by {@link InMemoryYamlReader}, so that parsing is linear in the text. */
final class InMemoryYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    InMemoryYamlFactory(LoaderOptions options, StreamReadConstraints constraints) {
        super(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints));
    }

    YAMLParser parser(String text) {
        return new Parser(text);
    }

    /**
     * The kinds Jackson's parser gives plain scalars, asked of Jackson itself, for {@link
     * BlockYamlReader}: one parser, made when first asked, for one reading (a parser is not shared
     * between threads).
     */
    BlockYamlReader.PlainKinds plainKinds() {
        return new BlockYamlReader.PlainKinds() {
            private Parser parser;

            @Override
            public ScalarNode.Kind kindOf(String plain) {
                if (parser == null) {
                    parser = new Parser("");
                }
                return parser.kindOf(plain);
            }
        };
    }

    private final class Parser extends YAMLParser {

        Parser(String text) {
            super(
                    InMemoryYamlFactory.this._createContext(
                            InMemoryYamlFactory.this._createContentReference(text), true),
                    InMemoryYamlFactory.this._parserFeatures,
                    InMemoryYamlFactory.this._yamlParserFeatures,
                    InMemoryYamlFactory.this._objectCodec,
                    Reader.nullReader(),
                    new ParserImpl(new InMemoryYamlReader(text), InMemoryYamlFactory.this._loaderOptions));
        }

        @Override
        protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
            if (certainlyText(scalar)) {
                _textValue = scalar.getValue();
                _cleanedTextValue = null;
                return JsonToken.VALUE_STRING;
            }
            return super._decodeScalar(scalar);
        }

        /** The kind of a plain scalar as SnakeYAML's parser hands it over: untagged, implicit. */
        ScalarNode.Kind kindOf(String plain) {
            ScalarEvent event =
                    new ScalarEvent(null, null, new ImplicitTuple(true, false), plain, null, null, ScalarStyle.PLAIN);
            JsonToken token;
            try {
                token = _decodeScalar(event);
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (token == null) {
                return null;
            }
            return switch (token) {
                case VALUE_STRING -> ScalarNode.Kind.STRING;
                case VALUE_NUMBER_INT -> ScalarNode.Kind.INTEGER;
                case VALUE_NUMBER_FLOAT -> ScalarNode.Kind.DECIMAL;
                case VALUE_TRUE, VALUE_FALSE -> ScalarNode.Kind.BOOLEAN;
                case VALUE_NULL -> ScalarNode.Kind.NULL;
                default -> null;
            };
        }
    }

    /**
     * Whether a scalar is text whatever YAML's implicit types say, without asking them. Jackson asks
     * SnakeYAML's resolver the type of every plain scalar, which tries its regular expressions for the
     * scalar's first character and then those for null and the empty text on every one: a tenth of
     * reading a large model. Of the implicit types only booleans and null start with a letter, and
     * they are a few exact words; any other plain scalar that starts with a letter is text, and so is
     * every quoted one, which Jackson already knows. {@code InMemoryYamlFactoryTest} holds this
     * against the resolver itself.
     */
    static boolean certainlyText(ScalarEvent scalar) {
        String tag = scalar.getTag();
        String value = scalar.getValue();
        return (tag == null || tag.equals("!"))
                && scalar.getImplicit().canOmitTagInPlainScalar()
                && !value.isEmpty()
                && isAsciiLetter(value.charAt(0))
                && !LETTERED_WORDS.contains(value);
    }

    /** The words of YAML 1.1's booleans and null, the only implicit types that start with a letter. */
    static final Set<String> LETTERED_WORDS = Set.of(
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
            "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
