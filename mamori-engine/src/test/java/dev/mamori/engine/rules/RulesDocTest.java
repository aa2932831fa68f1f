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

    @Test
    void theRulesPageIsTheGeneratedOne() throws IOException {
        String generated = RulesDoc.markdown(RuleCatalog.all());
        if (Boolean.getBoolean("mamori.regenerate")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE))
                .as("docs/rules.md exists; write it with " + RulesDoc.REGENERATE)
                .isTrue();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale: rewrite it with " + RulesDoc.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void thePageNamesEveryRuleAndHowToRewriteIt() {
        String page = RulesDoc.markdown(RuleCatalog.all());
        assertThat(page).contains(RulesDoc.REGENERATE);
        RuleCatalog.all()
                .forEach(r -> assertThat(page).contains("### " + r.metadata().id() + "\n"));
    }
}
