package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/** Jackson's YAML parser fed by {@link InMemoryYamlReader}, so that parsing is linear in the text. */
final class InMemoryYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    InMemoryYamlFactory(LoaderOptions options, StreamReadConstraints constraints) {
        super(YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints));
    }

    YAMLParser parser(String text) {
        IOContext context = _createContext(_createContentReference(text), true);
        ParserImpl events = new ParserImpl(new InMemoryYamlReader(text), _loaderOptions);
        return new YAMLParser(
                context, _parserFeatures, _yamlParserFeatures, _objectCodec, Reader.nullReader(), events) {
            @Override
            protected JsonToken _decodeScalar(ScalarEvent scalar) throws IOException {
                if (certainlyText(scalar)) {
                    _textValue = scalar.getValue();
                    _cleanedTextValue = null;
                    return JsonToken.VALUE_STRING;
                }
                return super._decodeScalar(scalar);
            }
        };
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
