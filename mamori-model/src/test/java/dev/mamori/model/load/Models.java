package dev.mamori.model.load;

import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Loads models from strings in memory, with a fixed 'today', for tests. */
public final class Models {

    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Models() {}

    /** Loads one file named m.yaml (or m.json when the text starts with a brace). */
    public static LoadResult load(String text) {
        String name = text.stripLeading().startsWith("{") ? "m.json" : "m.yaml";
        return files(Map.of(name, text), name);
    }

    /** Loads several in-memory files; the first root names the landscape. */
    public static LoadResult files(Map<String, String> files, String... roots) {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(Path.of(name).normalize(), text.getBytes(StandardCharsets.UTF_8)));
        return bytes(bytes, ReadLimits.DEFAULT, roots);
    }

    public static LoadResult bytes(Map<Path, byte[]> files, ReadLimits limits, String... roots) {
        ModelLoader loader = new ModelLoader(ModelSource.inMemory(files), new ModelLoader.Options(limits, TODAY));
        return loader.load(java.util.Arrays.stream(roots).map(Path::of).toList());
    }

    /** The landscape of a model that must be valid; fails with its diagnostics otherwise. */
    public static Landscape valid(String text) {
        LoadResult result = load(text);
        if (!result.valid()) {
            throw new AssertionError("expected a valid model, got:\n" + render(result.diagnostics()));
        }
        return result.landscape().orElseThrow();
    }

    public static String render(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
    }

    /** A minimal valid landscape to build cases on: two systems, one stakeholder. */
    public static final String BASE = """
            mamori: 1
            landscape: Test
            stakeholders:
              ops: { roles: [operator, data-owner, manufacturer] }
            systems:
              a:
                owner: ops
                operator: ops
                category: enterprise
                zones: [lan-zone]
                components:
                  sensor: { kind: sensor, zone: lan-zone }
                  hub: { kind: gateway }
                  net: { kind: lan }
              b:
                owner: ops
                operator: ops
                category: consumer
                components:
                  cloud: { kind: cloud }
            """;
}
