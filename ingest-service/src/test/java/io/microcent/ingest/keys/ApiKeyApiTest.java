package io.microcent.ingest.keys;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.ingest.IngestSettings;
import io.microcent.ingest.IngestTestApp;
import io.microcent.ingest.db.tables.records.ApiKeysRecord;
import io.microcent.platform.test.TestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.microcent.ingest.IngestTestApp.eventJson;
import static io.microcent.ingest.IngestTestApp.json;
import static io.microcent.ingest.db.Tables.API_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiKeyApiTest {

    private static IngestTestApp app;

    @BeforeAll
    static void start() {
        app = IngestTestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNewKeyShowsItsSecretOnceAndTheListNeverShowsIt() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonNode created = app.createKey("prod", null);
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();

        assertThat(id).startsWith("key_");
        assertThat(secret).startsWith("mc_live_");
        assertThat(created.get("name").asText()).isEqualTo("prod");
        assertThat(created.has("customer")).isFalse();
        assertThat(Instant.parse(created.get("createdAt").asText())).isBetween(before, Instant.now());

        HttpResponse<String> list = app.asOperator("GET", "/v1/api-keys", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(secret);
        JsonNode listed = find(json(list), id);
        assertThat(listed.get("name").asText()).isEqualTo("prod");
        assertThat(listed.get("createdAt").asText()).isEqualTo(created.get("createdAt").asText());
        assertThat(listed.has("secret")).isFalse();
        assertThat(listed.has("revokedAt")).isFalse();
    }

    @Test
    void theTableHoldsTheSha256OfTheSecretAndNotTheSecret() {
        JsonNode created = app.createKey("stored", app.newCustomer());
        String secret = created.get("secret").asText();

        ApiKeysRecord row = app.context().database().dsl()
                .selectFrom(API_KEYS).where(API_KEYS.ID.eq(created.get("id").asText())).fetchSingle();

        assertThat(row.getSecretSha256()).isEqualTo(ApiKeySecret.sha256Hex(secret)).isNotEqualTo(secret);
        assertThat(row.intoList()).noneMatch(value -> value != null && value.toString().contains(secret.substring(8)));
        assertThat(row.getCustomer()).isEqualTo(created.get("customer").asText());
        assertThat(row.getRevokedAt()).isNull();
    }

    @Test
    void aKeyInUseIsListedWithWhenItWasLastUsedWithoutADatabaseWritePerRequest() {
        JsonNode created = app.createKey("in use", null);
        String id = created.get("id").asText();
        assertThat(find(json(app.asOperator("GET", "/v1/api-keys", null)), id).has("lastUsedAt")).as("never used").isFalse();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        assertThat(app.postEvents(created.get("secret").asText(), event(app.newCustomer())).statusCode()).isEqualTo(202);

        JsonNode listed = find(json(app.asOperator("GET", "/v1/api-keys", null)), id);
        assertThat(Instant.parse(listed.get("lastUsedAt").asText())).isBetween(before, Instant.now());
        ApiKeyStore store = new ApiKeyStore(app.context().database().dsl());
        assertThat(lastUsedInTable(id)).as("remembered, not written per request").isNull();

        // what the minute's write does (here with a usage of its own, the app's writes on its own schedule)
        ApiKeyUsage usage = new ApiKeyUsage(store, java.time.Clock.systemUTC());
        usage.used(io.microcent.model.id.ApiKeyId.of(id));
        usage.write();
        Instant written = lastUsedInTable(id);
        assertThat(written).isAfterOrEqualTo(before);
        usage.write();
        assertThat(lastUsedInTable(id)).as("nothing new to write").isEqualTo(written);
        store.recordUse(io.microcent.model.id.ApiKeyId.of(id), before);
        assertThat(lastUsedInTable(id)).as("an older use never replaces a later one").isEqualTo(written);
    }

    private static Instant lastUsedInTable(String id) {
        var at = app.context().database().dsl().select(API_KEYS.LAST_USED_AT).from(API_KEYS).where(API_KEYS.ID.eq(id)).fetchSingle().value1();
        return at == null ? null : at.toInstant();
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndListedAsRevoked() {
        JsonNode created = app.createKey("soon revoked", null);
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();
        String event = event(app.newCustomer());
        assertThat(app.postEvents(secret, event).statusCode()).isEqualTo(202); // now cached

        assertThat(app.asOperator("DELETE", "/v1/api-keys/" + id, null).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = app.postEvents(secret, event);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("code").asText()).isEqualTo("unauthenticated");
        JsonNode listed = find(json(app.asOperator("GET", "/v1/api-keys", null)), id);
        assertThat(listed.has("revokedAt")).isTrue();
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        String id = app.createKey("twice", null).get("id").asText();
        app.asOperator("DELETE", "/v1/api-keys/" + id, null);
        String firstRevokedAt = find(json(app.asOperator("GET", "/v1/api-keys", null)), id).get("revokedAt").asText();

        assertThat(app.asOperator("DELETE", "/v1/api-keys/" + id, null).statusCode()).isEqualTo(204);

        assertThat(find(json(app.asOperator("GET", "/v1/api-keys", null)), id).get("revokedAt").asText())
                .isEqualTo(firstRevokedAt);
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        HttpResponse<String> response = app.asOperator("DELETE", "/v1/api-keys/key_doesnotexist", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void anUnknownOrMissingSecretIsUnauthenticated() {
        String event = event(app.newCustomer());

        assertThat(app.postEvents(ApiKeySecret.generate(), event).statusCode()).isEqualTo(401);
        assertThat(app.postEvents("garbage", event).statusCode()).isEqualTo(401);
        HttpResponse<String> noKey = app.postEvents(null, event);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(json(noKey).get("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void aSecretIsVerifiedWithoutARequestToItsKeyWhileTheKeyIsActive() {
        String customer = app.newCustomer();
        JsonNode created = app.createKey("for authorize", customer);
        String secret = created.get("secret").asText();

        assertThat(app.apiKeys().verify(secret)).hasValueSatisfying(key -> {
            assertThat(key.id().raw()).isEqualTo(created.get("id").asText());
            assertThat(key.customer().raw()).isEqualTo(customer);
        });
        assertThat(app.apiKeys().verify(TestContexts.OPERATOR_TOKEN)).isEmpty();
        assertThat(app.apiKeys().verify(ApiKeySecret.generate())).isEmpty();

        app.asOperator("DELETE", "/v1/api-keys/" + created.get("id").asText(), null);

        assertThat(app.apiKeys().verify(secret)).isEmpty();
    }

    @Test
    void aKeyShowsItselfToWhoeverHoldsItsSecretAndToNoOneElse() {
        String customer = app.newCustomer();
        JsonNode created = app.createKey("shows itself", customer);
        String secret = created.get("secret").asText();

        HttpResponse<String> current = app.send("GET", ApiKeyRoutes.CURRENT_KEY_PATH, secret, null);

        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(json(current).get("id").asText()).isEqualTo(created.get("id").asText());
        assertThat(json(current).get("customer").asText()).isEqualTo(customer);
        assertThat(current.body()).doesNotContain(secret);
        assertThat(app.send("GET", ApiKeyRoutes.CURRENT_KEY_PATH, TestContexts.OPERATOR_TOKEN, null).statusCode()).isEqualTo(401);
        assertThat(app.send("GET", ApiKeyRoutes.CURRENT_KEY_PATH, null, null).statusCode()).isEqualTo(401);
        app.asOperator("DELETE", "/v1/api-keys/" + created.get("id").asText(), null);
        assertThat(app.send("GET", ApiKeyRoutes.CURRENT_KEY_PATH, secret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void keysAreManagedWithTheOperatorTokenOnly() {
        String ingestSecret = app.createKey("not an operator", null).get("secret").asText();

        assertThat(app.send("GET", "/v1/api-keys", null, null).statusCode()).isEqualTo(401);
        assertThat(app.send("GET", "/v1/api-keys", ingestSecret, null).statusCode()).isEqualTo(401);
        assertThat(app.send("POST", "/v1/api-keys", ingestSecret, "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(app.send("DELETE", "/v1/api-keys/key_x", ingestSecret, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyNeedsANameOfOneToAHundredCharactersAndAValidCustomer() {
        assertRefused("{}", "name", "required");
        assertRefused("{\"name\":\"  \"}", "name", "required");
        assertRefused("{\"name\":\"" + "n".repeat(101) + "\"}", "name", "too_long");
        assertRefused("{\"name\":\"ok\",\"customer\":\"not a slug\"}", "customer", "invalid_id");
        assertThat(app.createKey("n".repeat(100), null).get("name").asText()).hasSize(100);
    }

    @Test
    void aKeyNameWithControlOrBidiCharactersIsAnInvalidIdNotAServerError() {
        assertRefused("{\"name\":\"prod\\u0000\"}", "name", "invalid_id");
        assertRefused("{\"name\":\"prod\\ninjected\"}", "name", "invalid_id");
        assertRefused("{\"name\":\"prod\\u202e\"}", "name", "invalid_id");
        assertRefused("{\"name\":\"prod\\udc00\"}", "name", "invalid_id");
        assertThat(app.createKey("Prod – ünïcode 😀", null).get("name").asText()).isEqualTo("Prod – ünïcode 😀");
    }

    @Test
    void aKeyCannotBeScopedToACustomerThatDoesNotExist() {
        String customer = app.newCustomer();

        assertRefused("{\"name\":\"scoped\",\"customer\":\"" + customer.toUpperCase(java.util.Locale.ROOT) + "\"}",
                "customer", "customer_not_found");
        assertRefused("{\"name\":\"scoped\",\"customer\":\"nobody-" + UUID.randomUUID() + "\"}", "customer", "customer_not_found");
        assertThat(app.createKey("scoped", customer).get("customer").asText()).isEqualTo(customer);
    }

    @Test
    void aKeyRevokedOnAnotherInstanceStopsWorkingThereWithinTheCacheTtl() {
        try (IngestTestApp other = IngestTestApp.start(Map.of(IngestSettings.API_KEY_CACHE_TTL_SECONDS, "1"))) {
            JsonNode created = app.createKey("two instances", null);
            String secret = created.get("secret").asText();
            String event = event(app.newCustomer());
            assertThat(other.postEvents(secret, event).statusCode()).isEqualTo(202); // cached there

            app.asOperator("DELETE", "/v1/api-keys/" + created.get("id").asText(), null);

            await().atMost(Duration.ofSeconds(10)).until(() -> other.postEvents(secret, event).statusCode() == 401);
        }
    }

    private static void assertRefused(String body, String field, String reason) {
        HttpResponse<String> response = app.asOperator("POST", "/v1/api-keys", body);
        assertThat(response.statusCode()).as(body).isEqualTo(422);
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").asText() + " " + error.get("code").asText()).as(body).isEqualTo(field + " " + reason);
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode key : list.get("keys")) {
            if (key.get("id").asText().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("key " + id + " is not listed in " + list);
    }

    private static String event(String customer) {
        return eventJson("evt-" + UUID.randomUUID(), customer, Instant.now());
    }
}
