package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mamori's own bill of materials, shipped inside the command line's jar, names what it runs. */
class SbomTest {

    @Test
    void theJarCarriesACycloneDxBillOfEveryLibraryItShipsAndNoTestLibrary() throws IOException {
        JsonNode bom;
        try (InputStream in = SbomTest.class.getResourceAsStream("/META-INF/sbom/mamori.cdx.json")) {
            assertThat(in).as("the build writes META-INF/sbom/mamori.cdx.json").isNotNull();
            bom = new ObjectMapper().readTree(in);
        }
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.path("metadata").path("component").path("name").asText()).isEqualTo("mamori-cli");
        List<String> names = new ArrayList<>();
        for (JsonNode component : bom.path("components")) {
            names.add(component.path("name").asText());
            assertThat(component.path("version").asText())
                    .as(component.toString())
                    .isNotBlank();
            assertThat(component.path("purl").asText()).startsWith("pkg:maven/");
        }
        assertThat(names)
                .contains("picocli", "jackson-databind", "snakeyaml", "pdfbox", "mamori-engine", "mamori-app")
                .doesNotContain("junit-jupiter-api", "assertj-core", "jqwik", "archunit");
    }
}
