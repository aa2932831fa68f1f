package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.server.notify.Webhooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What one stakeholder's push changes for another reaches the other: in its inbox, cut to what it
 * may see, and posted to its webhook on loopback, signed, retried after a failure, every attempt
 * logged. The stakeholder that pushed is not told of its own change.
 */
class InboxWebhooksTest {

    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Venue venue;
    private static HttpServer receiver;
    /** What the receiver was sent: the signature header and the body. */
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();

    private static final AtomicInteger CALLS = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = MamoriServer.start(
                MamoriServer.Options.loopback(0, DATA),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new MamoriServer.Tuning(java.time.Clock.systemUTC(), Duration.ofMillis(200), 4, Optional.empty()));
        venue = new Venue(server);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                RECEIVED.add(new String[] {
                    exchange.getRequestHeaders().getFirst(Webhooks.SIGNATURE),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                });
            }
            // The first delivery fails: the server must try again.
            int status = CALLS.incrementAndGet() == 1 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        server.close();
        TestData.delete(DATA);
    }

    private static Set<String> openKeys(int revision, String stakeholder) {
        Set<String> keys = new TreeSet<>();
        JsonNode page = venue.client
                .get(
                        "/api/v1/landscapes/venue/findings?open=true&limit=500&stakeholder=" + stakeholder
                                + "&revision=" + revision,
                        venue.token(stakeholder + "/viewer"))
                .json();
        page.path("findings")
                .forEach(f -> keys.add(
                        f.path("rule").asText() + " " + f.path("element").asText()));
        return keys;
    }

    @Test
    void anotherStakeholdersPushReachesTheInboxAndTheSignedWebhook() throws InterruptedException {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String hooks = "/api/v1/landscapes/venue/stakeholders/venue-ops/webhooks";
        // Only venue-ops's admins configure its webhooks.
        for (String who : List.of("venue-ops/viewer", "venue-ops/maintainer", "orgcom/admin")) {
            assertThat(venue.client
                            .post(hooks, venue.token(who), Map.of("url", url))
                            .status())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(venue.client
                        .post(hooks, venue.token("venue-ops/admin"), Map.of("url", "file:///etc/passwd"))
                        .status())
                .isEqualTo(400);
        String secret = "a-shared-secret-of-venue-ops";
        Client.Answer made =
                venue.client.post(hooks, venue.token("venue-ops/admin"), Map.of("url", url, "secret", secret));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long hook = made.json().path("id").asLong();
        assertThat(venue.client.get(hooks, venue.token("venue-ops/admin")).text())
                .contains(url)
                .doesNotContain(secret);

        // orgcom lets its gate controllers command venue-ops's video recorders, unauthenticated: a way
        // from the gate vendor's exposed support path into venue-ops's CCTV.
        String line = "engineers reach every controller from here.\n";
        String closed = Venue.read("access.yaml")
                .replace(
                        line,
                        line + "      - id: gate-camera-trigger\n"
                                + "        from: gate-controllers\n"
                                + "        to: cctv.nvr\n"
                                + "        protocol: http\n"
                                + "        commands: true\n"
                                + "        agreement: Gate-camera integration (draft)\n");
        assertThat(closed).isNotEqualTo(Venue.read("access.yaml"));
        Client.Answer push =
                venue.pushContents("orgcom/maintainer", "orgcom", "LTE router removed", Map.of("access.yaml", closed));
        assertThat(push.status()).as(push.text()).isEqualTo(201);
        int revision = push.json().path("revision").asInt();

        JsonNode inbox = venue.client
                .get("/api/v1/landscapes/venue/inbox?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                .json();
        List<JsonNode> items = new java.util.ArrayList<>();
        inbox.path("items").forEach(i -> {
            if (i.path("revision").asInt() == revision) {
                items.add(i);
            }
        });
        assertThat(items).as(inbox.toString()).isNotEmpty();
        Set<String> opened = new TreeSet<>(openKeys(revision, "venue-ops"));
        opened.removeAll(openKeys(revision - 1, "venue-ops"));
        Set<String> closedKeys = new TreeSet<>(openKeys(revision - 1, "venue-ops"));
        closedKeys.removeAll(openKeys(revision, "venue-ops"));
        Set<String> told = new TreeSet<>();
        Set<String> toldClosed = new TreeSet<>();
        for (JsonNode i : items) {
            assertThat(i.path("causedBy").asText()).isEqualTo("orgcom");
            String kind = i.path("kind").asText();
            if (kind.equals("finding-opened")) {
                told.add(i.path("rule").asText() + " " + i.path("element").asText());
            } else if (kind.equals("finding-closed")) {
                toldClosed.add(i.path("rule").asText() + " " + i.path("element").asText());
            } else if (kind.startsWith("path-")) {
                // Paths into venue-ops's systems, orgcom's internals summarised.
                assertThat(i.path("targetSystem").asText()).isIn("operations", "cctv", "facility");
                assertThat(i.path("entry").asText()).doesNotStartWith("access.");
                assertThat(i.toString()).doesNotContain("access.lte-router", "access.vendor-portal");
                Set<String> own = Set.of("operations", "cctv", "facility");
                for (JsonNode hop : i.path("hops")) {
                    if (hop.has("from")) {
                        assertThat(own.contains(hop.path("from").asText().split("\\.")[0])
                                        || own.contains(hop.path("to").asText().split("\\.")[0]))
                                .as(hop.toString())
                                .isTrue();
                    } else {
                        assertThat(hop.has("weakness")).isFalse();
                    }
                }
            }
        }
        assertThat(told).isEqualTo(opened);
        assertThat(toldClosed).isEqualTo(closedKeys);
        // The stakeholder that pushed is not told of its own change.
        assertThat(venue.client
                        .get("/api/v1/landscapes/venue/inbox?stakeholder=orgcom", venue.token("orgcom/viewer"))
                        .json()
                        .toString())
                .doesNotContain("\"revision\":" + revision + ",");

        // The webhook: refused once, then delivered; each body signed with the secret.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (CALLS.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RECEIVED).hasSize(2);
        for (String[] r : RECEIVED) {
            assertThat(r[0]).isEqualTo("sha256=" + Webhooks.sign(secret, r[1]));
            assertThat(r[1]).contains("\"stakeholder\":\"venue-ops\"", "\"revision\":" + revision);
        }
        assertThat(RECEIVED.get(0)[1]).isEqualTo(RECEIVED.get(1)[1]);
        JsonNode log = null;
        while (System.nanoTime() < deadline) {
            log = venue.client
                    .get(hooks + "/" + hook + "/deliveries", venue.token("venue-ops/admin"))
                    .json();
            if (log.path(0).path("state").asText().equals("delivered")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(log.path(0).path("state").asText()).as(String.valueOf(log)).isEqualTo("delivered");
        assertThat(log.path(0).path("tries").path(0).path("status").asInt()).isEqualTo(500);
        assertThat(log.path(0).path("tries").path(1).path("status").asInt()).isEqualTo(204);
        assertThat(venue.client
                        .get(hooks + "/" + hook + "/deliveries", venue.token("venue-ops/viewer"))
                        .status())
                .isEqualTo(403);
        // Removed, it is sent nothing more.
        assertThat(venue.client
                        .send("DELETE", hooks + "/" + hook, venue.token("venue-ops/admin"), new byte[0])
                        .status())
                .isEqualTo(200);
        assertThat(venue.client
                        .get(hooks, venue.token("venue-ops/admin"))
                        .json()
                        .size())
                .isZero();
        // orgcom takes its change back: venue-ops is told in its inbox, its removed webhook is not.
        Client.Answer back = venue.pushContents(
                "orgcom/maintainer",
                "orgcom",
                "gate-camera trigger withdrawn",
                Map.of("access.yaml", Venue.read("access.yaml")));
        assertThat(back.status()).isEqualTo(201);
        assertThat(venue.client
                        .get("/api/v1/landscapes/venue/inbox?stakeholder=venue-ops", venue.token("venue-ops/viewer"))
                        .json()
                        .path("items")
                        .path(0)
                        .path("revision")
                        .asInt())
                .isEqualTo(back.json().path("revision").asInt());
        Thread.sleep(1500);
        assertThat(RECEIVED).hasSize(2);
    }
}
