package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.graph.FrozenGraph;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.rules.RuleFixtures;
import dev.mamori.engine.systemic.SystemicAnalyzer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The risk rules, the compliance conditions and the systemic entry points ask "internet-facing",
 * "actuates" and "radio" of the graph's one {@link dev.mamori.engine.graph.Facts}. Each test pins
 * the meaning chosen where the copies they replace disagreed, through every consumer.
 */
class FactsAgreeTest {

    private static final String PLANT = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              plant:
                owner: ops
                operator: ops
                category: industrial
                zones:
                  dmz: { kind: it, trust: untrusted }
                  ot: { kind: ot, trust: high, security-level: 2 }
                components:
                  portal: { kind: remote-access, zone: dmz }
                  web: { kind: web-app, layer: service, exposure: internet }
                  scada: { kind: scada, layer: platform, zone: ot }
                  dosing: { kind: sensor, zone: ot, hazards: { overdose: { severity: critical } } }
                  probe: { kind: sensor, zone: ot }
                  lan: { kind: wifi }
                  modem: { kind: router }
                flows:
                  - { from: scada, to: dosing, protocol: modbus-tcp, commands: true }
                  - { from: probe, to: scada, protocol: https, network: lan }
                  - { from: modem, to: scada, protocol: cellular }
                  - { from: scada, to: web, protocol: https }
            """;

    private static FrozenGraph graph() {
        return RuleFixtures.graph("plant.yaml", PLANT);
    }

    private static int c(FrozenGraph graph, String id) {
        return graph.componentId("plant." + id).orElseThrow();
    }

    private static Set<String> selected(FrozenGraph graph, Condition condition) {
        return condition.select(graph, graph.systemId("plant").orElseThrow(), new Subjects(graph)).stream()
                .map(Subject::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The three copies agreed: exposed to the internet, or in an untrusted zone. Still one meaning. */
    @Test
    void internetFacingIsTheSameForRulesConditionsAndEntryPoints() {
        FrozenGraph graph = graph();
        Set<String> facing = new TreeSet<>();
        for (int c = 0; c < graph.componentCount(); c++) {
            if (graph.facts().internetFacing(c)) {
                facing.add(graph.component(c).id());
            }
        }
        assertThat(facing).containsExactly("plant.portal", "plant.web");
        assertThat(selected(graph, Condition.INTERNET_EXPOSED)).isEqualTo(facing);
        Set<String> fromInternet = new TreeSet<>();
        for (var entry : new SystemicAnalyzer(graph)
                .analyze(SystemicAnalyzer.Options.defaults())
                .entries()) {
            if (entry.reason().startsWith("reachable from the internet")) {
                fromInternet.add(entry.component());
            }
        }
        assertThat(fromInternet).isEqualTo(facing);
    }

    /**
     * The rules read "actuates" from the kind alone, the compliance condition also from a hazard.
     * A hazard is the model saying misuse of the component harms: it acts on the physical world. So
     * a command flow without authorization into a hazard-bearing sensor is now a finding.
     */
    @Test
    void aComponentWithAHazardActuatesForRulesAndConditionsAlike() {
        FrozenGraph graph = graph();
        assertThat(graph.facts().actuates(c(graph, "dosing"))).isTrue();
        assertThat(graph.facts().actuates(c(graph, "probe"))).isFalse();
        assertThat(selected(graph, Condition.ACTUATES_PHYSICALLY))
                .contains("plant.dosing")
                .doesNotContain("plant.probe");
        RiskAssessment risk = RuleFixtures.assess(
                "plant.yaml",
                PLANT,
                List.of(RuleCatalog.find("actuator-commands-without-authorization")
                        .orElseThrow()));
        assertThat(risk.findings())
                .extracting(f -> f.element().id())
                .containsExactly("plant.scada -> plant.dosing (modbus-tcp)");
    }

    /**
     * The rules took a flow to go by radio when its protocol runs over radio or cellular or it
     * crosses a radio network; the compliance condition only when its protocol's transport was
     * radio. The rules' meaning holds: a cellular link and a flow over Wi-Fi are radio flows too.
     */
    @Test
    void aCellularLinkAndAFlowOverWifiAreRadioFlowsForRulesAndConditionsAlike() {
        FrozenGraph graph = graph();
        assertThat(selected(graph, Condition.RADIO_FLOWS))
                .containsExactly("plant.modem -> plant.scada (cellular)", "plant.probe -> plant.scada (https)");
        List<String> why = Arrays.stream(new int[] {1, 2})
                .mapToObj(f -> graph.facts().radio(f).orElseThrow())
                .toList();
        assertThat(why).containsExactly("it travels over the wifi network plant.lan", "cellular runs over cellular");
        assertThat(graph.facts().radio(0)).isEmpty();
    }
}
