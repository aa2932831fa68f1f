package dev.mamori.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.vulns.feed.Feed;
import dev.mamori.vulns.feed.FeedKind;
import dev.mamori.vulns.feed.FeedReader;
import dev.mamori.vulns.sbom.SbomReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents Mamori reads in the bundled example and in the tests are what the formats' official
 * JSON schemas accept, so that the readers are tested on real shapes, and a schema does reject a
 * broken document (the check can fail).
 */
class SchemasTest {

    static final Path VENUE = Path.of("..", "examples", "venue");

    static String file(String path) throws Exception {
        return Files.readString(VENUE.resolve(path));
    }

    @Test
    void theExampleOsvRecordIsValidOsv() throws Exception {
        assertThat(Schemas.errors(Schemas.OSV, file("vulns/osv/GHSA-jfh8-c2jp-5v3q.json")))
                .isEmpty();
    }

    @Test
    void theExampleCsafDocumentsAreValidCsaf() throws Exception {
        assertThat(Schemas.errors(Schemas.CSAF, file("vulns/csaf/kaimon-sa-2026-001.json")))
                .isEmpty();
        assertThat(Schemas.errors(Schemas.CSAF, file("vulns/csaf/mieru-vex-2026-003.json")))
                .isEmpty();
    }

    @Test
    void theExampleBillOfMaterialsAndTheTestVexAreValidCycloneDx() throws Exception {
        assertThat(Schemas.errors(Schemas.CYCLONEDX, file("sbom/cameras-legacy.cdx.json")))
                .isEmpty();
        assertThat(Schemas.errors(Schemas.CYCLONEDX, dev.mamori.vulns.feed.FeedReaderTestAccess.cycloneDxVex()))
                .isEmpty();
    }

    @Test
    void theSchemasRejectBrokenDocuments() throws Exception {
        assertThat(Schemas.errors(Schemas.OSV, "{\"id\": 5}")).isNotEmpty();
        assertThat(Schemas.errors(
                        Schemas.CSAF,
                        file("vulns/csaf/kaimon-sa-2026-001.json").replace("\"csaf_security_advisory\"", "1")))
                .isNotEmpty();
        assertThat(Schemas.errors(Schemas.CYCLONEDX, "{\"bomFormat\": \"SPDX\", \"specVersion\": \"1.5\"}"))
                .isNotEmpty();
    }

    /**
     * Every JSON document of these formats that the readers are given in the example and in the
     * tests' resources: it is valid against its format's schema, and its reader reads something
     * from it (a CycloneDX bill of materials its packages, an OSV record or a CSAF advisory its
     * advisories or statements). A document added later is checked without being named here.
     */
    @Test
    void everyDocumentOfTheFormatsTheReadersAreGivenIsValidAndRead() throws Exception {
        Map<String, List<String>> checked = new TreeMap<>();
        for (Path root : List.of(VENUE, Path.of("src", "test", "resources"))) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> p.toString().endsWith(".json"))
                        .filter(p -> !p.startsWith(Path.of("src", "test", "resources", "schemas")))
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                JsonNode root1 = new ObjectMapper().readTree(text);
                String format = root1.has("bomFormat")
                        ? Schemas.CYCLONEDX
                        : root1.path("document").has("csaf_version")
                                ? Schemas.CSAF
                                : root1.has("id") && root1.has("modified") ? Schemas.OSV : null;
                if (format == null) {
                    continue; // another format (SPDX, KEV, NVD) or a model's own file
                }
                assertThat(Schemas.errors(format, text))
                        .as("%s against %s", file, format)
                        .isEmpty();
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (format.equals(Schemas.CYCLONEDX)) {
                    if (root1.has("vulnerabilities")) {
                        assertThat(FeedReader.read(file.toString(), bytes))
                                .as("%s read as VEX", file)
                                .flatExtracting(Feed::vex)
                                .isNotEmpty();
                    } else {
                        assertThat(SbomReader.read(file.toString(), bytes))
                                .as("%s read as a bill of materials", file)
                                .isNotEmpty();
                    }
                } else {
                    List<Feed> feeds = FeedReader.read(file.toString(), bytes);
                    assertThat(feeds)
                            .as("%s read as %s", file, format)
                            .allSatisfy(f -> assertThat(f.kind())
                                    .isEqualTo(format.equals(Schemas.CSAF) ? FeedKind.CSAF : FeedKind.OSV))
                            .allSatisfy(f -> assertThat(
                                            f.advisories().size() + f.vex().size())
                                    .isPositive());
                }
                checked.computeIfAbsent(format, k -> new java.util.ArrayList<>())
                        .add(file.getFileName().toString());
            }
        }
        // The walk found the documents it is meant to check: at least those named here.
        assertThat(checked.get(Schemas.CYCLONEDX)).contains("cameras-legacy.cdx.json", "lte-router.cdx.json");
        assertThat(checked.get(Schemas.CSAF))
                .contains(
                        "kaimon-sa-2026-001.json",
                        "mieru-vex-2026-003.json",
                        "csaf-relationships.json",
                        "csaf-vex-firmware-on-device.json");
        assertThat(checked.get(Schemas.OSV)).contains("GHSA-jfh8-c2jp-5v3q.json", "GHSA-35jh-r3h4-6jhm.json");
    }
}
