package dev.mamori.vulns.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.vulns.version.VersionRange;
import dev.mamori.vulns.version.VersionScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compiled ranges of a product say what each range says when asked directly, version by version. */
class RangeIndexTest {

    private static List<Integer> indexed(RangeIndex index, VersionScheme scheme, String version) {
        RangeIndex.Ints out = new RangeIndex.Ints();
        index.collect(index.cell(scheme.parse(version)), out);
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            list.add(out.get(i));
        }
        return list;
    }

    private static List<Integer> direct(List<VersionRange> ranges, String version) {
        return IntStream.range(0, ranges.size())
                .filter(r -> ranges.get(r).contains(version))
                .boxed()
                .toList();
    }

    private static void agrees(String scheme, List<String> ranges, List<String> versions) {
        List<VersionRange> parsed = ranges.stream().map(VersionRange::parse).toList();
        VersionScheme s = VersionScheme.of(scheme);
        RangeIndex index =
                new RangeIndex(s, parsed, IntStream.range(0, parsed.size()).toArray());
        for (String v : versions) {
            assertThat(indexed(index, s, v)).as("%s in %s", v, ranges).isEqualTo(direct(parsed, v));
            // A release packed when its package is read finds the same cell on its numbers alone,
            // or says it cannot (-1) when it meets a point that does not pack.
            long key = s.releaseKey(v);
            if (s.holds(key)) {
                int cell = index.cellOfRelease(VersionScheme.packedOf(key));
                assertThat(cell).as("cell of %s in %s", v, ranges).isIn(-1, index.cell(s.parse(v)));
            }
        }
    }

    @Test
    void aReleaseKeyIsTakenOnlyForReleasesOfUpToThreeNumbersAndOnlyByItsScheme() {
        VersionScheme semver = VersionScheme.SEMVER;
        VersionScheme generic = VersionScheme.GENERIC;
        assertThat(semver.holds(semver.releaseKey("1.2.3"))).isTrue();
        assertThat(generic.holds(semver.releaseKey("1.2.3"))).isFalse();
        assertThat(generic.holds(generic.releaseKey("1.2"))).isTrue();
        assertThat(semver.releaseKey("1.2.3-rc.1")).isEqualTo(-1); // a pre-release compares further
        assertThat(semver.releaseKey("1.2.3.4")).isEqualTo(-1);
        assertThat(generic.releaseKey("2:1.2")).isEqualTo(-1); // an epoch
        assertThat(VersionScheme.DEB.releaseKey("1.2.3")).isEqualTo(-1);
        assertThat(VersionScheme.PYPI.releaseKey("1.2.3")).isEqualTo(-1);
        assertThat(VersionScheme.packedOf(semver.releaseKey("1.2.3")))
                .isEqualTo(semver.parse("1.2.3").packed());
        assertThat(VersionScheme.packedOf(generic.releaseKey("1.0")))
                .isEqualTo(generic.parse("1.0.0").packed());
    }

    @Test
    void aReleaseKeyReadWithoutAVersionIsThePackedFormOfTheVersion() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789..v-+:ab";
        List<String> texts =
                new ArrayList<>(List.of("1", "1.2", "1.2.3", "000001.0.0", "1000000", "999999.1.0", "1.0.0.0"));
        for (int i = 0; i < 5_000; i++) {
            StringBuilder t = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                // Mostly digits and dots, so that many texts are plain numbers.
                t.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : alphabet.charAt(random.nextInt(11)));
            }
            texts.add(t.toString());
        }
        int packed = 0;
        for (VersionScheme s : List.of(VersionScheme.SEMVER, VersionScheme.GENERIC)) {
            for (String t : texts) {
                VersionScheme.Version v = s.parse(t);
                long expected = v.packed() >= 0 && !v.comparesFurther() ? v.packed() : -1;
                long key = s.releaseKey(t);
                assertThat(key < 0 ? -1 : VersionScheme.packedOf(key))
                        .as("%s %s", s, t)
                        .isEqualTo(expected);
                packed += key >= 0 ? 1 : 0;
            }
        }
        assertThat(packed).isGreaterThan(1_000);
    }

    @Test
    void aReleaseAmongPointsThatDoNotPackIsLeftToTheVersionItself() {
        List<VersionRange> parsed = List.of(VersionRange.parse("vers:generic/>=1.2.3.4|<1.2.3.9"));
        RangeIndex index = new RangeIndex(VersionScheme.GENERIC, parsed, new int[] {0});
        assertThat(index.cellOfRelease(VersionScheme.packedOf(VersionScheme.GENERIC.releaseKey("1.2.4"))))
                .isEqualTo(-1);
        agrees(
                "generic",
                List.of("vers:generic/>=1.2.3.4|<1.2.3.9", "vers:generic/>=1.0|<2.0"),
                List.of("1.2.3", "1.2.3.5", "1.2.4", "1.5", "2.0"));
    }

    @Test
    void equalitiesExclusionsOpenEndsAndPreReleasesAsTheRangesThemselves() {
        agrees(
                "npm",
                List.of(
                        "vers:npm/>=1.2.0|<1.4.0",
                        "vers:npm/<1.0.0",
                        "vers:npm/>=2.0.0-rc.1",
                        "vers:npm/1.3.0|1.5.0",
                        "vers:npm/!=1.3.0",
                        "vers:npm/>1.0.0|<=1.2.0|>=1.5.0|<1.6.0",
                        "vers:npm/*",
                        "vers:npm/>=1.2.0|<1.4.0|!=1.3.0"),
                List.of(
                        "0.1.0",
                        "1.0.0-alpha",
                        "1.0.0",
                        "1.0.1",
                        "1.2.0",
                        "1.2.1",
                        "1.3.0",
                        "1.3.0-beta",
                        "1.4.0",
                        "1.5.0",
                        "1.5.5",
                        "1.6.0",
                        "2.0.0-alpha",
                        "2.0.0-rc.1",
                        "2.0.0",
                        "9.9.9"));
    }

    @Test
    void versionsThatCompareEqualButAreWrittenDifferentlyShareAPoint() {
        agrees(
                "generic",
                List.of("vers:generic/>=1.0|<1.0.2", "vers:generic/>=1.0.0|<=1.0.2", "vers:generic/1.0.1a"),
                List.of("0.9", "1", "1.0", "1.0.0", "1.0.1", "1.0.1a", "1.0.1-rc1", "1.0.2", "1.0.3"));
    }

    @Test
    void randomIntervalsAgreeWithTheRangesOnEveryVersionAroundTheirBounds() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> ranges = new ArrayList<>();
        String[] ops = {"<", "<=", ">", ">=", "=", "!="};
        for (int r = 0; r < 200; r++) {
            int parts = 1 + random.nextInt(4);
            List<String> constraints = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                constraints.add(ops[random.nextInt(ops.length)] + "1." + random.nextInt(12) + "." + random.nextInt(3));
            }
            ranges.add("vers:semver/" + String.join("|", constraints));
        }
        List<String> versions = new ArrayList<>();
        for (int minor = 0; minor < 13; minor++) {
            for (int patch = 0; patch < 4; patch++) {
                versions.add("1." + minor + "." + patch);
                versions.add("1." + minor + "." + patch + "-rc.1");
            }
        }
        agrees("semver", ranges, versions);
    }
}
