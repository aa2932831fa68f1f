package dev.mamori.vulns.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.vulns.Schemas;
import dev.mamori.vulns.Venue;
import dev.mamori.vulns.feed.Feed;
import dev.mamori.vulns.feed.FeedReader;
import dev.mamori.vulns.feed.VexStatement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents Mamori writes for others are valid in their formats' official schemas, say what
 * the model says, read back through Mamori's own readers, and leave internals out unless asked.
 */
class ShareDocumentsTest {

    static Venue venue;
    static List<VexDocuments.Statement> statements;
    static final VexDocuments.Publisher PUBLISHER = new VexDocuments.Publisher("Mieru Vision", "https://mieru.example");

    @BeforeAll
    static void load() throws Exception {
        venue = Venue.load();
        statements = VexDocuments.statements(
                venue.landscape(), venue.inventory(), venue.known().matches(), List.of(), Venue.TODAY);
    }

    @Test
    void theStatementsAreTheTreatmentsAndTheAffectedMatches() {
        assertThat(statements)
                .extracting(s -> s.vulnerability() + " " + s.component().id() + " " + s.status())
                .containsExactlyInAnyOrder(
                        "CVE-2014-6271 cctv.cameras-legacy known_not_affected",
                        "CVE-2014-0160 cctv.cameras-legacy known_affected",
                        "CVE-2017-0144 cctv.nvr-legacy known_affected",
                        "CVE-2021-44228 cctv.video-analytics known_affected",
                        "CVE-2017-14491 access.lte-router known_affected",
                        "KAIMON-SA-2026-001 access.lte-router known_affected");
    }

    @Test
    void csafVexIsValidCsafAndReadsBackAsTheSameStatements() throws Exception {
        String csaf = VexDocuments.csaf(statements, PUBLISHER, "MV-VEX-1", "VEX", Venue.TODAY);
        assertThat(Schemas.errors(Schemas.CSAF, csaf)).isEmpty();
        Feed back = FeedReader.read("out.json", csaf.getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertThat(back.vex()).singleElement().satisfies(s -> {
            assertThat(s.vulnerability()).isEqualTo("CVE-2014-6271");
            assertThat(s.status()).isEqualTo(VexStatement.Status.NOT_AFFECTED);
            assertThat(s.justification()).hasValue("vulnerable-code-not-in-execute-path");
            assertThat(s.version()).hasValue("4.1");
        });
        assertThat(back.advisories())
                .extracting(a -> a.id())
                .contains("CVE-2014-0160", "CVE-2021-44228", "KAIMON-SA-2026-001");
        assertThat(csaf).isEqualTo(VexDocuments.csaf(statements, PUBLISHER, "MV-VEX-1", "VEX", Venue.TODAY));
    }

    @Test
    void cycloneDxVexIsValidCycloneDxAndReadsBack() throws Exception {
        String cdx = VexDocuments.cyclonedx(statements, PUBLISHER, "MV-VEX-1", Venue.TODAY);
        assertThat(Schemas.errors(Schemas.CYCLONEDX, cdx)).isEmpty();
        Feed back = FeedReader.read("out.cdx.json", cdx.getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertThat(back.vex())
                .filteredOn(s -> s.status() == VexStatement.Status.NOT_AFFECTED)
                .singleElement()
                .satisfies(s -> assertThat(s.justification()).hasValue("vulnerable-code-not-in-execute-path"));
        assertThat(back.vex())
                .filteredOn(s -> s.status() == VexStatement.Status.AFFECTED)
                .hasSize(5);
    }

    @Test
    void theStixBundleIsValidStixAndLeavesInternalsOut() throws Exception {
        String stix = StixBundle.write(
                venue.known().landscape(),
                venue.systemic(),
                venue.known().matches(),
                new StixBundle.Options("Venue operator", false, Venue.TODAY));
        JsonNode bundle = new ObjectMapper().readTree(stix);
        assertThat(Schemas.errors(Schemas.STIX_BUNDLE, stix)).isEmpty();
        for (JsonNode o : bundle.path("objects")) {
            String schema = Schemas.STIX_BUNDLE.replace(
                    "common/bundle.json",
                    switch (o.path("type").asText()) {
                        case "software" -> "observables/software.json";
                        case "relationship" -> "sros/relationship.json";
                        default -> "sdos/" + o.path("type").asText() + ".json";
                    });
            assertThat(Schemas.errors(schema, o.toString())).as(o.toString()).isEmpty();
        }
        assertThat(bundle.findValuesAsText("name")).contains("CVE-2017-0144", "CVE-2021-44228");
        assertThat(stix).doesNotContain("cctv.").doesNotContain("access.").doesNotContain("Mieru");
        assertThat(bundle.findValuesAsText("description"))
                .anySatisfy(d -> assertThat(d).contains("[lateral: CVE-2017-0144]"));

        String internal = StixBundle.write(
                venue.known().landscape(),
                venue.systemic(),
                venue.known().matches(),
                new StixBundle.Options("Venue operator", true, Venue.TODAY));
        assertThat(Schemas.errors(Schemas.STIX_BUNDLE, internal)).isEmpty();
        assertThat(internal).contains("cctv.nvr-legacy");
    }

    @Test
    void theSchemaCheckOfTheBundleCanFail() {
        assertThat(Schemas.errors(Schemas.STIX_BUNDLE, "{\"type\": \"bundle\", \"id\": \"nope\"}"))
                .isNotEmpty();
    }
}
