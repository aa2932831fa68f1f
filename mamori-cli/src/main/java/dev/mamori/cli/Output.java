package dev.mamori.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code -o FILE} option of the commands that print a document, and how models are written as
 * YAML or JSON. Used as a picocli mixin.
 */
final class Output {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write to FILE instead of the output.")
    Path file;

    /** Writes {@code text} to the file (relative to the working directory), or prints it when none was named. */
    void write(CommandLine commandLine, Path workingDirectory, String text) throws IOException {
        if (file == null) {
            commandLine.getOut().print(text);
        } else {
            Files.writeString(workingDirectory.resolve(file), text, StandardCharsets.UTF_8);
        }
    }

    /** Plain values (maps, lists, scalars) as a model file: YAML without a document marker, or indented JSON. */
    static String model(Object plainValues, boolean json) throws IOException {
        ObjectMapper mapper = json
                ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                : new ObjectMapper(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build());
        String text = mapper.writeValueAsString(plainValues);
        return text.endsWith("\n") ? text : text + "\n";
    }
}
