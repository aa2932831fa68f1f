package dev.mamori.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskEngine;
import dev.mamori.model.Landscape;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import dev.mamori.vulns.feed.VulnerabilityData;
import dev.mamori.vulns.match.Match;
import dev.mamori.vulns.match.Matcher;
import dev.mamori.vulns.sbom.InstalledPackage;
import dev.mamori.vulns.sbom.Inventory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A fleet's bill of materials, named by each group of the fleet (and by a component of another
 * system), is read once and matched once; every component that names it still gets its findings,
 * one per vulnerability however many units the fleet counts. Matched against the venue's feed.
 */
class FleetSbomTest {

    static final String MODEL = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              cctv:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  cameras-north:
                    kind: camera
                    count: 120
                    sbom: sbom/cameras.cdx.json
                  cameras-south:
                    kind: camera
                    count: 60
                    sbom: sbom/cameras.cdx.json
              gates:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  camera:
                    kind: camera
                    sbom: sbom/cameras.cdx.json
                  camera-with-agent:
                    kind: camera
                    sbom: sbom/cameras.cdx.json
                    software:
                      - { purl: pkg:npm/lodash@4.17.21 }
            """;

    @Test
    void aBillOfMaterialsSharedByAFleetIsMatchedOnceAndReportedOncePerComponent() throws Exception {
        byte[] bom = Files.readAllBytes(Path.of("..", "examples", "venue", "sbom", "cameras-legacy.cdx.json"));
        ModelSource source = ModelSource.inMemory(Map.of(
                Path.of("fleet.yaml"),
                MODEL.getBytes(StandardCharsets.UTF_8),
                Path.of("sbom", "cameras.cdx.json"),
                bom));
        LoadResult result = new ModelLoader(source, new ModelLoader.Options(ReadLimits.DEFAULT, Venue.TODAY))
                .load(List.of(Path.of("fleet.yaml")));
        assertThat(result.valid()).as("%s", result.diagnostics()).isTrue();
        Landscape landscape = result.landscape().orElseThrow();
        Inventory inventory = Inventory.read(source, landscape);
        assertThat(inventory.diagnostics()).isEmpty();

        List<InstalledPackage> shared = inventory.packages().get("cctv.cameras-north");
        assertThat(shared).hasSize(3);
        assertThat(inventory.packages().get("cctv.cameras-south")).isSameAs(shared);
        assertThat(inventory.packages().get("gates.camera")).isSameAs(shared);
        assertThat(inventory.packages().get("gates.camera-with-agent")).hasSize(4);

        VulnerabilityData data = Venue.data();
        Matcher matcher = new Matcher(data);
        List<Match> matches = matcher.match(inventory, landscape.treatments(), Venue.TODAY);
        // The shared list once (3 packages), the list with its own entry once (4): not once per
        // component that names the file, nor per unit of a fleet.
        assertThat(matcher.packagesLookedUp()).isEqualTo(3 + 4);

        Map<String, List<String>> byComponent = new TreeMap<>();
        for (Match m : matches) {
            byComponent
                    .computeIfAbsent(m.component(), k -> new java.util.ArrayList<>())
                    .add(m.pkg().version() + " " + m.id());
        }
        List<String> ofTheFleet = byComponent.get("cctv.cameras-north");
        assertThat(ofTheFleet).isNotEmpty();
        assertThat(byComponent)
                .containsOnlyKeys("cctv.cameras-north", "cctv.cameras-south", "gates.camera", "gates.camera-with-agent")
                .allSatisfy((component, found) -> assertThat(found).isEqualTo(ofTheFleet));

        // The findings: each vulnerability once per component, the 120 cameras of the fleet included.
        KnownVulnerabilities known = KnownVulnerabilities.of(landscape, inventory, data, Venue.TODAY);
        List<Finding> findings = new RiskEngine(known.rules(KnownVulnerabilities.rulesWithoutData()))
                .assess(FrozenGraph.of(known.landscape()), Venue.TODAY)
                .findings();
        Map<String, Long> perComponent = findings.stream()
                .collect(Collectors.groupingBy(f -> f.element().id(), TreeMap::new, Collectors.counting()));
        assertThat(perComponent)
                .containsOnlyKeys(byComponent.keySet())
                .allSatisfy((component, count) -> assertThat(count).isEqualTo(ofTheFleet.size()));
    }
}
