package io.microcent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.deploy.DeadLetters.DeadLetter;
import io.microcent.deploy.Microcent.Figures;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.embedded.EmbeddedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * One record that cannot be processed on every topic Microcent consumes, produced straight to Kafka as
 * bytes, then valid records behind it on each: every consumer must carry on (the valid records are
 * processed), the platform stays ready, and each poisoned record is parked where an operator can see it
 * and replay it. Topics have one partition here, so "behind it" is exact.
 *
 * <p>Every poisoned record is the same unreadable bytes: on the compacted configuration topics
 * ({@code customer.plans}, {@code caps.definitions}, {@code price.book}) a record a consumer cannot read
 * says nothing about the key's configuration, so a consumer keeps what it had for that key and goes on; it
 * must not take it as a deletion, and it must not stop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoisonedRecordsTest {

    private static final Clock NOVEMBER_21 = TestPlatform.clockAt("2026-11-21T12:00:00Z");
    private static final String NOVEMBER = "2026-11";
    /** Each topic with a consumer, and the key its poisoned record carries. */
    private static final Map<String, String> POISONED_TOPICS = poisonedTopics();
    private static final byte[] POISON = poison();
    private static final String ALPHA = "alpha";
    private static final String BETA = "beta";
    private static final String GAMMA = "gamma";
    private static final String PROBE = "probe";
    /** Priced after the poison: 1,000 input tokens × 10 µ¢ + 500 output tokens × 20 µ¢. */
    private static final String PRICED_MODEL = "poison-7b";
    private static final long PRICED_CALL_COST = 20_000;
    /** What a cost cap holds for such a call: its provider cost, nothing more. */
    private static final long PRICED_CALL_WORST_CASE = PRICED_CALL_COST;
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private EmbeddedKafka kafka;
    private TestPlatform platform;
    private Microcent api;
    private WebhookReceiver receiver;
    private String capId;

    @BeforeAll
    void poisonEveryTopicThenSendValidRecords() {
        // the test runs the broker so that it can write to it directly
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
        platform = TestPlatform.start(dataDir.resolve("platform"), NOVEMBER_21,
                Map.of("MICROCENT_KAFKA_BOOTSTRAP", kafka.bootstrapServers(), "MICROCENT_TOPIC_PARTITIONS", "1"));
        api = platform.api();
        receiver = WebhookReceiver.start();
        api.registerCustomer(ALPHA, "starter");
        api.registerCustomer(PROBE, "starter");
        assertThat(api.post("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"customer\":\"" + ALPHA + "\"}").status()).isEqualTo(201);
        String alphaKey = api.ingestKeyFor(ALPHA);
        api.sendEvents(alphaKey, List.of(unpricedCall(ALPHA, "before-poison")));
        api.awaitFigures(ALPHA, NOVEMBER, new Figures(1, 0, 0));

        try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
            for (var topic : POISONED_TOPICS.entrySet()) {
                send(producer, new ProducerRecord<>(topic.getKey(), null, NOVEMBER_21.millis(),
                        topic.getValue().getBytes(StandardCharsets.UTF_8), POISON));
            }
            // a well-formed usage event of a customer nobody registered: parked as customer_unknown
            UsageEvent unknown = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("gamma-1"), CustomerId.of(GAMMA),
                    NOVEMBER_21.instant().minusSeconds(60), NOVEMBER_21.instant(), null, null, null, null, null, "acme-ai",
                    ModelId.of("tiny-1"), 1, 100, 20, 0, 0);
            send(producer, new ProducerRecord<>(Topics.USAGE_EVENTS.name(), null, NOVEMBER_21.millis(),
                    GAMMA.getBytes(StandardCharsets.UTF_8), Topics.USAGE_EVENTS.valueSerde().serializer().serialize(Topics.USAGE_EVENTS.name(), unknown)));
        }

        // valid records behind every poisoned one: a price (price.book), a customer (customer.plans), a cap
        // (caps.definitions), usage (usage.events, usage.rated) that crosses the cap's threshold (caps.alerts)
        Microcent.ok(api.put("/v1/price-book/models/" + PRICED_MODEL, """
                {"provider":"acme-ai","effectiveFrom":"2026-11-01T00:00:00Z","inputPerToken":"0.00001","outputPerToken":"0.00002"}"""));
        api.registerCustomer(BETA, "starter");
        ApiClient.Response cap = api.post("/v1/caps", "{\"customer\":\"" + ALPHA + "\",\"scope\":\"customer\",\"amountMicrocents\":"
                + 2 * PRICED_CALL_COST + ",\"period\":\"month\",\"measure\":\"cost\",\"mode\":\"soft\",\"thresholds\":[50]}");
        assertThat(cap.status()).as(cap.json().toString()).isEqualTo(201);
        capId = cap.json().path("id").asText();
        awaitRatingPrices();
        api.sendEvents(alphaKey, List.of(UsageEvents.llmCall("after-poison", ALPHA, NOVEMBER_21.instant().minusSeconds(30),
                "acme-ai", PRICED_MODEL, 1_000, 500)));
        api.sendEvents(api.ingestKeyFor(BETA), List.of(unpricedCall(BETA, "beta-1")));
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void every_consumer_carries_on_past_its_poisoned_record() {
        Figures alpha = new Figures(2, PRICED_CALL_COST, 0);
        Map<String, Runnable> checks = new LinkedHashMap<>();
        checks.put("usage.events, price.book → rating → usage.rated → invoicing: alpha's usage",
                () -> assertThat(api.invoiced(ALPHA, NOVEMBER)).isEqualTo(alpha));
        checks.put("usage.rated → caps: alpha's spend", () -> assertThat(api.spent(ALPHA, NOVEMBER)).isEqualTo(alpha));
        checks.put("usage.rated → rollups: alpha's breakdown", () -> assertThat(api.brokenDown(ALPHA, NOVEMBER)).isEqualTo(alpha));
        checks.put("usage.rated → rollups: alpha's analytics", () -> {
            JsonNode days = Microcent.ok(api.get("/v1/analytics/activity?from=2026-11-01&to=2026-11-30&customer=" + ALPHA)).path("activity");
            assertThat(days).extracting(day -> day.path("requestCount").asLong(), day -> day.path("costMicrocents").asLong())
                    .containsExactly(tuple(2L, PRICED_CALL_COST));
        });
        checks.put("customer.plans → rating: beta, registered after the poison, is rated",
                () -> assertThat(api.invoiced(BETA, NOVEMBER).requests()).isEqualTo(1));
        checks.put("caps.definitions → caps: the cap created after the poison counts alpha's spend",
                () -> assertThat(Microcent.ok(api.get("/v1/caps/" + capId)).path("current").path("spentMicrocents").asLong())
                        .isEqualTo(PRICED_CALL_COST));
        checks.put("caps.definitions, price.book → caps: authorize holds the priced worst case against the cap", () -> {
            JsonNode answer = Microcent.ok(api.post("/v1/authorize", "{\"customer\":\"" + ALPHA + "\",\"model\":\"" + PRICED_MODEL
                    + "\",\"estimatedInputTokens\":1000,\"maxOutputTokens\":500}"));
            assertThat(answer.path("reservedMicrocents").asLong()).as(answer.toString()).isEqualTo(PRICED_CALL_WORST_CASE);
        });
        checks.put("caps.alerts → webhooks: the 50 % alert is delivered", () -> assertThat(receiver.deliveries())
                .extracting(delivery -> delivery.json().path("data").path("capId").asText(),
                        delivery -> delivery.json().path("data").path("thresholdPercent").asInt())
                .contains(tuple(capId, 50)));
        Eventually.all(WITHIN, checks);
    }

    @Test
    @Order(2)
    void the_platform_is_still_ready() {
        ApiClient.Response ready = api.get("/health/ready");
        assertThat(ready.status()).as(ready.json().toString()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void every_poisoned_record_is_listed_as_a_dead_letter_with_its_reason() {
        Map<String, Runnable> checks = new LinkedHashMap<>();
        for (String topic : POISONED_TOPICS.keySet()) {
            // each consumer of the topic sets the record aside once (usage.rated has four): listed once per consumer
            checks.put(topic, () -> assertThat(DeadLetters.list(api))
                    .filteredOn(letter -> topic.equals(letter.sourceTopic()) && !GAMMA.equals(letter.customer()))
                    .isNotEmpty()
                    .allSatisfy(letter -> assertThat(letter.reason()).isEqualTo("unreadable"))
                    .extracting(DeadLetter::consumer).doesNotHaveDuplicates());
        }
        checks.put("gamma's usage, customer_unknown", () -> assertThat(gammasDeadLetter()).isNotNull());
        Eventually.all(WITHIN, checks);
    }

    @Test
    @Order(4)
    void a_usage_event_parked_as_customer_unknown_is_billed_once_when_replayed_twice_after_its_customer_exists() {
        DeadLetter parked = await().atMost(WITHIN).ignoreExceptions()
                .until(this::gammasDeadLetter, letter -> letter != null);
        api.registerCustomer(GAMMA, "starter");
        // once a call of gamma's own is rated, rating has gamma's plan: a replay now is rated, not parked again
        String gammaKey = api.ingestKeyFor(GAMMA);
        api.sendEvents(gammaKey, List.of(unpricedCall(GAMMA, "gamma-2")));
        api.awaitFigures(GAMMA, NOVEMBER, new Figures(1, 0, 0));

        DeadLetters.replay(api, parked);
        DeadLetters.replay(api, parked);
        // a later call of gamma is rated after both replays (one partition): once it is counted, so are they
        api.sendEvents(gammaKey, List.of(unpricedCall(GAMMA, "gamma-3")));
        api.awaitFigures(GAMMA, NOVEMBER, new Figures(3, 0, 0));
    }

    private DeadLetter gammasDeadLetter() {
        return DeadLetters.list(api).stream()
                .filter(letter -> GAMMA.equals(letter.customer()) && "customer_unknown".equals(letter.reason())
                        && Topics.USAGE_EVENTS.name().equals(letter.sourceTopic()))
                .findFirst().orElse(null);
    }

    /**
     * Waits until rating prices {@link #PRICED_MODEL}, with one-call probes of the probe customer (registered
     * before the poison), so that alpha's call after it is rated at that price. Bounded and not asserted:
     * if rating never reads the price, the checks on alpha's figures say so.
     */
    private void awaitRatingPrices() {
        String key = api.ingestKeyFor(PROBE);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        for (int probe = 1; System.nanoTime() < deadline; probe++) {
            api.sendEvents(key, List.of(UsageEvents.llmCall("probe-" + probe, PROBE, NOVEMBER_21.instant().minusSeconds(30),
                    "acme-ai", PRICED_MODEL, 1_000, 0)));
            long sent = probe;
            boolean rated = Eventually.failingAfter(Duration.ofSeconds(5), Map.of("probe", () ->
                    assertThat(api.invoiced(PROBE, NOVEMBER).requests()).isEqualTo(sent))).isEmpty();
            if (rated && api.invoiced(PROBE, NOVEMBER).costMicrocents() > 0) {
                return;
            }
        }
    }

    private static Map<String, String> poisonedTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(Topics.USAGE_EVENTS.name(), ALPHA);
        topics.put(Topics.USAGE_RATED.name(), ALPHA);
        topics.put(Topics.CUSTOMER_PLANS.name(), ALPHA);
        topics.put(Topics.CAPS_DEFINITIONS.name(), ALPHA);
        topics.put(Topics.CAPS_ALERTS.name(), ALPHA);
        topics.put(Topics.PRICE_BOOK.name(), PRICED_MODEL);
        return topics;
    }

    /** Neither JSON nor UTF-8: what a disk error, a foreign producer or a serializer bug leaves. */
    private static byte[] poison() {
        return JsonBytes.concat(JsonBytes.hex("00FFFE"), JsonBytes.ascii("{\"not\":\"a Microcent record"), JsonBytes.hex("C080"));
    }

    private static ObjectNode unpricedCall(String customer, String id) {
        return UsageEvents.llmCall(id, customer, NOVEMBER_21.instant().minusSeconds(60), "acme-ai", "tiny-1", 100, 20);
    }

    private KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
