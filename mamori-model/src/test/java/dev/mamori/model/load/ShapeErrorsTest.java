package dev.mamori.model.load;

import static dev.mamori.model.load.DiagnosticsAssert.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys, types and words checked against the grammar: one test per kind of problem. */
class ShapeErrorsTest {

    @Test
    void unknownKeysSuggestTheNearestKey() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, cuont: 3 }"));
        error(result, "unknown-key", 13, 29, "unknown key 'cuont' in a component", "did you mean 'count'?");
    }

    @Test
    void unknownKeysFarFromAnyListTheExpectedOnes() {
        LoadResult result = Models.load("mamori: 1\nfrobnicate: yes\n");
        error(result, "unknown-key", 2, 1, "unknown key 'frobnicate' in a model file", "expected one of: mamori,");
    }

    @Test
    void missingRequiredKeysAreNamedWithTheirMeaning() {
        LoadResult result = Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { count: 2 }"));
        error(result, "missing-key", 13, 7, "this component lacks the required key 'kind'", "what it is");
    }

    @Test
    void theModelVersionIsRequired() {
        LoadResult result = Models.load("landscape: X\n");
        error(result, "missing-key", 1, 1, "lacks the required key 'mamori: 1'");
    }

    @Test
    void yesAndNoAreNotBooleans() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, secure-boot: yes }"));
        error(result, "wrong-type", 13, 42, "'secure-boot' is 'yes'; write true or false");
    }

    @Test
    void impossibleDatesAreCalledSo() {
        LoadResult result = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, support-until: 2027-02-30 }"));
        error(result, "wrong-type", 13, 44, "'2027-02-30', which is no day of the calendar");
    }

    @Test
    void aBadIdSkipsOnlyItsOwnEntry() {
        LoadResult result = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway }\n      bad.id: { kind: sensor }")
                        + "flows:\n  - { from: a.hub, to: a.sensor, protocol: mqtt }\n");
        error(result, "bad-id", 14, 7, "'bad.id' is not a valid id");
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void anotherModelVersionIsOutOfRange() {
        LoadResult result = Models.load("mamori: 2\n");
        error(result, "out-of-range", 1, 9, "'mamori' is 2, expected the number 1");
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndFound() {
        LoadResult result =
                Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, count: many }"));
        error(result, "wrong-type", 13, 36, "'count' should be a whole number from 1 to", "found the text 'many'");
    }

    @Test
    void aListWhereAMappingIsExpected() {
        LoadResult result = Models.load("mamori: 1\nsystems:\n  - a\n  - b\n");
        error(result, "wrong-type", 3, 3, "'systems' should be a mapping from ids to systems", "found a list");
    }

    @Test
    void aScalarWhereAnObjectIsExpected() {
        LoadResult result = Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub: gateway"));
        error(result, "wrong-type", 13, 12, "expected a mapping of component keys here", "found the text 'gateway'");
    }

    @Test
    void booleansMustBeTrueOrFalse() {
        LoadResult result = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, secure-boot: maybe }"));
        error(result, "wrong-type", 13, 42, "'secure-boot' should be true or false");
    }

    @Test
    void datesMustBeIsoDates() {
        LoadResult result = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, support-until: 31/12/2027 }"));
        error(result, "wrong-type", 13, 44, "'support-until' should be a date like 2026-01-31");
    }

    @Test
    void durationsNeedAUnit() {
        LoadResult result = Models.load(Models.BASE + "missions:\n  m: { needs: a.hub, rto: 15 }\n");
        error(result, "bad-duration", 22, 27, "'rto' is '15'", "a duration with a unit: 90s, 15m");
    }

    @Test
    void unknownScaleWordsSuggestAndList() {
        LoadResult result = Models.load(
                Models.BASE.replace("hub: { kind: gateway }", "hub: { kind: gateway, credentials: uniqe }"));
        error(
                result,
                "unknown-word",
                13,
                42,
                "'uniqe' is not a valid credentials",
                "did you mean 'unique'?",
                "expected one of: unknown, none, default-shared");
    }

    @Test
    void unknownVocabularyWordsSuggestAndSayHowToAddOne() {
        LoadResult result = Models.load(Models.BASE.replace("kind: gateway", "kind: gatway"));
        error(
                result,
                "unknown-word",
                13,
                20,
                "'gatway' is not a known component kind",
                "did you mean 'gateway'?",
                "vocabulary: component-kinds");
    }

    @Test
    void referencesMustBeIdsOrQualifiedIds() {
        LoadResult result = Models.load(Models.BASE.replace(
                "sensor: { kind: sensor, zone: lan-zone }", "sensor: { kind: sensor, zone: \"lan zone\" }"));
        error(result, "bad-reference", 12, 37, "'lan zone' is not a valid reference to a zone");
    }

    @Test
    void idsMayNotContainDots() {
        LoadResult result = Models.load(Models.BASE.replace("hub: { kind: gateway }", "hub.1: { kind: gateway }"));
        error(result, "bad-id", 13, 7, "'hub.1' is not a valid id for a component", "dots are reserved");
    }

    @Test
    void allProblemsOfAFileAreReportedInOneRun() {
        LoadResult result = Models.load("""
                mamori: 1
                stakeholders:
                  ops: { rolez: [operator] }
                systems:
                  a: { owner: ops, category: enterprize, components: { x: { kind: sensr, count: 0 } } }
                """);
        assertThat(result.errors())
                .extracting(d -> d.code())
                .containsExactlyInAnyOrder("unknown-key", "unknown-word", "unknown-word", "out-of-range");
    }
}
