package dev.mamori.engine.graph;

import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Landscapes of {@code mamori generate}, loaded as a user's model is, for tests of any analysis. */
public final class GeneratedLandscapes {

    private GeneratedLandscapes() {}

    public static Landscape generated(LandscapeGenerator generator) throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(generator.toPlainValues());
        LoadResult result = new ModelLoader(
                        ModelSource.inMemory(Map.of(Path.of("g.json"), json.getBytes(StandardCharsets.UTF_8))),
                        new ModelLoader.Options(ReadLimits.DEFAULT, LocalDate.of(2026, 11, 22)))
                .load(List.of(Path.of("g.json")));
        return result.landscape().orElseThrow(() -> new AssertionError(result.diagnostics()));
    }
}
