package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.app.Workspace;
import dev.mamori.engine.rules.RulesDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is what the metadata of every rule says, the built-in ones and the known-vulnerability
 * rules of mamori-vulns alike, as `mamori rules` lists them; -Dmamori.regenerate=true rewrites it.
 */
class RulesPageTest {

    private static final Path PAGE = Cli.REPOSITORY.resolve("docs/rules.md");

    @Test
    void theRulesPageIsTheGeneratedOne() throws IOException {
        String generated = RulesDoc.markdown(Workspace.allRules());
        if (Boolean.getBoolean("mamori.regenerate")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale: rewrite it with " + RulesDoc.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void theKnownVulnerabilityRulesHaveTheirSection() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        assertThat(page)
                .contains("## Known vulnerabilities\n")
                .contains("### known-exploited-vulnerability\n")
                .contains("### known-vulnerability\n")
                .contains("`mamori-vulns/src/main/java/dev/mamori/vulns/findings/`");
    }
}
