package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a fix is an edit of the model, shown, applied where it is written, and checked. */
class FixCommandTest {

    @TempDir
    Path dir;

    private static final String MODEL = """
            mamori: 1
            stakeholders:
              ops: { roles: [operator] }
            systems:
              shop:
                owner: ops
                operator: ops
                category: enterprise
                components:
                  # the door controllers by the loading bay
                  door: { kind: lock, count: 4, credentials: default-shared }   # keep this comment
                  sensor: { kind: sensor, secure-boot: false, hazards: { x: { severity: marginal, interlock: a relay } } }
            """;

    private Path write() throws IOException {
        Path model = dir.resolve("m.yaml");
        Files.writeString(model, MODEL, StandardCharsets.UTF_8);
        return model;
    }

    @Test
    void withoutApplyTheFixIsShownAndNothingWritten() throws IOException {
        Path model = write();
        Cli cli = Cli.run(dir, "fix", "default-credentials@shop.door", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("default-credentials@shop.door")
                .contains("fix: set credentials: unique")
                .contains("- "
                        + "      door: { kind: lock, count: 4, credentials: default-shared }   # keep this comment")
                .contains("+ " + "      door: { kind: lock, count: 4, credentials: unique }   # keep this comment")
                .contains("add --apply");
        assertThat(Files.readString(model)).isEqualTo(MODEL);
    }

    @Test
    void withApplyTheFileChangesOnThatLineOnlyAndTheFindingIsGone() throws IOException {
        Path model = write();
        Cli cli = Cli.run(dir, "fix", "default-credentials@shop.door", "--apply", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("checked: the model is valid and the finding is gone");
        assertThat(Files.readString(model))
                .isEqualTo(MODEL.replace("credentials: default-shared }", "credentials: unique }"));
        Cli again = Cli.run(dir, "fix", "default-credentials@shop.door", "--today", "2026-11-22", "m.yaml");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("no finding default-credentials@shop.door");
    }

    @Test
    void aModelNamedThroughALinkIsFixedWhereTheLinkLeads() throws IOException {
        Path model = write();
        Path link = Files.createSymbolicLink(dir.resolve("linked.yaml"), model);
        Cli cli =
                Cli.run(dir, "fix", "default-credentials@shop.door", "--apply", "--today", "2026-11-22", "linked.yaml");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(model))
                .isEqualTo(MODEL.replace("credentials: default-shared }", "credentials: unique }"));
    }

    @Test
    void aFindingWithoutAnEditSaysSoWithItsRemedies() throws IOException {
        write();
        // Who made the locks is a fact only the operator can find out: no value to set for them.
        Cli cli = Cli.run(dir, "fix", "device-without-manufacturer@shop.door", "--today", "2026-11-22", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("has no edit of the model that fixes it; its remedies:");
    }

    /** Who made the locks is the operator's to say: the makers on record are offered, one is applied when named. */
    @Test
    void aChoiceIsListedAndAppliedOnlyWhenNamed() throws IOException {
        Path model = dir.resolve("m.yaml");
        String text = MODEL.replace(
                "  ops: { roles: [operator] }\n",
                "  ops: { roles: [operator] }\n  lockco: { roles: [manufacturer] }\n  gateco: { roles: [manufacturer] }\n");
        Files.writeString(model, text, StandardCharsets.UTF_8);
        Cli shown = Cli.run(dir, "fix", "device-without-manufacturer@shop.door", "--today", "2026-11-22", "m.yaml");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("fix: set manufacturer: one of lockco, gateco (yours to choose");
        Cli unnamed = Cli.run(
                dir, "fix", "device-without-manufacturer@shop.door", "--apply", "--today", "2026-11-22", "m.yaml");
        assertThat(unnamed.exitCode()).isEqualTo(2);
        assertThat(unnamed.err()).contains("name it with --value");
        Cli wrong = Cli.run(
                dir,
                "fix",
                "device-without-manufacturer@shop.door",
                "--apply",
                "--value",
                "ops",
                "--today",
                "2026-11-22",
                "m.yaml");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err())
                .contains("offers no edit setting ops; it offers manufacturer: lockco, manufacturer: gateco");
        assertThat(Files.readString(model)).isEqualTo(text);
        Cli named = Cli.run(
                dir,
                "fix",
                "device-without-manufacturer@shop.door",
                "--apply",
                "--value",
                "gateco",
                "--today",
                "2026-11-22",
                "m.yaml");
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(Files.readString(model))
                .isEqualTo(text.replace(
                        "credentials: default-shared }", "credentials: default-shared, manufacturer: gateco }"));
    }

    @Test
    void theFindingAndTheModelAreBothNeeded() throws IOException {
        write();
        Cli cli = Cli.run(dir, "fix", "m.yaml");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("give the finding (RULE@ELEMENT) and the model file");
    }
}
