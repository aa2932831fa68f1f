package dev.mamori.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The landscapes the benchmarks run on: generated, then loaded as a user's model would be. */
final class GeneratedLandscape {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private GeneratedLandscape() {}

    /** {@code systems} systems of 100 components with 3 flows per component, seed 1. */
    static Landscape of(int systems) throws IOException {
        return of(new LandscapeGenerator(systems, 100, 1, 3));
    }

    /** The landscape the generator describes as YAML, written as {@code mamori generate} writes it. */
    static byte[] yaml(LandscapeGenerator generator) throws IOException {
        return new ObjectMapper(YAMLFactory.builder()
                        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                        .build())
                .writeValueAsBytes(generator.toPlainValues());
    }

    /** The landscape the generator describes, written as JSON in memory and loaded. */
    static Landscape of(LandscapeGenerator generator) throws IOException {
        byte[] json = new ObjectMapper().writeValueAsBytes(generator.toPlainValues());
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(Map.of(Path.of("g.json"), json)),
                        new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                .load(List.of(Path.of("g.json")));
        return result.landscape()
                .orElseThrow(
                        () -> new IllegalStateException(result.diagnostics().toString()));
    }
}
