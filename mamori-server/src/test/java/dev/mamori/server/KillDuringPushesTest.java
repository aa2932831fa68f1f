package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.server.audit.AuditLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The server process killed with SIGKILL while clients push, again and again on the same data:
 * after each restart every acknowledged revision is there with the hash it was acknowledged with,
 * no revision is half-written (each has all its files, matching its content hash, and its
 * assessment), the numbers run without a gap, every push has one audit record, and the audit chain
 * verifies.
 */
class KillDuringPushesTest {

    private static final Path DATA = TestData.folder();
    private static final int ROUNDS = 4;
    private static final int PUSHERS = 3;

    @AfterAll
    static void clean() {
        TestData.delete(DATA);
    }

    /** Acknowledged pushes: revision number → content hash. */
    private final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();

    @Test
    void killedMidPushRepeatedlyItLosesNothingAcknowledgedAndWritesNothingHalf() throws Exception {
        Random random = new Random(17);
        String token = null;
        for (int round = 0; round < ROUNDS; round++) {
            Process server = start();
            try {
                int port = port(server);
                Client client = new Client(port);
                if (token == null) {
                    token = setUp(client);
                }
                AtomicBoolean dead = new AtomicBoolean();
                List<Thread> pushers = new ArrayList<>();
                for (int p = 0; p < PUSHERS; p++) {
                    int pusher = p;
                    int r = round;
                    String t = token;
                    Thread thread = new Thread(() -> push(client, t, r, pusher, dead));
                    thread.start();
                    pushers.add(thread);
                }
                // Killed while pushes are in flight: once this round's first push is acknowledged (a
                // cold server on a busy machine takes seconds for it), within the next pushes.
                int before = acknowledged.size();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (acknowledged.size() == before && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(200 + random.nextInt(1500));
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
                dead.set(true);
                for (Thread thread : pushers) {
                    thread.join(TimeUnit.SECONDS.toMillis(60));
                }
            } finally {
                server.destroyForcibly();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(acknowledged.size())
                .as("pushes acknowledged across the rounds")
                .isGreaterThan(ROUNDS);

        try (MamoriServer again = MamoriServer.start(
                MamoriServer.Options.loopback(0, DATA),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            try (Connection c = again.database().connect()) {
                Map<Integer, String> kept = new TreeMap<>();
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT number, content_hash, id FROM revision"
                                + " WHERE landscape_id = 'venue' ORDER BY number")) {
                    while (rs.next()) {
                        kept.put(rs.getInt(1), rs.getString(2));
                        assertWhole(c, rs.getLong(3), rs.getString(2));
                    }
                }
                assertThat(kept).containsAllEntriesOf(acknowledged);
                assertThat(kept.keySet()).containsExactlyElementsOf(range(kept.size()));
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(
                                "SELECT count(*) FROM audit_record WHERE action = 'push' AND landscape = 'venue'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("one audit record per revision").isEqualTo(kept.size());
                }
                assertThat(AuditLog.verify(c).intact()).isTrue();
            }
            // And it goes on serving pushes.
            Client client = new Client(again.port());
            String t = login(client, "integrator", "integrator-password-long");
            assertThat(pushOnce(client, t, "after the kills").status()).isEqualTo(201);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /** A revision has every file of the landscape, each matching its hash and together the content hash, and its assessment. */
    private static void assertWhole(Connection c, long revision, String contentHash) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (PreparedStatement q =
                c.prepareStatement("SELECT path, sha256, content FROM revision_file WHERE revision_id = ?")) {
            q.setLong(1, revision);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(sha256(rs.getBytes(3))).isEqualTo(rs.getString(2));
                    files.put(rs.getString(1), rs.getBytes(3));
                }
            }
        }
        // The model files and the bills of materials their components name.
        assertThat(files).hasSize(Venue.FILES.size() + Venue.SBOMS.size());
        StringBuilder manifest = new StringBuilder();
        files.forEach((path, content) ->
                manifest.append(sha256(content)).append("  ").append(path).append('\n'));
        assertThat(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(contentHash);
        for (String table : List.of("finding", "revision_system", "revision_mission", "revision_treatment")) {
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE revision_id = ?")) {
                q.setLong(1, revision);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1))
                            .as(table + " of revision " + revision)
                            .isPositive();
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process start() throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        RestartableServerMain.class.getName(),
                        DATA.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int port(Process server) throws java.io.IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the server in the other JVM started").startsWith("port ");
        return Integer.parseInt(line.substring(5).trim());
    }

    /** The landscape, an integrator who maintains every stakeholder, and the first revision; its token. */
    private String setUp(Client client) {
        String admin = login(client, "admin", "admin-password-long");
        Venue.check(client.post("/api/v1/landscapes", admin, Map.of("id", "venue", "root", "landscape.yaml")), 201);
        Venue.check(
                client.post(
                        "/api/v1/accounts",
                        admin,
                        Map.of("name", "integrator", "password", "integrator-password-long")),
                201);
        for (String s : List.of("venue-ops", "orgcom", "telco", "transport-operator")) {
            Venue.check(
                    client.send(
                            "PUT",
                            "/api/v1/landscapes/venue/stakeholders/" + s + "/members/integrator/maintainer",
                            admin,
                            new byte[0]),
                    200);
        }
        String token = login(client, "integrator", "integrator-password-long");
        Map<String, String> files = new LinkedHashMap<>();
        Venue.FILES.forEach(f -> files.put(f, Venue.read(f)));
        Venue.SBOMS.forEach(f -> files.put(f, Venue.read(f)));
        Client.Answer first = client.post("/api/v1/landscapes/venue/push", token, body("venue-ops", "first", files));
        Venue.check(first, 201);
        acknowledged.put(
                first.json().path("revision").asInt(),
                first.json().path("contentHash").asText());
        return token;
    }

    private static String login(Client client, String name, String password) {
        Client.Answer answer = client.post("/api/v1/login", null, Map.of("name", name, "password", password));
        Venue.check(answer, 201);
        return answer.json().path("token").asText();
    }

    private static Map<String, Object> body(String stakeholder, String message, Map<String, String> files) {
        List<Map<String, String>> list = Venue.entries(files);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stakeholder", stakeholder);
        body.put("message", message);
        body.put("files", list);
        return body;
    }

    private static Client.Answer pushOnce(Client client, String token, String message) {
        String cctv = Venue.read("cctv.yaml") + "# " + message + "\n";
        return client.post(
                "/api/v1/landscapes/venue/push", token, body("venue-ops", message, Map.of("cctv.yaml", cctv)));
    }

    private void push(Client client, String token, int round, int pusher, AtomicBoolean dead) {
        for (int i = 0; !dead.get(); i++) {
            Client.Answer answer;
            try {
                answer = pushOnce(client, token, "round " + round + " pusher " + pusher + " push " + i);
            } catch (UncheckedIOException e) {
                return; // the server is gone: this push was never acknowledged
            }
            if (answer.status() == 201) {
                JsonNode json = answer.json();
                acknowledged.put(
                        json.path("revision").asInt(), json.path("contentHash").asText());
            } else if (!dead.get()) {
                throw new AssertionError("a push was refused while the server lived: " + answer.text());
            }
        }
    }
}
