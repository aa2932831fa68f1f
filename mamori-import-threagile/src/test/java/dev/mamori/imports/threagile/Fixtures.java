package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.MapNode;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.model.syntax.TreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Threagile fixtures of this package, imported, and ways to look into what they became. */
final class Fixtures {

    private Fixtures() {}

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final String DIR = "/dev/mamori/imports/threagile/";

    /** Files of the fixture folder on the class path, named relative to it. */
    static ModelSource source() {
        return path -> {
            String name = DIR + path.normalize().toString().replace('\\', '/');
            try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        };
    }

    static ImportResult importFixture(String name) {
        return new ThreagileImporter(source(), new ThreagileImporter.Options("enterprise", TODAY, ReadLimits.DEFAULT))
                .importFile(Path.of(name));
    }

    static ImportResult importText(String name, String text) {
        ModelSource source = ModelSource.inMemory(Map.of(Path.of(name), text.getBytes(StandardCharsets.UTF_8)));
        return new ThreagileImporter(source, new ThreagileImporter.Options("enterprise", TODAY, ReadLimits.DEFAULT))
                .importFile(Path.of(name));
    }

    /** A Threagile model t.yaml read and checked, without includes; fails when it is malformed. */
    static ThreagileModel readModel(String yaml, Diagnostics diagnostics) {
        MapNode root = (MapNode) new TreeReader(ReadLimits.DEFAULT)
                .read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), TreeReader.Syntax.YAML, diagnostics)
                .orElseThrow();
        ThreagileModel model = new ThreagileReader(diagnostics).read("t.yaml", root);
        if (diagnostics.hasErrors()) {
            throw new AssertionError("malformed: " + diagnostics.sorted());
        }
        return model;
    }

    static Map<String, Object> model(ImportResult result) {
        return result.plainValues().orElseThrow(() -> new AssertionError("not imported: " + result.diagnostics()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** The one system of an imported model. */
    static Map<String, Object> system(Map<String, Object> model) {
        Map<String, Object> systems = map(model.get("systems"));
        if (systems.size() != 1) {
            throw new AssertionError("expected one system: " + systems.keySet());
        }
        return map(systems.values().iterator().next());
    }

    static Map<String, Object> component(Map<String, Object> model, String id) {
        return map(map(system(model).get("components")).get(id));
    }

    static Map<String, Object> zone(Map<String, Object> model, String id) {
        return map(map(system(model).get("zones")).get(id));
    }

    static Map<String, Object> data(Map<String, Object> model, String id) {
        return map(map(system(model).get("data")).get(id));
    }

    static Map<String, Object> flow(Map<String, Object> model, String id) {
        for (Object f : list(system(model).get("flows"))) {
            if (id.equals(map(f).get("id"))) {
                return map(f);
            }
        }
        throw new AssertionError("no flow " + id);
    }

    static List<Map<String, Object>> treatments(Map<String, Object> model) {
        return list(model.getOrDefault("treatments", List.of())).stream()
                .map(Fixtures::map)
                .toList();
    }

    /** Every diagnostic as printed: FILE:LINE:COL: warning: MESSAGE. */
    static List<String> printed(ImportResult result) {
        return result.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** The imported YAML, read back by Mamori's loader as a user's file would be. */
    static LoadResult loadYaml(ImportResult result) {
        Path file = Path.of("imported.yaml");
        byte[] yaml = result.yaml().orElseThrow().getBytes(StandardCharsets.UTF_8);
        return new ModelLoader(
                        ModelSource.inMemory(Map.of(file, yaml)), new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                .load(List.of(file));
    }

    /** The imported tree, loaded as 'mamori assess' loads a Threagile file. */
    static LoadResult loadTree(ImportResult result, String name) {
        Path file = Path.of(name);
        return new ModelLoader(path -> Optional.empty(), new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                .load(List.of(file), Map.of(file, result.tree().orElseThrow()));
    }

    static String read(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
