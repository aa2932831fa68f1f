package dev.mamori.report;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.assessment.Assessor;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Assessments for renderer tests: small models written inline, and the bundled examples. */
public final class Assessed {

    /** The day every test judges expiry against, so that treatments do not lapse as time passes. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Assessed() {}

    /** The model {@code yaml}, read as the file {@code name}. */
    public static Assessment model(String name, String yaml) {
        return model(name, yaml, SystemicAnalyzer.Options.defaults());
    }

    public static Assessment model(String name, String yaml, SystemicAnalyzer.Options options) {
        ModelSource source = ModelSource.inMemory(Map.of(Path.of(name), yaml.getBytes(StandardCharsets.UTF_8)));
        return assess(
                new ModelLoader(source, new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                        .load(List.of(Path.of(name))),
                options);
    }

    /** One of the repository's examples, such as {@code venue/landscape.yaml}. */
    public static Assessment example(String file) {
        return example(file, SystemicAnalyzer.Options.defaults());
    }

    public static Assessment example(String file, SystemicAnalyzer.Options options) {
        Path path = Path.of("..", "examples").resolve(file);
        return assess(
                new ModelLoader(ModelSource.fileSystem(), new ModelLoader.Options(ReadLimits.DEFAULT, TODAY))
                        .load(List.of(path)),
                options);
    }

    private static Assessment assess(LoadResult result, SystemicAnalyzer.Options options) {
        if (!result.valid()) {
            throw new AssertionError("the test model is invalid: " + result.diagnostics());
        }
        return new Assessor(RuleCatalog.all())
                .assess(
                        result.landscape().orElseThrow(),
                        result.warnings(),
                        AssessmentOptions.on(TODAY).withSystemic(options));
    }

    /** A shop with an exposed default-password camera, one accepted and one mitigating treatment. */
    public static final String SHOP = """
            mamori: 1
            landscape: Shop
            stakeholders: { ops: { roles: [operator] } }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  cam: { kind: camera, credentials: default-shared, exposure: internet }
                  safe: { kind: camera, credentials: unique }
            treatments:
              - { rule: default-credentials, on: shop.cam, status: accepted, by: ops, reason: decoy camera, until: 2027-01-01 }
              - { rule: device-exposed-to-internet, on: shop.cam, status: mitigating, by: ops, reason: firewall rule ordered }
            """;
}
