package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
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
     * reading a large model. A plain scalar that starts with a letter no implicit type starts with
     * (booleans and null start with y, n, t, f, o; numbers, dates and the rest with other characters)
     * is text; so is every quoted one, which Jackson already knows. {@code InMemoryYamlFactoryTest}
     * holds this against the resolver itself.
     */
    static boolean certainlyText(ScalarEvent scalar) {
        String tag = scalar.getTag();
        String value = scalar.getValue();
        return (tag == null || tag.equals("!"))
                && scalar.getImplicit().canOmitTagInPlainScalar()
                && !value.isEmpty()
                && startsNoImplicitType(value.charAt(0));
    }

    /** A letter of the ASCII alphabet that starts none of YAML 1.1's implicit types in SnakeYAML's resolver. */
    static boolean startsNoImplicitType(char first) {
        return ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) && "yYnNtTfFoO".indexOf(first) < 0;
    }
}
