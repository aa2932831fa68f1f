package dev.mamori.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is what the rules' metadata says; -Dmamori.regenerate=true rewrites it. */
class RulesDocTest {

    /** Tests run in mamori-engine; the docs are at the repository root. */
    private static final Path PAGE = Path.of("../docs/rules.md");

    /**
     * The page is compared whole, with the rules of the other modules, by RulesPageTest in
     * mamori-cli; here, each built-in rule's section is on it as written from its metadata.
     */
    @Test
    void theRulesPageHasTheGeneratedSectionOfEveryBuiltInRule() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String generated = RulesDoc.markdown(RuleCatalog.all());
        for (var rule : RuleCatalog.all()) {
            String id = rule.metadata().id();
            int at = generated.indexOf("\n### " + id + "\n");
            int end = generated.indexOf("\n###", at + 1);
            String section =
                    generated.substring(at, end < 0 ? generated.length() : end).replaceAll("\n## [^\n]*\n$", "");
            assertThat(page)
                    .as("docs/rules.md is stale for %s: rewrite it with %s", id, RulesDoc.REGENERATE)
                    .contains(section);
        }
    }

    @Test
    void thePageNamesEveryRuleAndHowToRewriteIt() {
        String page = RulesDoc.markdown(RuleCatalog.all());
        assertThat(page).contains(RulesDoc.REGENERATE);
        RuleCatalog.all()
                .forEach(r -> assertThat(page).contains("### " + r.metadata().id() + "\n"));
    }
}
