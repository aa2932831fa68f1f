package dev.mamori.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.engine.rules.RuleFixtures;
import dev.mamori.model.Layer;
import dev.mamori.model.validate.ElementIndex.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Findings name their element typed: kind, id, system and layer, as the graph knows them. */
class ElementRefTest {

    private static final String MODEL = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              cams:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  door: { kind: lock, credentials: default-shared, hazards: { trapped: { severity: critical } } }
                  hub: { kind: broker, layer: platform }
                flows:
                  - { from: hub, to: door, protocol: mqtt, commands: true }
                credentials:
                  - { holder: hub, accepted-by: door, kind: password, shared: true }
              yard:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  gate: { kind: lock }
            flows:
              - { id: feed, from: cams.hub, to: yard.gate, protocol: mqtt, agreement: Yard feed }
              - { from: yard.gate, to: cams.hub, protocol: mqtt, agreement: Yard feed }
            """;

    private static RiskAssessment assess() {
        return RuleFixtures.assess("m.yaml", MODEL, RuleCatalog.all());
    }

    private static ElementRef on(RiskAssessment assessment, String rule, String id) {
        return assessment.findings().stream()
                .filter(f -> f.rule().equals(rule) && f.element().id().equals(id))
                .map(Finding::element)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " on " + id));
    }

    @Test
    void aComponentCarriesItsSystemAndLayer() {
        assertThat(on(assess(), "default-credentials", "cams.door"))
                .isEqualTo(new ElementRef(Kind.COMPONENT, "cams.door", Optional.of("cams"), Optional.of(Layer.DEVICE)));
    }

    @Test
    void aHazardSitsWhereItsComponentDoes() {
        assertThat(on(assess(), "hazard-without-interlock", "cams.door.trapped"))
                .isEqualTo(new ElementRef(
                        Kind.HAZARD, "cams.door.trapped", Optional.of("cams"), Optional.of(Layer.DEVICE)));
    }

    @Test
    void aFlowIsANetworkLinkOfTheSystemDeclaringItOrElseOfItsSender() {
        RiskAssessment assessment = assess();
        assertThat(on(assessment, "mqtt-without-tls", "cams.hub -> cams.door (mqtt)"))
                .isEqualTo(new ElementRef(
                        Kind.FLOW, "cams.hub -> cams.door (mqtt)", Optional.of("cams"), Optional.of(Layer.NETWORK)));
        // named and unnamed landscape-level flows alike belong to their sender's system
        assertThat(on(assessment, "mqtt-without-tls", "feed").system()).contains("cams");
        assertThat(on(assessment, "mqtt-without-tls", "yard.gate -> cams.hub (mqtt)")
                        .system())
                .contains("yard");
    }

    /**
     * A credential relation's generated id ({@code hub=>door}) names no system; the ref carries the
     * system that declares it. Reports used to parse the id and group it under "landscape".
     */
    @Test
    void aCredentialRelationBelongsToTheSystemDeclaringIt() {
        ElementRef ref = assess().findings().stream()
                .filter(f -> f.rule().equals("shared-credential"))
                .map(Finding::element)
                .findFirst()
                .orElseThrow();
        assertThat(ref.kind()).isEqualTo(Kind.CREDENTIAL);
        assertThat(ref.system()).contains("cams");
        assertThat(ref.systemWord()).isEqualTo("cams");
        assertThat(ref.layer()).isEmpty();
        assertThat(ref.layerWord()).isEqualTo("other");
    }

    @Test
    void everyFindingOfEveryFixtureNamesItsSystemAsItsIdDoes() throws IOException {
        for (var rule : RuleCatalog.all()) {
            String id = rule.metadata().id();
            RiskAssessment assessment =
                    RuleFixtures.assess(id + ".yaml", RuleFixtures.text(id).orElseThrow(), List.of(rule));
            for (Finding f : assessment.findings()) {
                ElementRef ref = f.element();
                assertThat(ref.kindWord()).isNotBlank();
                switch (ref.kind()) {
                    case MISSION, STAKEHOLDER ->
                        assertThat(ref.system()).as(ref.toString()).isEmpty();
                    case COMPONENT, HAZARD, ZONE -> {
                        assertThat(ref.id())
                                .as(ref.toString())
                                .startsWith(ref.system().orElseThrow() + ".");
                        if (ref.kind() != Kind.ZONE) {
                            assertThat(ref.layer()).as(ref.toString()).isPresent();
                        }
                    }
                    case FLOW -> assertThat(ref.layer()).contains(Layer.NETWORK);
                    case SYSTEM -> assertThat(ref.system()).contains(ref.id());
                    default -> {}
                }
            }
        }
    }

    @Test
    void theGraphReusesTheIndexItIsGiven() {
        FrozenGraph graph = RuleFixtures.graph("m.yaml", MODEL);
        var index = new dev.mamori.model.validate.ElementIndex(graph.landscape());
        FrozenGraph again = FrozenGraph.of(graph.landscape(), index);
        assertThat(again.elements()).isSameAs(index);
        // and the rules resolve through it: owners and operators found the same way
        assertThat(again.stakeholderOf(graph.system(0).owner()))
                .isEqualTo(graph.systemOwner(0))
                .isNotNegative();
    }
}
