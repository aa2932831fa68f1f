package dev.mamori.enforce;

import dev.mamori.model.Landscape;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test models, loaded from memory as plant.yaml. */
final class Landscapes {

    private Landscapes() {}

    static String plant() {
        return resource("plant.yaml");
    }

    /** A test model of this package's resources, as text. */
    static String resource(String name) {
        try (InputStream in = Landscapes.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Landscape load(String text) {
        ModelLoader loader = new ModelLoader(
                ModelSource.inMemory(Map.of(Path.of("plant.yaml"), text.getBytes(StandardCharsets.UTF_8))),
                new ModelLoader.Options(ReadLimits.DEFAULT, LocalDate.of(2026, 12, 1)));
        LoadResult result = loader.load(List.of(Path.of("plant.yaml")));
        if (!result.valid()) {
            throw new AssertionError("test model invalid:\n"
                    + result.diagnostics().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
        return result.landscape().orElseThrow();
    }

    /** Line (1-based) of the first line of the model containing {@code needle}. */
    static int line(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) {
            throw new AssertionError(needle + " not in the model");
        }
        return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }
}
