package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's month of team usage for the Usage and Analytics browser tests, sent through the ingest API: six
 * users in three teams, four models, two ingest keys (each event names the key it is sent with), and tags, over
 * the last 25 days. The platform must take usage that late ({@link #SETTINGS}).
 */
final class UsageSeed {

    /** Ingest's grace for late usage at its longest, so a month's history is taken whatever the day (ids remembered as long). */
    static final java.util.Map<String, String> SETTINGS = java.util.Map.of(
            "MICROCENT_LATE_USAGE_GRACE_HOURS", "672", "MICROCENT_DEDUP_RETENTION_DAYS", "60");
    static final String CUSTOMER = "teamco";
    static final String[][] USERS = {
            {"ann@teamco.io", "core"}, {"bob@teamco.io", "core"}, {"cid@teamco.io", "core"},
            {"dee@teamco.io", "search"}, {"eve@teamco.io", "search"}, {"fay@teamco.io", "infra"}};
    static final String[][] MODELS = {{"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4-20250514"}, {"openai", "o3-mini"}};
    static final String[][] TAGS = {{"env:prod"}, {"env:prod", "feature:chat"}, {"env:staging"}};

    /** An ingest key as {@code POST /v1/api-keys} answered it. */
    record Key(String id, String name, String secret) {
    }

    final Microcent api;
    final Key etl;
    final Key chat;
    private final Random random = new Random(42);
    private int sent;

    private UsageSeed(Microcent api, Key etl, Key chat) {
        this.api = api;
        this.etl = etl;
        this.chat = chat;
    }

    /** Registers the customer and its keys and sends {@code events} events, then waits until all are rated. */
    static UsageSeed seed(Microcent api, int events) {
        api.registerCustomer(CUSTOMER, "starter");
        UsageSeed seed = new UsageSeed(api, key(api, "prod-etl"), key(api, "chat-app"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<ObjectNode> etlEvents = new ArrayList<>();
        List<ObjectNode> chatEvents = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Instant at = now.minus(Duration.ofMinutes(60 + seed.random.nextInt(25 * 24 * 60)));
            boolean viaEtl = seed.random.nextInt(3) == 0;
            (viaEtl ? etlEvents : chatEvents).add(seed.event("seed-" + i, at, viaEtl ? seed.etl : seed.chat));
        }
        api.sendEvents(seed.etl.secret(), etlEvents);
        api.sendEvents(seed.chat.secret(), chatEvents);
        seed.sent = events;
        seed.awaitRated();
        return seed;
    }

    private static Key key(Microcent api, String name) {
        ApiClient.Response key = api.post("/v1/api-keys", "{\"name\":\"" + name + "\",\"customer\":\"" + CUSTOMER + "\"}");
        assertThat(key.status()).as(key.json().toString()).isEqualTo(201);
        return new Key(key.json().path("id").asText(), name, key.json().path("secret").asText());
    }

    private ObjectNode event(String id, Instant at, Key key) {
        String[] user = USERS[random.nextInt(USERS.length)];
        String[] model = MODELS[random.nextInt(MODELS.length)];
        ObjectNode event = UsageEvents.llmCall(id, CUSTOMER, at, model[0], model[1], 200 + random.nextInt(4000), 50 + random.nextInt(800))
                .put("user", user[0]).put("team", user[1]).put("apiKeyId", key.id())
                .put("project", user[1].equals("infra") ? "batch" : "assistant");
        var tags = event.putArray("tags");
        for (String tag : TAGS[random.nextInt(TAGS.length)]) {
            tags.add(tag);
        }
        return event;
    }

    /** Sends {@code count} more calls of ann@teamco.io through the chat key, timestamped now, and waits until rated. */
    void sendMore(String idPrefix, int count) {
        List<ObjectNode> events = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < count; i++) {
            events.add(UsageEvents.llmCall(idPrefix + i, CUSTOMER, now.minusSeconds(i), "openai", "gpt-4o", 1000, 100)
                    .put("user", USERS[0][0]).put("team", USERS[0][1]).put("apiKeyId", chat.id()));
        }
        api.sendEvents(chat.secret(), events);
        sent += count;
    }

    void awaitRated() {
        await().atMost(Microcent.PIPELINE_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(usage("view=user").path("kpis").path("requests").asLong()).as("rated requests").isEqualTo(sent));
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The console's "last 30 days": today and the 29 before, UTC. */
    static String last30Days() {
        return "from=" + today().minusDays(29) + "&to=" + today();
    }

    /** {@code GET /v1/analytics/usage} of the customer's last 30 days, daily, with {@code more} parameters. */
    JsonNode usage(String more) {
        return Microcent.ok(api.get("/v1/analytics/usage?" + last30Days() + "&bucket=day&customer=" + CUSTOMER + "&" + more));
    }

    /** {@code GET /v1/analytics/activity} of the customer's last 30 days, with {@code more} parameters. */
    JsonNode activity(String more) {
        return Microcent.ok(api.get("/v1/analytics/activity?" + last30Days() + "&customer=" + CUSTOMER + "&" + more));
    }
}
