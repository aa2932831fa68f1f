package dev.mamori.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.Flow;
import dev.mamori.model.Landscape;
import dev.mamori.model.generate.LandscapeGenerator;
import org.junit.jupiter.api.Test;

/** The arrays say what the model says: checked element by element on a generated landscape. */
class FrozenGraphTest {

    static Landscape generated(int systems, int components, long seed) throws Exception {
        return GeneratedLandscapes.generated(new LandscapeGenerator(systems, components, seed));
    }

    @Test
    void flowsAndCredentialsResolveToTheComponentsTheyName() throws Exception {
        Landscape landscape = generated(7, 20, 3);
        FrozenGraph graph = FrozenGraph.of(landscape);
        assertThat(graph.componentCount()).isEqualTo(landscape.components().size());
        assertThat(graph.flowCount()).isEqualTo(landscape.allFlows().size());
        int outTotal = 0;
        int inTotal = 0;
        for (int c = 0; c < graph.componentCount(); c++) {
            for (int f : graph.flowsOut(c)) {
                assertThat(graph.flowFrom(f)).isEqualTo(c);
            }
            for (int f : graph.flowsIn(c)) {
                assertThat(graph.flowTo(f)).isEqualTo(c);
            }
            outTotal += graph.flowsOut(c).length;
            inTotal += graph.flowsIn(c).length;
            assertThat(graph.system(graph.systemOf(c)).id())
                    .isEqualTo(graph.component(c).system());
            int zone = graph.zoneOf(c);
            assertThat(zone >= 0).isEqualTo(graph.component(c).zone().isPresent());
        }
        assertThat(outTotal).isEqualTo(graph.flowCount());
        assertThat(inTotal).isEqualTo(graph.flowCount());
        for (int f = 0; f < graph.flowCount(); f++) {
            Flow flow = graph.flow(f);
            String from = graph.component(graph.flowFrom(f)).id();
            String to = graph.component(graph.flowTo(f)).id();
            assertThat(from)
                    .endsWith(
                            flow.from().text().contains(".")
                                    ? flow.from().text()
                                    : "." + flow.from().text());
            assertThat(to)
                    .endsWith(
                            flow.to().text().contains(".")
                                    ? flow.to().text()
                                    : "." + flow.to().text());
            assertThat(graph.crossesSystems(f))
                    .isEqualTo(!graph.component(graph.flowFrom(f))
                            .system()
                            .equals(graph.component(graph.flowTo(f)).system()));
        }
        for (int r = 0; r < graph.credentialCount(); r++) {
            assertThat(graph.credentialAccepters(r))
                    .hasSize(graph.credential(r).acceptedBy().size());
        }
        for (int z = 0; z < graph.zoneCount(); z++) {
            for (int c : graph.zoneMembers(z)) {
                assertThat(graph.zoneOf(c)).isEqualTo(z);
            }
        }
    }
}
