package dev.mamori.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.risk.Finding;
import dev.mamori.engine.risk.RiskAssessment;
import dev.mamori.engine.risk.Rule;
import dev.mamori.engine.risk.RuleMetadata;
import dev.mamori.engine.risk.Severity;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule fires exactly on the lines its fixture marks, with the severity the mark states, and
 * its findings explain themselves.
 */
class RuleFixturesTest {

    static Stream<Rule> rules() {
        return RuleCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void firesExactlyOnTheMarkedLines(Rule rule) throws IOException {
        String id = rule.metadata().id();
        String text = RuleFixtures.text(id)
                .orElseThrow(() -> new AssertionError("no fixture fixtures/" + id + ".yaml for rule " + id));
        Map<Integer, String> expected = RuleFixtures.expected(text, id);
        assertThat(expected)
                .as("the fixture of %s marks no line with '# expect: %s SEVERITY'", id, id)
                .isNotEmpty();
        assertThat(expected.values())
                .as("every '# expect: %s' mark states its severity (info, low, medium, high, critical)", id)
                .allMatch(s ->
                        Arrays.stream(Severity.values()).anyMatch(v -> v.word().equals(s)));
        RiskAssessment assessment = RuleFixtures.assess(id + ".yaml", text, List.of(rule));
        assertThat(RuleFixtures.fired(assessment, id))
                .as("lines where %s fired, with the severity of each finding", id)
                .isEqualTo(expected);
        for (Finding finding : assessment.findings()) {
            assertThat(finding.explanation()).as("explanation").isNotBlank();
            assertThat(finding.scoring()).as("scoring").contains("likelihood").contains("impact");
            assertThat(finding.mitigations()).isNotEmpty();
            assertThat(finding.location().file()).isEqualTo(id + ".yaml");
        }
    }

    @Test
    void ruleIdsAreUniqueAndMetadataComplete() {
        Set<String> ids = new HashSet<>();
        for (Rule rule : RuleCatalog.all()) {
            RuleMetadata m = rule.metadata();
            assertThat(ids.add(m.id())).as("duplicate rule id %s", m.id()).isTrue();
            assertThat(m.title()).as(m.id()).isNotBlank();
            assertThat(m.rationale()).as(m.id()).isNotBlank().hasSizeGreaterThan(40);
            assertThat(rule.getClass().getSimpleName())
                    .as("one rule, one class, named after its id")
                    .isEqualToIgnoringCase(m.id().replace("-", ""));
        }
    }

    @Test
    void everyFixtureBelongsToARule() throws IOException {
        Set<String> ids = new HashSet<>();
        RuleCatalog.all().forEach(r -> ids.add(r.metadata().id()));
        try (var files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/test/resources/dev/mamori/engine/rules/fixtures"))) {
            files.map(p -> p.getFileName().toString().replaceFirst("\\.yaml$", ""))
                    .forEach(name -> assertThat(ids)
                            .as("fixture %s.yaml has no rule", name)
                            .contains(name));
        }
    }

    /**
     * A rule class that the catalog does not list would never run: every concrete Rule in the
     * rules packages must be registered. Scans the compiled classes beside RuleCatalog.
     */
    @Test
    void everyRuleClassIsInTheCatalog() throws Exception {
        // the directory the main classes were loaded from: the test classes share the package name
        java.nio.file.Path root = java.nio.file.Path.of(RuleCatalog.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("dev/mamori/engine/rules");
        Set<Class<?>> found = new HashSet<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file :
                    files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = "dev.mamori.engine.rules."
                        + root.relativize(file)
                                .toString()
                                .replace(java.io.File.separatorChar, '.')
                                .replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(name, false, RuleCatalog.class.getClassLoader());
                if (Rule.class.isAssignableFrom(type)
                        && !type.isInterface()
                        && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    found.add(type);
                }
            }
        }
        Set<Class<?>> registered = new HashSet<>();
        RuleCatalog.all().forEach(r -> registered.add(r.getClass()));
        assertThat(found).as("rule classes in the rules packages").hasSizeGreaterThanOrEqualTo(62);
        assertThat(registered).as("rules registered in RuleCatalog").containsAll(found);
    }
}
