package dev.mamori.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scoring formulas, every level against what docs/scoring.md says. */
class ScoringTest {

    @Test
    void likelihoodIsTheLowerOfReachAndEase() {
        for (int reach = 1; reach <= 5; reach++) {
            for (int ease = 1; ease <= 5; ease++) {
                Factor r = Factor.of(reach, "reach");
                Factor e = Factor.of(ease, "ease");
                assertThat(Scoring.likelihood(r, e).level())
                        .as("reach %d, ease %d", reach, ease)
                        .isEqualTo(Math.min(reach, ease));
                assertThat(Scoring.likelihood(r, e).reason()).isEqualTo("reach; ease");
            }
            Factor given = Factor.of(reach, "given");
            assertThat(Scoring.likelihood(given, given)).isEqualTo(given);
        }
    }

    @Test
    void aFleetOfAHundredRaisesImpactByOneUpToFive() {
        assertThat(Scoring.acrossFleet(Factor.of(3, "x"), 99).level()).isEqualTo(3);
        assertThat(Scoring.acrossFleet(Factor.of(3, "x"), 100).level()).isEqualTo(4);
        assertThat(Scoring.acrossFleet(Factor.of(5, "x"), 1000).level()).isEqualTo(5);
    }

    /** Every row of the severity table in docs/scoring.md is what Severity.of computes, for every product. */
    @Test
    void theSeverityTableOfTheDocsIsTheCodes() throws IOException {
        String doc = Files.readString(Path.of("../docs/scoring.md"));
        Matcher row = Pattern.compile("\\| (\\d+)–(\\d+) \\| (\\w+) \\|").matcher(doc);
        int rows = 0;
        boolean[] covered = new boolean[26];
        while (row.find()) {
            rows++;
            int from = Integer.parseInt(row.group(1));
            int to = Integer.parseInt(row.group(2));
            for (int likelihood = 1; likelihood <= 5; likelihood++) {
                for (int impact = 1; impact <= 5; impact++) {
                    int score = likelihood * impact;
                    if (score >= from && score <= to) {
                        covered[score] = true;
                        assertThat(Severity.of(likelihood, impact).word())
                                .as("%d × %d", likelihood, impact)
                                .isEqualTo(row.group(3));
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(Severity.values().length);
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                assertThat(covered[likelihood * impact])
                        .as("the table covers %d", likelihood * impact)
                        .isTrue();
            }
        }
    }

    @Test
    void theSentenceSaysBothFactorsAndTheSeverity() {
        assertThat(Scoring.sentence(Factor.of(5, "exposed"), Factor.of(4, "hazard")))
                .isEqualTo("likelihood 5/5 (exposed) × impact 4/5 (hazard) = critical");
    }
}
