package dev.mamori.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts, API tokens and roles through the API, on one embedded PostgreSQL for the class. */
class AccountsApiTest {

    private static final Path DATA = TestData.folder();
    private static MamoriServer server;
    private static Client client;
    private static String adminToken;

    @BeforeAll
    static void start() {
        server = TestData.quietServer(DATA);
        client = new Client(server.port());
        String password = server.initAdmin("root-admin", Optional.empty()).orElseThrow();
        adminToken = login("root-admin", password).json().path("token").asText();
        server.services()
                .landscapes()
                .create(server.services().accounts().authenticate(adminToken).orElseThrow(), "venue", "landscape.yaml");
    }

    @AfterAll
    static void stop() {
        server.close();
        TestData.delete(DATA);
    }

    private static Client.Answer login(String name, String password) {
        return client.post("/api/v1/login", null, Map.of("name", name, "password", password, "label", "test"));
    }

    private static String account(String name) {
        String password = name + "-password-long";
        assertThat(client.post("/api/v1/accounts", adminToken, Map.of("name", name, "password", password))
                        .status())
                .isEqualTo(201);
        return login(name, password).json().path("token").asText();
    }

    @Test
    void theFirstAdminLogsInWithTheGeneratedPasswordAndIsTheServersAdmin() {
        Client.Answer me = client.get("/api/v1/me", adminToken);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("root-admin");
        assertThat(me.json().path("serverAdmin").asBoolean()).isTrue();
    }

    @Test
    void withoutAValidTokenTheApiAnswers401() {
        assertThat(client.get("/api/v1/me", null).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/me", "mamori_forged").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/landscapes", "not-even-a-token").status())
                .isEqualTo(401);
    }

    @Test
    void tokensAndPasswordsAreStoredOnlyHashed() throws Exception {
        String token = account("hash-check");
        try (Connection c = server.database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT a.password_hash, t.token_hash FROM account a JOIN api_token t"
                        + " ON t.account_id = a.id WHERE a.name = 'hash-check'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("hash-check-password-long");
            assertThat(rs.getString(2)).hasSize(64).isNotEqualTo(token).doesNotContain(token.substring(7));
        }
    }

    @Test
    void aRevokedTokenNoLongerWorksAndTheListNeverShowsSecrets() {
        String token = account("revoker");
        Client.Answer second = client.post("/api/v1/tokens", token, Map.of("label", "ci"));
        assertThat(second.status()).isEqualTo(201);
        String ci = second.json().path("token").asText();
        long id = second.json().path("id").asLong();
        Client.Answer list = client.get("/api/v1/tokens", token);
        assertThat(list.text()).contains("\"ci\"").doesNotContain(ci).doesNotContain(token);
        assertThat(client.send("DELETE", "/api/v1/tokens/" + id, token, new byte[0])
                        .status())
                .isEqualTo(200);
        assertThat(client.get("/api/v1/me", ci).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/me", token).status()).isEqualTo(200);
    }

    @Test
    void loginsAreThrottledAfterFiveFailuresEvenWithTheRightPassword() {
        account("guessed");
        for (int i = 0; i < 5; i++) {
            assertThat(login("guessed", "wrong-password-" + i).status()).isEqualTo(401);
        }
        Client.Answer locked = login("guessed", "guessed-password-long");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("error").asText()).isEqualTo("throttled");
        assertThat(login("nobody-such", "whatever-it-is").status()).isEqualTo(401);
    }

    @Test
    void onlyTheServersAdminsMakeAccountsAndLandscapes() {
        String token = account("plain");
        assertThat(client.post("/api/v1/accounts", token, Map.of("name", "other"))
                        .status())
                .isEqualTo(403);
        assertThat(client.post("/api/v1/landscapes", token, Map.of("id", "mine"))
                        .status())
                .isEqualTo(403);
        Client.Answer generated = client.post("/api/v1/accounts", adminToken, Map.of("name", "generated"));
        assertThat(generated.status()).isEqualTo(201);
        assertThat(generated.json().path("password").asText()).hasSize(20);
    }

    @Test
    void aStakeholdersAdminManagesItsOwnMembersOnly() {
        String gateAdmin = account("gate-admin");
        account("gate-dev");
        String base = "/api/v1/landscapes/venue/stakeholders/";
        assertThat(client.send("PUT", base + "kaimon/members/gate-admin/admin", adminToken, new byte[0])
                        .status())
                .isEqualTo(200);
        assertThat(client.send("PUT", base + "kaimon/members/gate-dev/maintainer", gateAdmin, new byte[0])
                        .status())
                .isEqualTo(200);
        assertThat(client.send("PUT", base + "venue-ops/members/gate-dev/maintainer", gateAdmin, new byte[0])
                        .status())
                .isEqualTo(403);
        assertThat(client.send("PUT", base + "kaimon/members/gate-dev/overlord", gateAdmin, new byte[0])
                        .status())
                .isEqualTo(400);
        Client.Answer members = client.get(base + "kaimon/members", gateAdmin);
        assertThat(members.text()).contains("gate-dev").contains("maintainer");
    }

    @Test
    void aLandscapeOfOthersIsNotFoundRatherThanForbidden() {
        String token = account("outsider");
        Client.Answer answer = client.get("/api/v1/landscapes/venue/stakeholders/kaimon/members", token);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(client.get("/api/v1/landscapes", token).json().size()).isZero();
    }

    @Test
    void theOpenApiDocumentParsesAndListsEveryRouteAndNoOther() {
        Client.Answer answer = client.get("/api/v1/openapi.json", null);
        assertThat(answer.status()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode doc = answer.json();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    assertThat(op.getValue().path("responses").size())
                            .as(path.getKey())
                            .isPositive();
                    java.util.regex.Matcher m =
                            java.util.regex.Pattern.compile("\\{([a-z]+)}").matcher(path.getKey());
                    while (m.find()) {
                        String name = m.group(1);
                        boolean declared = false;
                        for (com.fasterxml.jackson.databind.JsonNode p :
                                op.getValue().path("parameters")) {
                            declared |= p.path("in").asText().equals("path")
                                    && p.path("name").asText().equals(name);
                        }
                        assertThat(declared)
                                .as(op.getKey() + " " + path.getKey() + " declares {" + name + "}")
                                .isTrue();
                    }
                }));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
        // Every reference points at something the document has.
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\"\\$ref\" ?: ?\"#/components/(\\w+)/(\\w+)\"")
                .matcher(answer.text());
        int count = 0;
        while (refs.find()) {
            assertThat(doc.path("components").path(refs.group(1)).has(refs.group(2)))
                    .as(refs.group())
                    .isTrue();
            count++;
        }
        assertThat(count).isPositive();
    }
}
