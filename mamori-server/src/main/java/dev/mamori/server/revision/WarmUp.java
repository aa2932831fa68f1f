package dev.mamori.server.revision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.model.IotSystem;
import dev.mamori.model.generate.LandscapeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a push does in the server's JVM, done on a generated landscape that is never stored, so that
 * the first pushes after a start do not pay for the classes they load and for running interpreted
 * while the JIT compiles their code: the files read from a folder as a push's are, the landscape
 * validated and assessed whole, each finding rendered as it is stored. Run on a thread of its own
 * after the server answers; it writes nothing to the database.
 */
public final class WarmUp {

    /** The generated landscape: systems of 100 components, each its own stakeholder's, split in files. */
    static final int SYSTEMS = 10;

    static final int COMPONENTS_PER_SYSTEM = 100;

    private WarmUp() {}

    /** How many components the generated landscape has. */
    public static int components() {
        return SYSTEMS * COMPONENTS_PER_SYSTEM;
    }

    /** What a warm-up did: how many findings each round rendered, and how long it took. */
    public record Done(int rounds, int findings, long millis) {}

    /**
     * Assesses the generated landscape {@code rounds} times, as a push would, or fewer when
     * {@code stop} says so between two (the server closing).
     *
     * @throws UncheckedIOException when the temporary folder cannot be written
     */
    public static Done run(int rounds, LocalDate today, java.util.function.BooleanSupplier stop) {
        long start = System.nanoTime();
        Map<String, String> files = files();
        int findings = 0;
        int done = 0;
        Path folder = null;
        try {
            folder = Files.createTempDirectory("mamori-warm-up");
            List<Path> roots = new ArrayList<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = folder.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue());
                roots.add(Path.of(e.getKey()));
            }
            for (; done < rounds && !stop.getAsBoolean(); done++) {
                Workspace workspace = Workspace.onDisk(folder, roots, Optional.of(folder));
                Loaded loaded = workspace.load(roots, today, Map.of());
                if (!loaded.valid()) {
                    throw new IllegalStateException("the warm-up's generated landscape is invalid: "
                            + loaded.diagnostics().get(0));
                }
                Assessment assessment = workspace.assess(loaded, AssessmentOptions.on(today));
                Map<String, String> systemOwners = new TreeMap<>();
                Map<String, String> fileOwners = new TreeMap<>();
                for (IotSystem system : assessment.landscape().systems().values()) {
                    systemOwners.put(system.id(), system.owner().text());
                    fileOwners.put(
                            Revisions.relative(system.at().file()),
                            system.owner().text());
                }
                findings = Results.of(assessment, systemOwners, fileOwners)
                        .findings()
                        .size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) {
                try (Stream<Path> all = Files.walk(folder)) {
                    all.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // A temporary folder left behind is not worth failing for.
                }
            }
        }
        return new Done(done, findings, (System.nanoTime() - start) / 1_000_000);
    }

    /** The generated landscape as stakeholders keep it: a root file and one JSON file per system. */
    static Map<String, String> files() {
        Map<String, Object> root = new LandscapeGenerator(SYSTEMS, COMPONENTS_PER_SYSTEM, 7).toPlainValues();
        @SuppressWarnings("unchecked")
        Map<String, Object> systems = (Map<String, Object>) root.remove("systems");
        ObjectMapper json = new ObjectMapper();
        Map<String, String> files = new LinkedHashMap<>();
        try {
            files.put("landscape.json", json.writeValueAsString(root));
            for (Map.Entry<String, Object> e : systems.entrySet()) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("mamori", 1);
                file.put("systems", Map.of(e.getKey(), e.getValue()));
                files.put("systems/" + e.getKey() + ".json", json.writeValueAsString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
