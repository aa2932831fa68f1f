package dev.mamori.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/** The compressed rows hold exactly what naive lists of lists hold, in insertion order. */
class AdjacencyTest {

    @RepeatedTest(50)
    void rowsMatchListsOfLists() {
        Random random = new Random();
        int nodes = 1 + random.nextInt(200);
        List<List<Integer>> naive = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            naive.add(new ArrayList<>());
        }
        Adjacency.Builder builder = new Adjacency.Builder(nodes);
        int edges = random.nextInt(2000);
        for (int e = 0; e < edges; e++) {
            int node = random.nextInt(nodes);
            int value = random.nextInt(1000);
            naive.get(node).add(value);
            builder.add(node, value);
        }
        Adjacency adjacency = builder.build();
        for (int n = 0; n < nodes; n++) {
            assertThat(java.util.Arrays.stream(adjacency.of(n)).boxed().toList())
                    .isEqualTo(naive.get(n));
        }
    }
}
