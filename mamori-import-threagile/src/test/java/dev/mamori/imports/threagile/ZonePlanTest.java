package dev.mamori.imports.threagile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.diagnostics.Diagnostics;
import org.junit.jupiter.api.Test;

/** Zones from trust boundaries: nesting flattened, execution environments not zones. */
class ZonePlanTest {

    private static final String NESTED = """
            technical_assets:
              Web: { id: web }
              App: { id: app }
              Db: { id: db }
              Tool: { id: tool }
            trust_boundaries:
              Cloud:
                id: cloud
                type: network-cloud-provider
                technical_assets_inside: [web]
                trust_boundaries_nested: [host]
              Host:
                id: host
                type: execution-environment
                technical_assets_inside: [app]
                trust_boundaries_nested: [private net]
              Private Net:
                id: private net
                type: network-cloud-security-group
                technical_assets_inside: [db]
              Laptop:
                id: laptop
                type: execution-environment
                technical_assets_inside: [tool]
            """;

    private static ZonePlan plan(Diagnostics diagnostics) {
        ThreagileModel model = Fixtures.readModel(NESTED, diagnostics);
        return ZonePlan.of(model.trustBoundaries(), diagnostics);
    }

    @Test
    void eachNetworkSegmentIsAZoneAndAnExecutionEnvironmentIsNot() {
        ZonePlan zones = plan(new Diagnostics());
        assertThat(zones.zoneId("cloud")).contains("cloud");
        assertThat(zones.zoneId("private net")).contains("private-net");
        assertThat(zones.zoneId("host")).isEmpty();
        assertThat(zones.zoneId("laptop")).isEmpty();
    }

    @Test
    void anAssetGoesToTheInnermostSegmentAroundItAndIsTaggedWithTheEnvironmentsBetween() {
        ZonePlan zones = plan(new Diagnostics());
        assertThat(zones.zoneOf("web")).contains("cloud");
        assertThat(zones.environmentsOf("web")).isEmpty();
        // In an execution environment, the asset sits in the segment around it.
        assertThat(zones.zoneOf("app")).contains("cloud");
        assertThat(zones.environmentsOf("app")).containsExactly("host");
        // A segment nested in an environment is a zone of its own; the environment around still counts.
        assertThat(zones.zoneOf("db")).contains("private-net");
        assertThat(zones.environmentsOf("db")).containsExactly("host");
        // An environment with no segment around it leaves its assets in no zone.
        assertThat(zones.zoneOf("tool")).isEmpty();
        assertThat(zones.environmentsOf("tool")).containsExactly("laptop");
    }

    @Test
    void theNetworkAroundABoundaryIsItselfOrTheNearestSegmentOutwards() {
        ZonePlan zones = plan(new Diagnostics());
        assertThat(zones.networkAround("private net")).contains("private net");
        assertThat(zones.networkAround("host")).contains("cloud");
        assertThat(zones.networkAround("laptop")).isEmpty();
        assertThat(zones.parentOf("private net")).contains("host");
        assertThat(zones.parentOf("cloud")).isEmpty();
    }
}
