package dev.mamori.model.syntax;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
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
                context, _parserFeatures, _yamlParserFeatures, _objectCodec, Reader.nullReader(), events) {};
    }
}
