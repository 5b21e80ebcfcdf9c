package io.microcent.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.microcent.caps.spend.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The caps service on a real broker: rated usage in, committed spend out on caps.state and over HTTP. */
class CapsServiceBrokerTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant DEC_3 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ServiceContext context;
    private static CapsService service;
    private static HttpServer http;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startCaps() {
        context = TestContexts.forService(CapsModule.NAME);
        CapsModule module = new CapsModule();
        module.configure(context.env());
        context.env().validate();
        service = (CapsService) module.start(context);
        http = HttpServer.start("127.0.0.1", 0, List.of(service.routes()), Map.of(CapsModule.NAME, service::isReady), context.meters());
        await().atMost(WAIT).until(service::isReady);
    }

    @AfterAll
    static void stopCaps() {
        if (http != null) {
            http.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void ratedUsageBecomesCommittedSpendPerPeriodOnCapsStateAndOverHttp() throws Exception {
        CustomerId customer = CustomerId.of("acme-" + UUID.randomUUID());
        produce(rated(customer, NOV_3, 3, 30_000, 12));
        produce(rated(customer, NOV_3.plusSeconds(60), 2, 20_000, 8));
        produce(rated(customer, DEC_3, 1, 10_000, 4));
        String novemberKey = SpendState.keyOf(customer, BillingPeriod.parse("2026-11"));

        SpendState november = await().atMost(WAIT).until(() -> latestCommitted(novemberKey),
                state -> state != null && state.requests() == 5);

        assertThat(november.chargeMicrocents()).isEqualTo(Microcents.of(50_000));
        assertThat(november.costMicrocents()).isEqualTo(Microcents.of(20));
        JsonNode body = spend(customer, "2026-11");
        assertThat(body.get("chargeMicrocents").asLong()).isEqualTo(50_000);
        assertThat(body.get("requests").asLong()).isEqualTo(5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(spend(customer, "2026-12").get("requests").asLong()).isEqualTo(1));
        assertThat(spend(customer, "2027-01").get("chargeMicrocents").asLong()).isZero();
    }

    private JsonNode spend(CustomerId customer, String period) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + http.port() + "/v1/customers/" + customer + "/spend?period=" + period))
                .header("Authorization", "Bearer " + TestContexts.OPERATOR_TOKEN).GET().build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static void produce(RatedUsage usage) {
        var config = KafkaConfigs.durableProducer(context.kafkaBootstrap(), "caps-test-producer");
        try (var producer = new KafkaProducer<>(config, Topics.USAGE_RATED.keySerde().serializer(),
                Topics.USAGE_RATED.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), usage.event().customer(), usage)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce rated usage", e);
        }
    }

    /** The last value under {@code key} on caps.state that a read_committed consumer sees. */
    private static SpendState latestCommitted(String key) {
        return KafkaTestRecords.readAll(context.kafkaBootstrap(), Topics.CAPS_STATE.name(), true).stream()
                .filter(r -> key.equals(r.key()))
                .map(r -> Topics.CAPS_STATE.valueSerde().deserializer()
                        .deserialize(Topics.CAPS_STATE.name(), r.value().getBytes(StandardCharsets.UTF_8)))
                .reduce((first, second) -> second)
                .orElse(null);
    }
}
