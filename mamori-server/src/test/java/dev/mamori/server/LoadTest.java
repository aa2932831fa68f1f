package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 200 clients at once, each with its own HTTP client, reading (findings, paths, revisions, inbox,
 * treatments) and one in five also pushing: every request answered without error, every push
 * recorded once as a revision and once in the audit log. Latencies are printed, not asserted
 * (docs/performance.md gives them with the command).
 */
@Tag("slow")
class LoadTest {

    private static final int CLIENTS = 200;
    private static final int READS_EACH = 5;
    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Venue venue;

    @BeforeAll
    static void start() {
        server = TestData.quietServer(DATA);
        venue = new Venue(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private record Call(String what, int status, long nanos, String body) {}

    @Test
    void twoHundredClientsReadAndPushWithoutAnErrorAndEveryPushIsRecordedOnce() throws Exception {
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        CyclicBarrier together = new CyclicBarrier(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        String base = "/api/v1/landscapes/venue/";
        List<String> reads = List.of(
                "findings?stakeholder=%s&limit=100",
                "paths?stakeholder=%s",
                "revisions?stakeholder=%s",
                "inbox?stakeholder=%s",
                "treatments?stakeholder=%s&expiring=14");
        long began = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                Client client = new Client(server.port());
                String stakeholder = n % 2 == 0 ? "venue-ops" : "orgcom";
                String token = venue.token(stakeholder + "/viewer");
                try {
                    together.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int r = 0; r < READS_EACH; r++) {
                    String path = base + reads.get((n + r) % reads.size()).formatted(stakeholder);
                    long t0 = System.nanoTime();
                    Client.Answer a = client.get(path, token);
                    calls.add(new Call("read", a.status(), System.nanoTime() - t0, a.status() >= 300 ? a.text() : ""));
                    if (r == 2 && n % 5 == 0) {
                        String message = "load " + n;
                        long p0 = System.nanoTime();
                        Client.Answer pushed = venue.pushContents(
                                "venue-ops/maintainer",
                                "venue-ops",
                                message,
                                Map.of("cctv.yaml", Venue.read("cctv.yaml") + "# " + message + "\n"));
                        calls.add(new Call(
                                "push",
                                pushed.status(),
                                System.nanoTime() - p0,
                                pushed.status() >= 300 ? pushed.text() : ""));
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        for (Thread t : clients) {
            t.join(TimeUnit.MINUTES.toMillis(10));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Call> all = new ArrayList<>(calls);
        int pushes = CLIENTS / 5;
        assertThat(all).hasSize(CLIENTS * READS_EACH + pushes);
        assertThat(all.stream().filter(c -> c.status() >= 300).toList()).isEmpty();

        // Every push once as a revision, with its own message, and once in the audit log.
        JsonNode revisions = venue.client
                .get(base + "revisions?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json();
        Map<String, Integer> messages = new TreeMap<>();
        revisions.forEach(r -> {
            if (r.path("message").asText().startsWith("load ")) {
                messages.merge(r.path("message").asText(), 1, Integer::sum);
            }
        });
        assertThat(messages).hasSize(pushes);
        assertThat(messages.values()).containsOnly(1);
        assertThat(revisions.size()).isEqualTo(1 + pushes);
        JsonNode audit =
                venue.client.get("/api/v1/audit?limit=500", venue.adminToken).json();
        long pushRecords = 0;
        for (JsonNode record : audit) {
            if (record.path("action").asText().equals("push")) {
                pushRecords++;
            }
        }
        assertThat(pushRecords).isEqualTo(1 + pushes);

        for (String what : List.of("read", "push")) {
            List<Long> ms = new ArrayList<>();
            all.stream().filter(c -> c.what().equals(what)).forEach(c -> ms.add(c.nanos() / 1_000_000));
            Collections.sort(ms);
            System.out.printf(
                    "load: %d %ss, p50 %d ms, p99 %d ms, max %d ms%n",
                    ms.size(),
                    what,
                    ms.get(ms.size() / 2),
                    ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.99) - 1)),
                    ms.get(ms.size() - 1));
        }
        System.out.printf(
                "load: %d requests by %d clients in %.1f s, %.1f requests/s%n",
                all.size(), CLIENTS, seconds, all.size() / seconds);
    }
}
