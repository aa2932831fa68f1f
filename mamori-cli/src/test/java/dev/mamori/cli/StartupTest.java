package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Start-up builds only the command that runs; help and typos still see every command. */
class StartupTest {

    private static MamoriCommand root() {
        return new MamoriCommand(Path.of("."), false, new PrintWriter(new StringWriter()));
    }

    @Test
    void aNamedCommandIsTheOnlyOneBuilt() {
        assertThat(MamoriCommand.commandLine(root(), new String[] {"assess", "m.yaml"})
                        .getSubcommands()
                        .keySet())
                .containsExactly("assess");
        assertThat(MamoriCommand.commandLine(root(), new String[] {"import", "threagile", "t.yaml"})
                        .getSubcommands()
                        .get("import")
                        .getSubcommands())
                .containsKey("threagile");
    }

    @Test
    void theVersionAloneBuildsNoCommand() {
        for (String[] args : new String[][] {{"--version"}, {"-V"}}) {
            assertThat(MamoriCommand.commandLine(root(), args).getSubcommands()).isEmpty();
        }
        assertThat(MamoriCommand.commandLine(root(), new String[] {"--version", "--help"})
                        .getSubcommands())
                .hasSize(25);
    }

    @Test
    void withoutACommandEveryCommandIsThereInHelpOrder() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "assess"}, {"asess"}}) {
            assertThat(MamoriCommand.commandLine(root(), args).getSubcommands().keySet())
                    .startsWith("validate", "init", "schema")
                    .contains("assess", "report", "diff", "import", "help")
                    .contains("enforce", "drift", "fix", "vulns", "vex", "share")
                    .hasSize(25);
        }
    }
}
