package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Landscape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A landscape composed of files: imports, cycles, duplicates across files, vocabulary additions. */
class LoaderErrorsTest {

    private static final String ROOT = """
            mamori: 1
            landscape: Venue
            imports: [systems/a.yaml, systems/b.yaml]
            stakeholders:
              ops: { roles: [operator, data-owner] }
            flows:
              - { from: a.cam, to: b.nvr, protocol: rtsp, agreement: CCTV contract }
            """;

    private static final String A = """
            mamori: 1
            systems:
              a:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  cam: { kind: camera }
            """;

    private static final String B = """
            mamori: 1
            systems:
              b:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  nvr: { kind: recorder }
            """;

    @Test
    void importsAreRelativeToTheImportingFileAndReferencesCrossFiles() {
        LoadResult result = Models.files(
                Map.of("venue/landscape.yaml", ROOT, "venue/systems/a.yaml", A, "venue/systems/b.yaml", B),
                "venue/landscape.yaml");
        assertThat(result.diagnostics()).isEmpty();
        Landscape landscape = result.landscape().orElseThrow();
        assertThat(landscape.name()).isEqualTo("Venue");
        assertThat(landscape.files())
                .containsExactly("venue/landscape.yaml", "venue/systems/a.yaml", "venue/systems/b.yaml");
        assertThat(landscape.systems()).containsOnlyKeys("a", "b");
        assertThat(landscape.allFlows()).singleElement().satisfies(f -> {
            assertThat(f.from().text()).isEqualTo("a.cam");
            assertThat(f.at().file()).isEqualTo("venue/landscape.yaml");
        });
    }

    @Test
    void severalRootsFormOneLandscape() {
        LoadResult result = Models.files(
                Map.of(
                        "root.yaml",
                        ROOT.replace("imports: [systems/a.yaml, systems/b.yaml]\n", ""),
                        "a.yaml",
                        A,
                        "b.yaml",
                        B),
                "root.yaml",
                "a.yaml",
                "b.yaml");
        assertThat(result.valid()).as(Models.render(result.diagnostics())).isTrue();
        assertThat(result.landscape().orElseThrow().systems()).hasSize(2);
    }

    @Test
    void theLandscapeIsNamedByTheFirstFileThatNamesIt() {
        LoadResult result = Models.files(
                Map.of(
                        "a.yaml",
                        A,
                        "root.yaml",
                        ROOT.replace("imports: [systems/a.yaml, systems/b.yaml]\n", ""),
                        "b.yaml",
                        B),
                "a.yaml",
                "root.yaml",
                "b.yaml");
        assertThat(result.landscape().orElseThrow().name()).isEqualTo("Venue");
    }

    @Test
    void aDifferentNameInAnotherFileIsNotSilentlyDropped() {
        LoadResult result = Models.files(
                Map.of(
                        "landscape.yaml",
                        ROOT,
                        "systems/a.yaml",
                        A.replace("mamori: 1\n", "mamori: 1\nlandscape: Gates\n"),
                        "systems/b.yaml",
                        B),
                "landscape.yaml");
        DiagnosticsAssert.warning(
                result, "ignored-landscape-name", 2, 1, "names the landscape 'Gates'", "part of 'Venue'");
    }

    @Test
    void aMissingImportIsReportedWhereItIsImported() {
        LoadResult result = Models.files(Map.of("landscape.yaml", ROOT, "systems/a.yaml", A), "landscape.yaml");
        error(result, "missing-file", 3, 27, "cannot import 'systems/b.yaml'", "there is no file systems/b.yaml");
    }

    @Test
    void anImportThatIsNoFileNameIsLocated() {
        LoadResult result = Models.files(Map.of("m.yaml", "mamori: 1\nimports: [\"a\\0b.yaml\"]\n"), "m.yaml");
        error(result, "missing-file", 2, 11, "not a valid file name");
    }

    @Test
    void importCyclesAreNamedFileByFile() {
        LoadResult result = Models.files(
                Map.of(
                        "one.yaml", "mamori: 1\nimports: two.yaml\n",
                        "two.yaml", "mamori: 1\nimports: [sub/../one.yaml]\n"),
                "one.yaml");
        error(result, "import-cycle", 2, 11, "import cycle: one.yaml -> two.yaml -> one.yaml");
    }

    @Test
    void aFileImportedTwiceIsReadOnce() {
        LoadResult result = Models.files(
                Map.of(
                        "root.yaml",
                        ROOT.replace("systems/b.yaml]", "systems/b.yaml, systems/a.yaml]"),
                        "systems/a.yaml",
                        A,
                        "systems/b.yaml",
                        B),
                "root.yaml");
        assertThat(result.valid()).as(Models.render(result.diagnostics())).isTrue();
    }

    @Test
    void idsDefinedInTwoFilesAreDuplicates() {
        LoadResult result = Models.files(
                Map.of("landscape.yaml", ROOT, "systems/a.yaml", A, "systems/b.yaml", B.replace("  b:", "  a:")),
                "landscape.yaml");
        error(result, "duplicate-id", 3, 3, "the system 'a' is already defined at systems/a.yaml:3:3");
    }

    @Test
    void theVocabularyCanBeExtendedAndTheNewWordsUsed() {
        Landscape landscape = Models.valid(
                Models.BASE.replace("category: consumer", "category: consumer\n    sector: theme-park")
                        + "vocabulary:\n  sectors: [theme-park]\n  protocols:\n    ride-bus: { transport: bus, authentication: [none, message-mac] }\n");
        assertThat(landscape.systems().get("b").sector()).contains("theme-park");
        assertThat(landscape.vocabulary().protocols().get("ride-bus").authentication())
                .containsExactly("none", "message-mac");
    }

    @Test
    void builtInWordsCannotBeRedefined() {
        LoadResult result = Models.load(Models.BASE + "vocabulary:\n  protocols:\n    mqtt: { transport: udp }\n");
        error(result, "duplicate-word", 23, 5, "'mqtt' is already a word of the protocols vocabulary (built in)");
    }

    @Test
    void aProtocolDefaultMustBeOneOfItsOwnMeans() {
        LoadResult result = Models.load(
                Models.BASE
                        + "vocabulary:\n  protocols:\n    my-bus: { transport: bus, encryption: [none], default-encryption: tls }\n");
        error(result, "inconsistent-protocol", 23, 51, "defaults to encryption 'tls'");
    }
}
