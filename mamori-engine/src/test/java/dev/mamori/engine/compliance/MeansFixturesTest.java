package dev.mamori.engine.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.engine.assessment.Assessor;
import dev.mamori.engine.compliance.ComplianceResult.MeansResult;
import dev.mamori.engine.compliance.ComplianceResult.RequirementResult;
import dev.mamori.engine.compliance.ComplianceResult.SubjectResult;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.rules.RuleCatalog;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every means is applied and verified on fixture models: a comment {@code # expect: MEANS VERDICT}
 * on an element's line says where that means must stand for that element (for a means that does not
 * apply, on the system's line); a comment line of its own applies to the next line that is not a
 * comment. Across the fixtures, every means of the catalog must be expected satisfied, failing (not
 * satisfied or needing review) and not applicable at least once, so a new means without fixtures
 * fails the build.
 */
class MeansFixturesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final List<String> FIXTURES = List.of("devices.yaml", "systems.yaml");
    private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(.+)$");
    private static final Pattern COMMENT_LINE = Pattern.compile("^\\s*#.*$");

    record Expectation(String means, int line, String verdict) {}

    static String text(String name) {
        try (InputStream in = MeansFixturesTest.class.getResourceAsStream("fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Assessment assess(String name) {
        ModelLoader loader = new ModelLoader(
                ModelSource.inMemory(Map.of(Path.of(name), text(name).getBytes(StandardCharsets.UTF_8))),
                new ModelLoader.Options(ReadLimits.DEFAULT, TODAY));
        LoadResult result = loader.load(List.of(Path.of(name)));
        if (!result.valid()) {
            throw new AssertionError(name + " is not a valid model:\n"
                    + result.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return new Assessor(RuleCatalog.all())
                .assess(result.landscape().orElseThrow(), result.warnings(), AssessmentOptions.on(TODAY));
    }

    static List<Expectation> expectations(String name) {
        List<Expectation> out = new ArrayList<>();
        String[] lines = text(name).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (m.find()) {
                int line = i;
                if (COMMENT_LINE.matcher(lines[i]).matches()) {
                    while (line < lines.length
                            && (COMMENT_LINE.matcher(lines[line]).matches() || lines[line].isBlank())) {
                        line++;
                    }
                }
                for (String part : m.group(1).split(",")) {
                    String[] words = part.trim().split("\\s+");
                    out.add(new Expectation(words[0], line + 1, words[1]));
                }
            }
        }
        return out;
    }

    /** Every verdict the evaluation gave, as (means, line, verdict). */
    static Set<Expectation> actual(Assessment assessment) {
        Set<Expectation> out = new HashSet<>();
        for (SystemCompliance system : assessment.compliance().systems()) {
            for (RequirementResult r : system.requirements()) {
                for (MeansResult m : r.means()) {
                    if (m.verdict() == Verdict.NOT_APPLICABLE) {
                        out.add(new Expectation(m.means().id(), system.at().line(), "not-applicable"));
                    }
                    for (SubjectResult s : m.subjects()) {
                        out.add(new Expectation(
                                m.means().id(),
                                s.subject().at().line(),
                                s.verdict().word()));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"devices.yaml", "systems.yaml"})
    void everyExpectedVerdictIsGiven(String name) {
        Assessment assessment = assess(name);
        Set<Expectation> actual = actual(assessment);
        List<Expectation> expected = expectations(name);
        assertThat(expected).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        for (Expectation e : expected) {
            if (!actual.contains(e)) {
                wrong.add(name + ":" + e.line() + " " + e.means() + " should be " + e.verdict() + "; given there: "
                        + actual.stream()
                                .filter(a -> a.line() == e.line() && a.means().equals(e.means()))
                                .map(Expectation::verdict)
                                .toList());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The fixtures expect every means of the built-in catalog satisfied, failing and not applicable
     * somewhere. A means for the whole system ({@code applies-to: always}) always applies, so it is
     * excused from not applicable (the test below checks it never is).
     */
    @Test
    void everyMeansOfTheCatalogIsExpectedSatisfiedFailingAndNotApplicable() {
        Map<String, Set<String>> seen = new java.util.HashMap<>();
        for (String fixture : FIXTURES) {
            for (Expectation e : expectations(fixture)) {
                String kind = switch (e.verdict()) {
                    case "satisfied" -> "satisfied";
                    case "not-satisfied", "needs-review" -> "failing";
                    case "not-applicable" -> "not-applicable";
                    default -> throw new AssertionError(fixture + ":" + e.line() + " no verdict " + e.verdict());
                };
                seen.computeIfAbsent(e.means(), k -> new HashSet<>()).add(kind);
            }
        }
        Catalog catalog = CatalogReader.builtIn();
        List<String> missing = new ArrayList<>();
        for (Means m : catalog.means()) {
            Set<String> wanted = new java.util.TreeSet<>(Set.of("satisfied", "failing", "not-applicable"));
            if (m.appliesTo() == Condition.ALWAYS) {
                wanted.remove("not-applicable");
            }
            wanted.removeAll(seen.getOrDefault(m.id(), Set.of()));
            if (!wanted.isEmpty()) {
                missing.add(m.id() + " never expected " + String.join(", ", wanted));
            }
        }
        assertThat(missing).as("means without fixtures").isEmpty();
        assertThat(seen.keySet())
                .as("expected means the catalog has")
                .isSubsetOf(catalog.means().stream().map(Means::id).toList());
    }

    @Test
    void inASystemWithNothingInItOnlyTheMeansForTheWholeSystemApply() {
        SystemCompliance empty = assess("devices.yaml").compliance().systems().stream()
                .filter(s -> s.system().equals("empty"))
                .findFirst()
                .orElseThrow();
        for (RequirementResult r : empty.requirements()) {
            for (MeansResult m : r.means()) {
                if (m.means().appliesTo() == Condition.ALWAYS) {
                    assertThat(m.verdict()).as(m.means().id()).isNotEqualTo(Verdict.NOT_APPLICABLE);
                } else {
                    assertThat(m.verdict()).as(m.means().id()).isEqualTo(Verdict.NOT_APPLICABLE);
                    assertThat(m.why())
                            .as(m.means().id())
                            .startsWith("no " + m.means().appliesTo().what());
                }
            }
        }
    }

    @Test
    void aRequirementHoldsOnlyWhenEveryApplicableMeansHolds() {
        SystemCompliance weak = assess("devices.yaml").compliance().systems().stream()
                .filter(s -> s.system().equals("weak"))
                .findFirst()
                .orElseThrow();
        RequirementResult passwords = weak.requirements().stream()
                .filter(r -> r.requirement().id().equals("no-universal-default-passwords"))
                .findFirst()
                .orElseThrow();
        assertThat(passwords.verdict()).isEqualTo(Verdict.NOT_SATISFIED);
        assertThat(passwords.obligation()).isEqualTo(Obligation.STATUTORY);
        assertThat(passwords.obligationWhy()).contains("uk").contains("PSTI").contains("applies since 2024-04-29");
        MeansResult perUnit = passwords.means().get(0);
        assertThat(perUnit.findings()).extracting(f -> f.rule()).contains("default-credentials");
        assertThat(perUnit.gap()).isNotEmpty();
    }
}
