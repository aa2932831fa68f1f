package dev.mamori.engine.systemic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PropagationGraphTest {

    /** Two systems: 0 and 1 in system 0, 2 in system 1; one zone (node 3). */
    private static PropagationGraph.Builder builder() {
        return new PropagationGraph.Builder(new int[] {0, 0, 1}, 2, 1, PropagationGraph.NUMBERED)
                .add(0, 1, Relation.DATA, 0, 1f)
                .add(0, 2, Relation.COMMAND, 1, 0.9f)
                .add(1, 3, Relation.ZONE_MEMBER, 0, 1f)
                .add(0, 1, Relation.CREDENTIAL, 0, 0.8f);
    }

    @Test
    void putsEachNodesControlEdgesBeforeItsDataEdges() {
        PropagationGraph g = builder().build();
        assertThat(g.outEnd(0) - g.outStart(0)).isEqualTo(3);
        assertThat(g.outControlEnd(0) - g.outStart(0)).isEqualTo(2);
        for (int i = g.outStart(0); i < g.outControlEnd(0); i++) {
            assertThat(g.passesControl(g.outEdge(i))).isTrue();
        }
        assertThat(g.relation(g.outEdge(g.outControlEnd(0)))).isEqualTo(Relation.DATA);
        assertThat(g.inControlEnd(1) - g.inStart(1)).isEqualTo(1);
        assertThat(g.inEnd(1) - g.inStart(1)).isEqualTo(2);
    }

    @Test
    void knowsSystemsOfComponentsAndNoneOfZones() {
        PropagationGraph g = builder().build();
        assertThat(g.systemCount()).isEqualTo(2);
        assertThat(g.systemOf(2)).isEqualTo(1);
        assertThat(g.isZone(3)).isTrue();
        assertThat(g.systemOf(3)).isEqualTo(-1);
        assertThat(g.name(3)).isEqualTo("zone 0");
        assertThat(g.weakness(1)).isEqualTo("command");
    }

    @Test
    void aBuiltGraphDoesNotChangeWhenTheBuilderGoesOn() {
        PropagationGraph.Builder b = builder();
        PropagationGraph first = b.build();
        b.add(2, 0, Relation.COMMAND, 2, 0.9f);
        PropagationGraph second = b.build();
        assertThat(first.edgeCount()).isEqualTo(4);
        assertThat(first.outEnd(2) - first.outStart(2)).isZero();
        assertThat(second.edgeCount()).isEqualTo(5);
        assertThat(second.to(second.outEdge(second.outStart(2)))).isZero();
        for (int e = 0; e < 4; e++) {
            assertThat(second.from(e)).isEqualTo(first.from(e));
        }
    }
}
