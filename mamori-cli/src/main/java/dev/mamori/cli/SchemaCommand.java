package dev.mamori.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mamori.model.grammar.JsonSchema;
import dev.mamori.model.grammar.ReferenceDoc;
import dev.mamori.model.load.BuiltInVocabulary;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        header = "Print the JSON Schema of the model language.",
        description = {
            "The schema is generated from the same grammar the loader checks against. Point your",
            "editor at it to get completion and checks while writing a model (docs/model.md says how).",
            "With --format markdown, prints the language reference instead."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:usage error", "3:internal error in Mamori (a bug; please report it)"})
final class SchemaCommand implements Callable<Integer> {

    enum Format {
        json,
        markdown
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default) or markdown.")
    Format format = Format.json;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        String text = format == Format.json
                ? new ObjectMapper()
                                .enable(SerializationFeature.INDENT_OUTPUT)
                                .writeValueAsString(new JsonSchema(BuiltInVocabulary.get()).toMap())
                        + "\n"
                : new ReferenceDoc(BuiltInVocabulary.get()).markdown();
        output.write(spec.commandLine(), parent.workingDirectory(), text);
        return ExitCode.OK;
    }
}
