package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori serve}: starts its own PostgreSQL under --data, serves on loopback, stops cleanly. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void servesUntilStoppedAndKeepsItsDataUnderData() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread serving = new Thread(() -> code[0] = Mamori.run(
                new String[] {
                    "serve", "--port", "0", "--data", "server-data", "--init-admin", "first", "--reassess", "24h"
                },
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                dir));
        serving.start();
        Matcher url = waitForUrl(out);
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.group() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\" : \"ok\"");
        assertThat(url.group()).startsWith("http://127.0.0.1:");
        assertThat(Files.isDirectory(dir.resolve("server-data/postgres"))).isTrue();
        Matcher password = Pattern.compile("Its password, shown this once: ([A-Za-z0-9]{20})")
                .matcher(out.toString());
        assertThat(password.find()).as(out.toString()).isTrue();
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url.group() + "/login"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"first\",\"password\":\"" + password.group(1) + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        assertThat(login.body()).contains("mamori_");

        serving.interrupt();
        serving.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(serving.isAlive()).isFalse();
        assertThat(code[0]).as(err.toString()).isEqualTo(0);
        assertThat(out.toString())
                .contains("Re-assessing every landscape now and every 24h.")
                .contains("Mamori server stopped.");
    }

    @Test
    void aReassessIntervalIsANumberAndAUnitWithinBounds() {
        assertThat(ServeCommand.interval("24h")).contains(java.time.Duration.ofHours(24));
        assertThat(ServeCommand.interval("90s")).contains(java.time.Duration.ofSeconds(90));
        assertThat(ServeCommand.interval("7d")).contains(java.time.Duration.ofDays(7));
        assertThat(ServeCommand.interval("30s")).isEmpty();
        assertThat(ServeCommand.interval("400d")).isEmpty();
        assertThat(ServeCommand.interval("1.5h")).isEmpty();
        Cli run = Cli.run(dir, "serve", "--port", "0", "--reassess", "daily");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--reassess").contains("'daily'");
    }

    private static Matcher waitForUrl(StringWriter out) throws InterruptedException {
        Pattern pattern = Pattern.compile("http://[0-9.]+:[0-9]+/api/v1");
        for (int i = 0; i < 1200; i++) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server printed no address: " + out);
    }

    @Test
    void aDatabaseUrlOfAnotherKindIsRefusedWithExitFive() {
        Cli run = Cli.run(dir, "serve", "--port", "0", "--database", "mysql://db.example/x");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err())
                .contains("mamori serve: ")
                .contains("postgresql://")
                .doesNotContain("\tat ");
    }

    @Test
    void passwordStdinWithoutInitAdminIsAUsageError() {
        Cli run = Cli.run(dir, "serve", "--port", "0", "--password-stdin");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--init-admin");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() throws IOException {
        Cli run = Cli.run(dir, "serve", "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--port");
    }
}
