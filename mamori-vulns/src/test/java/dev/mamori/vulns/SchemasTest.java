package dev.mamori.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
