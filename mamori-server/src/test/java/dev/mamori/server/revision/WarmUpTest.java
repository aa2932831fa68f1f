package dev.mamori.server.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The warm-up runs a push's code on a valid generated landscape, and stops when told. */
class WarmUpTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void assessesAndRendersTheGeneratedLandscape() {
        assertThat(WarmUp.files()).hasSize(WarmUp.SYSTEMS + 1).containsKey("landscape.json");
        WarmUp.Done done = WarmUp.run(1, TODAY, () -> false);
        assertThat(done.rounds()).isEqualTo(1);
        // run() throws when the landscape does not load valid; rendered findings show it was assessed.
        assertThat(done.findings()).isPositive();
    }

    @Test
    void doesNoRoundOnceTheServerCloses() {
        assertThat(WarmUp.run(3, TODAY, () -> true).rounds()).isZero();
    }
}
