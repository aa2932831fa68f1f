package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the import writes for each fixture, the YAML and every diagnostic, is exactly what it wrote
 * before the importer was split into reader, planner and writers: the expected outputs in golden/
 * were written by the code of that time. A change to the output must be deliberate: rewrite them
 * with {@code -Dmamori.golden.write=DIR} (DIR the golden folder) and review the difference.
 *
 * <p>The edge/ fixtures exercise what the others do not: ids that collide with the VPN's, a link
 * to its own asset, wildcard and partial risk keys, and malformed details read after the checks,
 * which are reported as errors beside an imported model (see docs/import-threagile.md).
 */
class ImportOutputIsStableTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cold-chain.yaml",
                "technical-assets.yaml",
                "communication-links.yaml",
                "trust-boundaries.yaml",
                "data-assets.yaml",
                "risk-tracking.yaml",
                "sections.yaml",
                "includes/model.yaml",
                "includes/data.yaml",
                "broken/malformed.yaml",
                "broken/include-conflict.yaml",
                "edge/owners-ids-and-tracking.yaml",
                "edge/no-owner.yaml",
                "edge/malformed-details.yaml"
            })
    void theOutputIsAsBefore(String fixture) throws IOException {
        ImportResult result = Fixtures.importFixture(fixture);
        StringBuilder printed = new StringBuilder("# diagnostics\n");
        Fixtures.printed(result).forEach(d -> printed.append(d).append('\n'));
        printed.append("# yaml\n").append(result.yaml().orElse("(not imported)\n"));
        String golden = "golden/" + fixture.replace('/', '_') + ".txt";

        String rewriteInto = System.getProperty("mamori.golden.write");
        if (rewriteInto != null) {
            Files.writeString(Path.of(rewriteInto, golden.substring("golden/".length())), printed);
            return;
        }
        try (InputStream in = Fixtures.class.getResourceAsStream(Fixtures.DIR + golden)) {
            assertThat(in).as("the expected output %s", golden).isNotNull();
            assertThat(printed.toString()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
