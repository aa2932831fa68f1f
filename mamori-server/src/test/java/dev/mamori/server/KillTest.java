package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed with SIGKILL leaves its PostgreSQL running and holding the data folder; the next
 * start stops that one and comes up on the same data, with nothing lost that was committed.
 */
class KillTest {

    private static final Path DATA = TestData.folder();

    @AfterAll
    static void clean() {
        TestData.delete(DATA);
    }

    @Test
    void aRestartAfterKillNineFindsTheDataAndTheChainWhole() throws Exception {
        String javaBinary =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process killed = new ProcessBuilder(
                        javaBinary,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledServerMain.class.getName(),
                        DATA.toString(),
                        "before-kill")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int port;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the server in the other JVM started").startsWith("port ");
            port = Integer.parseInt(line.substring(5).trim());
            Client client = new Client(port);
            assertThat(client.get("/api/v1/health", null).status()).isEqualTo(200);
        } finally {
            killed.destroyForcibly();
            killed.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(killed.isAlive()).isFalse();
        assertThat(Files.exists(DATA.resolve("postgres").resolve("postmaster.pid")))
                .as("the killed server's PostgreSQL is still running")
                .isTrue();

        try (MamoriServer again = MamoriServer.start(
                MamoriServer.Options.loopback(0, DATA),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(new Client(again.port()).get("/api/v1/health", null).status())
                    .isEqualTo(200);
            Client client = new Client(again.port());
            assertThat(client.post(
                                    "/api/v1/login",
                                    null,
                                    Map.of("name", "before-kill", "password", "before-kill-password"))
                            .status())
                    .as("the account committed before the kill is there")
                    .isEqualTo(201);
            try (Connection c = again.database().connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM account")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (Connection c = again.database().connect()) {
                assertThat(dev.mamori.server.audit.AuditLog.verify(c).intact()).isTrue();
            }
        }
    }
}
