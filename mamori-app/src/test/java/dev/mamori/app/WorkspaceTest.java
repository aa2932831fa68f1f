package dev.mamori.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.load.ModelSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static final String CATALOG = """
            requirements:
              plug-label:
                title: The plug carries our label
                statement: Each plug model passes our lab before sale.
                properties: [I]
                phase: build
                means:
                  lab-pass: { title: Lab pass, statement: The lab passes it., applies-to: devices, verify: { control: the lab report } }
            profiles:
              our-consumer: { title: Ours, extends: consumer, essential: [plug-label] }
            """;

    private static final String MODEL = """
            mamori: 1
            landscape: Plug maker
            catalogs: [own.yaml]
            stakeholders:
              maker: { roles: [manufacturer, operator] }
            systems:
              plug:
                owner: maker
                operator: maker
                category: consumer
                profile: our-consumer
                components:
                  unit: { kind: appliance, manufacturer: maker, credentials: default-shared, exposure: internet }
                controls:
                  - { requirement: lab-pass, on: [unit], evidence: lab report 12 }
            treatments:
              - { rule: default-credential, on: plug.unit, status: accepted, by: maker, reason: r, until: 2027-06-30 }
            """;

    /** Files in memory, counting how often each is read. */
    private static final class CountingSource implements ModelSource {
        final Map<Path, byte[]> files = new HashMap<>();
        final Map<Path, AtomicInteger> reads = new HashMap<>();

        CountingSource with(String name, String text) {
            files.put(Path.of(name), text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        int readsOf(String name) {
            AtomicInteger count = reads.get(Path.of(name));
            return count == null ? 0 : count.get();
        }

        @Override
        public Optional<byte[]> read(Path path) {
            reads.computeIfAbsent(path.normalize(), p -> new AtomicInteger()).incrementAndGet();
            return Optional.ofNullable(files.get(path.normalize()));
        }
    }

    @Test
    void threagileKeysAreFoundAnywhereInTheBytesAndNowhereElse() {
        assertThat(ForeignModels.mentionsThreagileKey("technical_assets:".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ForeignModels.mentionsThreagileKey("a: 1\nthreagile_version".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ForeignModels.mentionsThreagileKey("a: 1\ntechnical_asset".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ForeignModels.mentionsThreagileKey("ttechnical_assetss".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ForeignModels.mentionsThreagileKey(new byte[0])).isFalse();
        assertThat(ForeignModels.mentionsThreagileKey(MODEL.getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void aLandscapeIsReadOnceWithItsCatalogsAndAssessedAgainstThem() {
        CountingSource source = new CountingSource().with("m.yaml", MODEL).with("own.yaml", CATALOG);
        Workspace workspace = new Workspace(source);
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        assertThat(loaded.valid()).as(loaded.diagnostics().toString()).isTrue();
        assertThat(loaded.catalog().profiles()).containsKey("our-consumer");
        assertThat(loaded.index())
                .as("the index validation built, for the graph to reuse")
                .isPresent();
        assertThat(source.readsOf("own.yaml"))
                .as("the catalog file is read once")
                .isEqualTo(1);
        assertThat(source.readsOf("m.yaml"))
                .as("the model file is read once: the look for Threagile's keys hands its bytes to the loader")
                .isEqualTo(1);

        Assessment assessment = workspace.assess(loaded, AssessmentOptions.on(TODAY));
        assertThat(source.readsOf("own.yaml"))
                .as("assessing reads no file again")
                .isEqualTo(1);
        var plug = assessment.compliance().systems().get(0);
        assertThat(plug.requirements())
                .anySatisfy(r -> assertThat(r.requirement().id()).isEqualTo("plug-label"));
    }

    @Test
    void aTreatmentNamingNoRuleIsSaidWhenLoadingNotOnlyWhenAssessing() {
        Workspace workspace =
                new Workspace(new CountingSource().with("m.yaml", MODEL).with("own.yaml", CATALOG));
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        assertThat(loaded.warnings())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m)
                        .contains("names rule 'default-credential', which does not exist")
                        .contains("did you mean 'default-credentials'"));
        Assessment assessment = workspace.assess(loaded, AssessmentOptions.on(TODAY));
        assertThat(assessment.diagnostics().stream()
                        .filter(d -> d.code().equals("unknown-rule"))
                        .count())
                .as("said once, though the loader and the risk engine both notice it")
                .isEqualTo(1);
    }

    @Test
    void anUnreadableCatalogIsALocatedError() {
        Loaded loaded =
                new Workspace(new CountingSource().with("m.yaml", MODEL)).load(List.of(Path.of("m.yaml")), TODAY);
        assertThat(loaded.valid()).isFalse();
        assertThat(loaded.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("unreadable-catalog");
            assertThat(d.at().line()).isEqualTo(3);
            assertThat(d.message()).contains("cannot read the catalog 'own.yaml'", "there is no file own.yaml");
        });
    }

    @Test
    void whatARequestNamesThatTheLandscapeLacksIsTheCallersMistake() {
        Workspace workspace =
                new Workspace(new CountingSource().with("m.yaml", MODEL).with("own.yaml", CATALOG));
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        assertThatThrownBy(() ->
                        workspace.assess(loaded, AssessmentOptions.on(TODAY).withProfile(Optional.of("our-consumr"))))
                .isInstanceOf(Workspace.InvalidRequest.class)
                .hasMessageContaining("no profile 'our-consumr'")
                .hasMessageContaining("did you mean 'our-consumer'");
        SystemicAnalyzer.Options from =
                new SystemicAnalyzer.Options(Optional.of("plug.nothing"), Optional.empty(), List.of());
        assertThatThrownBy(() ->
                        workspace.assess(loaded, AssessmentOptions.on(TODAY).withSystemic(from)))
                .isInstanceOf(Workspace.InvalidRequest.class)
                .hasMessageContaining("plug.nothing");
    }

    @Test
    void aProfileAskedForJudgesEverySystemAgainstIt() {
        Workspace workspace =
                new Workspace(new CountingSource().with("m.yaml", MODEL).with("own.yaml", CATALOG));
        Loaded loaded = workspace.load(List.of(Path.of("m.yaml")), TODAY);
        Assessment own = workspace.assess(loaded, AssessmentOptions.on(TODAY));
        Assessment baseline =
                workspace.assess(loaded, AssessmentOptions.on(TODAY).withProfile(Optional.of("baseline")));
        assertThat(own.compliance().systems().get(0).profile().id()).isEqualTo("our-consumer");
        assertThat(baseline.compliance().systems().get(0).profile().id()).isEqualTo("baseline");
    }
}
