package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'mamori import threagile', and 'mamori assess' given a Threagile file. */
class ImportCommandTest {

    private static final Path FIXTURES =
            Cli.REPOSITORY.resolve("mamori-import-threagile/src/test/resources/dev/mamori/imports/threagile");

    @TempDir
    Path dir;

    @BeforeEach
    void copyFixtures() throws IOException {
        for (String name : new String[] {"cold-chain.yaml", "broken/malformed.yaml", "broken/mamori-model.yaml"}) {
            Path target = dir.resolve(Path.of(name).getFileName());
            Files.copy(FIXTURES.resolve(name), target);
        }
    }

    @Test
    void helpNamesTheToolsAndTheExitCodes() {
        Cli cli = Cli.run(dir, "import", "--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out())
                .contains("Usage: mamori import")
                .contains("threagile")
                .contains("Exit codes:");
        Cli sub = Cli.run(dir, "import", "threagile", "--help");
        assertThat(sub.exitCode()).isZero();
        assertThat(sub.out())
                .contains("Usage: mamori import threagile")
                .contains("docs/import-threagile.md")
                .contains("0   imported")
                .contains("1   the file is not a Threagile model, or is malformed")
                .contains("2   usage error")
                .contains("3   internal error");
    }

    @Test
    void importWithoutAToolIsAUsageError() {
        Cli cli = Cli.run(dir, "import");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("name the tool the model was written for: mamori import threagile FILE");
    }

    @Test
    void importsToStandardOutputWithWarningsOnStandardError() {
        Cli cli = Cli.run(dir, "import", "threagile", "--today", "2026-11-22", "cold-chain.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .startsWith("# Imported from the Threagile model cold-chain.yaml by 'mamori import threagile'.")
                .contains("mamori: 1\nlandscape: Cold Chain Monitoring\n")
                .contains("      cab-gateway:\n        name: Cab Gateway\n        kind: gateway\n");
        assertThat(cli.err())
                .contains("cold-chain.yaml:277:5: warning: technical asset 'Dispatcher Browser' is out of scope in"
                        + " Threagile")
                .contains("cold-chain.yaml:389:3: warning: Threagile's risk 'missing-hardening' has no corresponding"
                        + " Mamori rule")
                .contains("mamori: imported cold-chain.yaml: 7 components, 7 flows, 3 data assets, 3 treatments;");
    }

    @Test
    void writesTheFileNamedByOutputAndItValidates() throws IOException {
        Cli cli = Cli.run(dir, "import", "threagile", "cold-chain.yaml", "-o", "mamori.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("mamori: imported cold-chain.yaml into mamori.yaml:");
        assertThat(Files.readString(dir.resolve("mamori.yaml"), StandardCharsets.UTF_8))
                .contains("treatments:");
        Cli validate = Cli.run(dir, "validate", "mamori.yaml");
        assertThat(validate.exitCode()).as(validate.out()).isZero();
        assertThat(validate.out())
                .contains("valid: Cold Chain Monitoring (1 file, 2 stakeholders, 1 system, 7 components");
    }

    @Test
    void theCategoryCanBeChosen() {
        Cli cli = Cli.run(dir, "import", "threagile", "--category", "industrial", "cold-chain.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("    category: industrial\n");
        Cli bad = Cli.run(dir, "import", "threagile", "--category", "factory", "cold-chain.yaml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--category takes one of consumer, enterprise");
    }

    @Test
    void invalidInputExitsOneWithLocatedErrors() {
        Cli malformed = Cli.run(dir, "import", "threagile", "malformed.yaml", "-o", "out.yaml");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.err())
                .contains("malformed.yaml:21:17: error: no technical asset with id 'nowhere'")
                .contains("mamori: malformed.yaml was not imported: 9 errors");
        assertThat(dir.resolve("out.yaml")).doesNotExist();
        Cli mamori = Cli.run(dir, "import", "threagile", "mamori-model.yaml");
        assertThat(mamori.exitCode()).isEqualTo(1);
        assertThat(mamori.err()).contains("mamori-model.yaml:1:1: error: this is a Mamori model, not a Threagile one");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(Cli.run(dir, "import", "threagile", "missing.yaml").exitCode())
                .isEqualTo(2);
        Cli overwrite = Cli.run(dir, "import", "threagile", "cold-chain.yaml", "-o", "cold-chain.yaml");
        assertThat(overwrite.exitCode()).isEqualTo(2);
        assertThat(overwrite.err()).contains("would overwrite the Threagile model");
    }

    @Test
    void assessReadsAThreagileFileAndPointsIntoIt() {
        Cli cli = Cli.run(dir, "assess", "--today", "2026-11-22", "--all", "cold-chain.yaml");
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.err())
                .contains("mamori: cold-chain.yaml is a Threagile model; it is read as 'mamori import threagile"
                        + " cold-chain.yaml' would write it");
        assertThat(cli.out())
                .startsWith("Cold Chain Monitoring — 1 system, 7 components, 7 flows;")
                // An import warning, and a finding on the technical asset at the line it is written.
                .contains("cold-chain.yaml:366:3: warning: Mamori has no shared runtime")
                .contains("device-exposed-to-internet  cold-chain-monitoring.cab-gateway  cold-chain.yaml:102")
                .contains("treatment: mitigating: Signed configuration frames are being introduced");
    }

    @Test
    void assessOfAMalformedThreagileFileExitsOne() {
        Cli cli = Cli.run(dir, "assess", "malformed.yaml");
        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains("malformed.yaml:25:5: error: the technical asset id 'web' is already used");
    }

    @Test
    void assessOfAMamoriModelIsUnchanged() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), """
                mamori: 1
                landscape: Small
                stakeholders: { ops: { roles: [operator] } }
                systems:
                  a: { owner: ops, operator: ops, category: consumer, components: { x: { kind: sensor } } }
                """);
        Cli cli = Cli.run(dir, "assess", "m.yaml");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).doesNotContain("Threagile");
    }
}
