package dev.mamori.server.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final Map<String, String> OWNERS =
            Map.of("ops", "venue-ops", "gate", "orgcom", "cloud", "vendor", "cam", "venue-ops");

    private static Map<String, Object> hop(String from, String to) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("from", from);
        h.put("to", to);
        h.put("relation", "command");
        h.put("weakness", "the secret detail of " + from);
        h.put("probability", 0.5);
        return h;
    }

    @Test
    void runsOfHopsInsideAnothersSystemAreSummarisedAndBoundaryHopsShown() {
        List<Map<String, Object>> shown = Redaction.hops(
                List.of(
                        hop("cloud.portal", "cloud.db"),
                        hop("cloud.db", "cloud.admin"),
                        hop("cloud.admin", "gate.controller"),
                        hop("gate.controller", "gate.turnstile"),
                        hop("gate.turnstile", "ops.console"),
                        hop("ops.console", "cam.nvr")),
                OWNERS,
                "venue-ops");
        assertThat(shown).hasSize(5);
        assertThat(shown.get(0))
                .containsEntry("summary", "2 hops inside system cloud")
                .doesNotContainKey("from");
        assertThat(shown.get(1))
                .containsEntry("fromSystem", "cloud")
                .containsEntry("toSystem", "gate")
                .doesNotContainKey("weakness")
                .doesNotContainKey("from");
        assertThat(shown.get(2)).containsEntry("summary", "1 hop inside system gate");
        assertThat(shown.get(3)).containsEntry("from", "gate.turnstile").containsEntry("to", "ops.console");
        assertThat(shown.get(4)).containsEntry("from", "ops.console");
        assertThat(shown.toString()).doesNotContain("cloud.portal").doesNotContain("gate.controller");
    }

    @Test
    void aZoneOfAnothersSystemIsInsideThatSystem() {
        List<Map<String, Object>> shown = Redaction.hops(
                List.of(
                        hop("gate.portal", "zone gate.field"),
                        hop("zone gate.field", "gate.controller"),
                        hop("gate.controller", "cam.nvr"),
                        hop("cam.nvr", "zone cam.video")),
                OWNERS,
                "venue-ops");
        assertThat(shown).hasSize(3);
        assertThat(shown.get(0)).containsEntry("summary", "2 hops inside system gate");
        assertThat(shown.get(1)).containsEntry("from", "gate.controller").containsEntry("to", "cam.nvr");
        assertThat(shown.get(2)).containsEntry("to", "zone cam.video");
        assertThat(shown.toString()).doesNotContain("gate.field", "gate.portal");
    }

    @Test
    void anEntryInAnothersSystemIsNamedByItsSystemOnly() {
        assertThat(Redaction.entry("cloud.portal (reachable from the internet)", OWNERS, "venue-ops"))
                .isEqualTo("a component of system cloud");
        assertThat(Redaction.entry("ops.vpn (reachable from the internet)", OWNERS, "venue-ops"))
                .isEqualTo("ops.vpn (reachable from the internet)");
    }
}
