package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.server.MamoriServer;
import dev.mamori.server.account.Principal;
import dev.mamori.server.account.Role;
import dev.mamori.server.db.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori push} against a server the test starts, then {@code mamori audit verify} on its data. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerCommandsTest {

    @TempDir
    static Path dir;

    private static MamoriServer server;
    private static Path data;
    private static Path model;
    private static String url;

    private static final List<String> VENUE = List.of(
            "landscape.yaml",
            "access.yaml",
            "cctv.yaml",
            "facility.yaml",
            "operations.yaml",
            "sensing.yaml",
            "telco.yaml",
            "ticketing.yaml",
            "transport.yaml");

    @BeforeAll
    static void start() throws IOException {
        data = dir.resolve("data");
        server = MamoriServer.start(
                MamoriServer.Options.loopback(0, data),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        url = "http://127.0.0.1:" + server.port();
        server.initAdmin("admin", Optional.of("admin-password-long"));
        var accounts = server.services().accounts();
        String adminToken =
                accounts.login("admin", "admin-password-long", "test", "test").secret();
        Principal admin = accounts.authenticate(adminToken).orElseThrow();
        server.services().landscapes().create(admin, "venue", "landscape.yaml");
        accounts.create("admin", "integrator", Optional.of("integrator-password"), false);
        for (String s : List.of("venue-ops", "orgcom", "telco", "transport-operator")) {
            accounts.grant(admin, "venue", s, "integrator", Role.MAINTAINER);
        }
        String token = accounts.login("integrator", "integrator-password", "ci", "test")
                .secret();
        Files.writeString(dir.resolve("token"), token + "\n");
        model = dir.resolve("venue");
        Files.createDirectories(model);
        // The example as it is, its components' bills of materials included: push sends them along.
        for (String f : VENUE) {
            Files.copy(Cli.REPOSITORY.resolve("examples/venue").resolve(f), model.resolve(f));
        }
        Files.createDirectories(model.resolve("sbom"));
        try (var sboms = Files.list(Cli.REPOSITORY.resolve("examples/venue/sbom"))) {
            for (Path sbom : sboms.toList()) {
                Files.copy(sbom, model.resolve("sbom").resolve(sbom.getFileName()));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String[] push(String stakeholder, String... files) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "push",
                "--server",
                url,
                "--landscape",
                "venue",
                "--stakeholder",
                stakeholder,
                "--token-file",
                "token",
                "-m",
                "from the test"));
        for (String f : files) {
            args.add("venue/" + f);
        }
        return args.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void aPushIsAcceptedAsARevision() {
        Cli run = Cli.run(dir, push("venue-ops", VENUE.toArray(String[]::new)));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.out())
                .contains("Revision 1 of venue accepted (")
                .contains("Open findings that concern venue-ops");
        // The bills of materials the files name went with them and are kept with the revision.
        var files = server.services().transactions().run(c -> {
            java.util.List<String> kept = new java.util.ArrayList<>();
            try (var q = c.prepareStatement("SELECT path FROM revision_file WHERE kind = 'sbom' ORDER BY path")) {
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        kept.add(rs.getString(1));
                    }
                }
            }
            return kept;
        });
        assertThat(files)
                .containsExactly(
                        "sbom/cameras-legacy.cdx.json", "sbom/cameras-ptz.spdx.json", "sbom/lte-router.cdx.json");
    }

    @Test
    @Order(2)
    void aBillOfMaterialsOutsideTheLandscapeFolderIsNotSent() throws IOException {
        Path cctv = model.resolve("cctv.yaml");
        String original = Files.readString(cctv);
        Files.writeString(dir.resolve("outside.cdx.json"), "{}");
        Files.writeString(cctv, original.replace("sbom: sbom/cameras-legacy.cdx.json", "sbom: ../outside.cdx.json"));
        try {
            Cli run = Cli.run(dir, push("venue-ops", "cctv.yaml"));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("is not inside the landscape folder");
        } finally {
            Files.writeString(cctv, original);
        }
    }

    @Test
    @Order(2)
    void anInvalidPushPrintsTheLocatedErrorsAndExitsOne() throws IOException {
        Path access = model.resolve("access.yaml");
        String original = Files.readString(access);
        Files.writeString(access, original.replaceFirst("zone: gate-ot", "zone: gate-nowhere"));
        try {
            Cli run = Cli.run(dir, push("orgcom", "access.yaml"));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("access.yaml:43:")
                    .contains("gate-nowhere")
                    .contains("refused");
        } finally {
            Files.writeString(access, original);
        }
    }

    @Test
    @Order(3)
    void withoutATokenOrWithAFileOutsideTheFolderItIsAUsageError() throws IOException {
        Cli noToken = Cli.run(
                dir,
                "push",
                "--server",
                url,
                "--landscape",
                "venue",
                "--stakeholder",
                "orgcom",
                "--token-file",
                "missing",
                "venue/access.yaml");
        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.err()).contains("--token-file");
        Files.writeString(dir.resolve("outside.yaml"), "mamori: 1\n");
        Cli outside = Cli.run(
                dir,
                "push",
                "--server",
                url,
                "--landscape",
                "venue",
                "--stakeholder",
                "orgcom",
                "--token-file",
                "token",
                "--root",
                "venue",
                "outside.yaml");
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).contains("not inside the landscape folder");
    }

    @Test
    @Order(4)
    void anUnreachableServerExitsFive() {
        Cli run = Cli.run(
                dir,
                "push",
                "--server",
                "http://127.0.0.1:1",
                "--landscape",
                "venue",
                "--stakeholder",
                "orgcom",
                "--token-file",
                "token",
                "venue/access.yaml");
        assertThat(run.exitCode()).isEqualTo(5);
    }

    @Test
    @Order(5)
    void theAuditChainVerifiesAndATamperedRecordIsNamed() throws Exception {
        server.close();
        server = null;
        Cli intact = Cli.run(dir, "audit", "verify", "--data", "data");
        assertThat(intact.exitCode()).as(intact.err()).isEqualTo(0);
        assertThat(intact.out()).containsPattern("Audit chain intact: \\d+ records\\.");
        // Only by switching the database's own guard off can a record be changed: as a saboteur would.
        try (Database db = MamoriServer.openDatabase(MamoriServer.Options.loopback(0, data));
                Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_change");
            s.execute("UPDATE audit_record SET actor = 'mallory' WHERE seq = 3");
        }
        Cli broken = Cli.run(dir, "audit", "verify", "--data", "data");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("Audit chain broken at record 3:").contains("no longer matches its hash");
    }

    @Test
    @Order(6)
    void auditVerifyWithoutADatabaseIsAUsageError() {
        Cli run = Cli.run(dir, "audit", "verify", "--data", "nowhere");
        assertThat(run.exitCode()).isEqualTo(2);
    }
}
