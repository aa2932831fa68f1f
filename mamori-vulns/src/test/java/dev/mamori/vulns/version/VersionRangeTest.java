package dev.mamori.vulns.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    /** Asserts that {@code versions} are in strictly increasing order under {@code scheme}, pairwise. */
    private static void ascending(VersionScheme scheme, String... versions) {
        for (int i = 0; i < versions.length; i++) {
            for (int j = 0; j < versions.length; j++) {
                int c = Integer.signum(scheme.compare(versions[i], versions[j]));
                assertThat(c)
                        .as("%s vs %s (%s)", versions[i], versions[j], scheme)
                        .isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void semverPutsPreReleasesBeforeTheirReleaseAndComparesNumericIdentifiersAsNumbers() {
        ascending(
                VersionScheme.SEMVER,
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.10.0",
                "2.0.0");
        assertThat(VersionScheme.SEMVER.compare("1.0.0+build.5", "1.0.0")).isZero();
        assertThat(VersionScheme.SEMVER.compare("v1.2.3", "1.2.3")).isZero();
    }

    @Test
    void versionsComparedByTheirPackedNumbersSortAsThoseComparedPartByPart() {
        // Up to three numbers are compared packed in one long; the others part by part: mixed, they
        // must still make one order.
        ascending(
                VersionScheme.SEMVER,
                "0.0.1",
                "1.2.3-alpha",
                "1.2.3-rc.1",
                "1.2.3",
                "1.2.3.4",
                "1.2.4",
                "1.2.1048575",
                "1.2.1048576",
                "1.2.99999999",
                "1.3");
        ascending(
                VersionScheme.GENERIC,
                "0",
                "0.0.1",
                "1",
                "1.0.1",
                "1.2-rc1",
                "1.2",
                "1.2.1",
                "1.2.1a",
                "1.2.1.1",
                "1.3",
                "1234567",
                "1:0.1");
        assertThat(VersionScheme.GENERIC.compare("1.0.0", "1")).isZero();
        assertThat(VersionScheme.GENERIC.compare("0:1.2", "1.2.0")).isZero();
        assertThat(VersionScheme.SEMVER.compare("1.2", "1.2.0")).isZero();
    }

    @Test
    void debianHonoursEpochsTildesAndRevisions() {
        ascending(VersionScheme.DEB, "1.0~rc1", "1.0", "1.0-1", "1.0-2", "1.0a", "1.1", "2.0", "1:0.9", "1:1.0");
    }

    @Test
    void pep440OrdersDevPreAndPostReleasesAndEpochs() {
        ascending(
                VersionScheme.PYPI,
                "1.0.dev1",
                "1.0a1",
                "1.0a2",
                "1.0b1",
                "1.0rc1",
                "1.0",
                "1.0.post1",
                "1.1",
                "2.0",
                "1!0.5");
        assertThat(VersionScheme.PYPI.compare("1.0", "1.0.0")).isZero();
    }

    @Test
    void genericComparesRunsOfDigitsAsNumbersAndKnowsPreReleaseWords() {
        ascending(
                VersionScheme.GENERIC,
                "1.0-alpha",
                "1.0-beta2",
                "1.0-rc1",
                "1.0",
                "1.0a",
                "1.0.1",
                "1.9",
                "1.10",
                "1:0.1");
        assertThat(VersionScheme.GENERIC.compare("1.0.1a", "1.0.1"))
                .as("a patch letter, not an alpha")
                .isPositive();
        assertThat(VersionScheme.GENERIC.compare("1.0", "1.0.0")).isZero();
        assertThat(VersionScheme.GENERIC.compare("2.0-beta9", "2.0")).isNegative();
        assertThat(VersionScheme.GENERIC.compare("1.0.1g", "1.0.1e")).isPositive();
    }

    @Test
    void anIntervalContainsItsLowerBoundAndNotItsUpperOneAndPreReleasesOfTheUpperBoundAreInside() {
        VersionRange range = VersionRange.parse("vers:npm/>=1.0.0|<2.0.0");
        assertThat(range.contains("1.0.0")).isTrue();
        assertThat(range.contains("1.9.9")).isTrue();
        assertThat(range.contains("2.0.0")).isFalse();
        assertThat(range.contains("0.9.9")).isFalse();
        // 2.0.0-rc.1 comes before 2.0.0: a pre-release of the fix is still affected.
        assertThat(range.contains("2.0.0-rc.1")).isTrue();
        assertThat(range.contains("1.0.0-rc.1")).isFalse();
    }

    @Test
    void openRangesRunToTheEndOnEitherSide() {
        assertThat(VersionRange.parse("vers:semver/<1.2.3").contains("0.0.1")).isTrue();
        assertThat(VersionRange.parse("vers:semver/<1.2.3").contains("1.2.3")).isFalse();
        assertThat(VersionRange.parse("vers:semver/>=2.0.0").contains("99.0.0")).isTrue();
        assertThat(VersionRange.parse("vers:semver/>2.0.0").contains("2.0.0")).isFalse();
        assertThat(VersionRange.parse("vers:generic/*").contains("anything")).isTrue();
    }

    @Test
    void severalIntervalsEqualitiesAndExclusionsAreReadAsTheSpecificationSays() {
        VersionRange two = VersionRange.parse("vers:semver/>=2.0.0|<2.2.0|>=1.0.0|<1.2.0");
        assertThat(List.of("1.1.0", "1.5.0", "2.1.0", "3.0.0").stream().map(two::contains))
                .containsExactly(true, false, true, false);
        VersionRange exact = VersionRange.parse("vers:pypi/1.0|1.2");
        assertThat(exact.contains("1.0.0")).isTrue();
        assertThat(exact.contains("1.1")).isFalse();
        VersionRange excluded = VersionRange.parse("vers:pypi/!=1.0|!=1.1");
        assertThat(excluded.contains("1.2")).isTrue();
        assertThat(excluded.contains("1.1")).isFalse();
        VersionRange holed = VersionRange.parse("vers:semver/>=1.0.0|!=1.3.0|<2.0.0");
        assertThat(holed.contains("1.3.0")).isFalse();
        assertThat(holed.contains("1.4.0")).isTrue();
    }

    @Test
    void epochsDecideBeforeTheVersion() {
        VersionRange range = VersionRange.parse("vers:deb/>=1:1.0|<1:2.0");
        assertThat(range.contains("1:1.5")).isTrue();
        assertThat(range.contains("1.5"))
                .as("epoch 0 is older than any epoch 1")
                .isFalse();
        assertThat(range.contains("2:0.1")).isFalse();
        assertThat(VersionRange.parse("vers:pypi/<1!1.0").contains("2.0")).isTrue();
    }

    @Test
    void malformedRangesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> VersionRange.parse("npm/>=1.0")).hasMessageContaining("starts with vers:");
        assertThatThrownBy(() -> VersionRange.parse("vers:npm")).hasMessageContaining("names no scheme");
        assertThatThrownBy(() -> VersionRange.parse("vers:npm/")).hasMessageContaining("no constraints");
        assertThatThrownBy(() -> VersionRange.parse("vers:npm/>=1.0|<")).hasMessageContaining("without a version");
    }

    @Test
    void aRangeReadsBackAsItWasWritten() {
        assertThat(VersionRange.parse("vers:generic/>=2.0.0|<2.4.1")).hasToString("vers:generic/>=2.0.0|<2.4.1");
    }
}
