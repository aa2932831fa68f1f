package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.model.Landscape;
import dev.mamori.model.grammar.JsonSchema;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled examples are valid, warning-free, schema-valid, and together use every concept. */
class ExamplesTest {

    private static final Path EXAMPLES = Cli.REPOSITORY.resolve("examples");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Stream<String> roots() {
        return Stream.of("venue/landscape.yaml", "smart-home/home.yaml", "smart-home/home.json", "plant/plant.yaml");
    }

    private static LoadResult load(String root) {
        ModelLoader loader = new ModelLoader(
                path -> ModelSource.fileSystem().read(EXAMPLES.resolve(path)),
                new ModelLoader.Options(ReadLimits.DEFAULT, TODAY));
        return loader.load(List.of(Path.of(root)));
    }

    @ParameterizedTest
    @MethodSource("roots")
    void everyExampleIsValidWithoutWarnings(String root) {
        LoadResult result = load(root);
        assertThat(result.diagnostics()).as(root).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("roots")
    void everyExampleFileValidatesAgainstTheSchema(String root) throws IOException {
        String json = new ObjectMapper().writeValueAsString(new JsonSchema(BuiltInVocabulary.get()).toMap());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(json);
        for (String file : load(root).landscape().orElseThrow().files()) {
            Path path = EXAMPLES.resolve(file);
            JsonNode model = file.endsWith(".json")
                    ? new ObjectMapper().readTree(path.toFile())
                    : new YAMLMapper().readTree(path.toFile());
            assertThat(schema.validate(model)).as(file).isEmpty();
        }
    }

    @Test
    void theVenueIsASystemOfSystems() {
        Landscape venue = load("venue/landscape.yaml").landscape().orElseThrow();
        assertThat(venue.files().size()).isGreaterThan(3);
        assertThat(venue.systems().size()).isGreaterThanOrEqualTo(5);
        assertThat(venue.stakeholders().size()).isGreaterThanOrEqualTo(5);
        assertThat(venue.components().stream().map(c -> c.layer()).distinct()).hasSize(4);
        assertThat(venue.components().stream().filter(c -> !c.hazards().isEmpty()))
                .isNotEmpty();
        assertThat(venue.missions()).isNotEmpty();
        assertThat(venue.missions().values())
                .anySatisfy(m -> assertThat(m.rto()).isPresent());
        assertThat(venue.allFlows()).filteredOn(f -> f.agreement().isPresent()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(venue.allCredentials()).isNotEmpty();
    }

    @Test
    void theJsonExampleIsTheYamlExample() {
        String yaml =
                ValidateCommand.summary(load("smart-home/home.yaml").landscape().orElseThrow());
        String json =
                ValidateCommand.summary(load("smart-home/home.json").landscape().orElseThrow());
        assertThat(json).isEqualTo(yaml);
    }

    @Test
    void everyExampleFileIsCovered() throws IOException {
        List<String> covered = roots().flatMap(r -> load(r).landscape().orElseThrow().files().stream())
                .toList();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            // Bills of materials and vulnerability data beside a model are not model files: the
            // vulnerability tests read them (mamori-vulns SchemasTest, FeedReaderTest, SbomReaderTest).
            List<String> all = files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(p -> !p.toString().matches(".*/(sbom|vulns)/.*"))
                    .map(p -> EXAMPLES.relativize(p).toString())
                    .toList();
            assertThat(covered).containsAll(all);
        }
    }
}
