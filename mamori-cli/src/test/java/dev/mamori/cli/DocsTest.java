package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.grammar.ReferenceDoc;
import dev.mamori.model.load.BuiltInVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The documentation says what the code does. */
class DocsTest {

    private static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE: mamori schema --format markdown -->\n";
    private static final String END = "<!-- END GENERATED REFERENCE -->\n";

    @Test
    void theModelReferenceIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Cli.REPOSITORY.resolve("docs/model.md"));
        String generated = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
        assertThat(generated)
                .as("docs/model.md is out of date: replace its generated part with `./mamori schema --format markdown`")
                .isEqualTo(new ReferenceDoc(BuiltInVocabulary.get()).markdown());
    }

    @Test
    void theReadmeStartsWithTheTwoCommands() throws IOException {
        String readme = Files.readString(Cli.REPOSITORY.resolve("README.md"));
        assertThat(readme).contains("./mamori assess ").contains("./mvnw verify");
        String ci = Files.readString(Cli.REPOSITORY.resolve(".ci/run"));
        assertThat(ci).contains("./mvnw -B -ntp verify").contains("./mamori assess");
    }

    @Test
    void everyDiagnosticCodeIsDocumented() throws IOException {
        String doc = Files.readString(Cli.REPOSITORY.resolve("docs/model.md"));
        try (var sources = Files.walk(Cli.REPOSITORY.resolve("mamori-model/src/main/java"))) {
            var codes = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return java.util.regex.Pattern.compile("\\.(?:error|warning)\\(\\s*[^,]+,\\s*\"([a-z-]+)\"")
                                    .matcher(Files.readString(p))
                                    .results()
                                    .map(m -> m.group(1));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .distinct()
                    .toList();
            assertThat(codes).hasSizeGreaterThan(30);
            codes.forEach(code ->
                    assertThat(doc).as("docs/model.md documents %s", code).contains("`" + code + "`"));
        }
    }
}
