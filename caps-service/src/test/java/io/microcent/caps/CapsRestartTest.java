package io.microcent.caps;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.KafkaTestRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Caps stopped while rated usage keeps arriving, and started again on a fresh machine (its state restored
 * from Kafka): exactly-once processing keeps every figure exact, and every threshold alerts once.
 */
class CapsRestartTest {

    private static final int USAGES = 400;
    /** Usage {@code i} is charged {@code i}: 1 + 2 + … + 400. */
    private static final long TOTAL = (long) USAGES * (USAGES + 1) / 2;

    @Test
    void aRestartMidStreamKeepsSpendExactAndAlertsOnce() throws Exception {
        CustomerId customer = CustomerId.of("restart-" + UUID.randomUUID().toString().substring(0, 8));
        Instant now = Instant.now();
        String stateKey;
        CompletableFuture<Void> producing;
        CountDownLatch stopping = new CountDownLatch(1);
        String capId;
        try (RunningCaps first = RunningCaps.start(IngestKeyVerifier.NONE)) {
            first.createCustomer(customer.raw());
            capId = first.api.post("/v1/caps", """
                    {"customer":"%s","amountMicrocents":%d,"thresholds":[10,50,90]}""".formatted(customer, TOTAL))
                    .body().get("id").asText();
            stateKey = capId + "|" + BillingPeriod.containing(now);
            String bootstrap = first.context.kafkaBootstrap();
            producing = CompletableFuture.runAsync(() -> {
                try (var producer = RunningCaps.ratedUsageProducer(bootstrap)) {
                    for (int i = 1; i <= USAGES; i++) {
                        producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), customer, usage(customer, now).charge(i).rated()));
                        if (i == USAGES / 2) {
                            producer.flush();
                            waitFor(stopping); // the second half arrives while caps stops and while it is down
                        } else if (i % 20 == 0) {
                            producer.flush();
                            pause();
                        }
                    }
                }
            });
            String key = stateKey;
            await().atMost(RunningCaps.WAIT).until(() -> first.latestState(key) != null
                    && first.latestState(key).spentMicrocents().value() > 0);
            stopping.countDown();
        }

        try (RunningCaps second = RunningCaps.start(IngestKeyVerifier.NONE)) {
            producing.get();
            String key = stateKey;
            CapState last = await().atMost(RunningCaps.WAIT).until(() -> second.latestState(key),
                    state -> state.spentMicrocents().value() >= TOTAL);

            assertThat(last.spentMicrocents()).isEqualTo(Microcents.of(TOTAL));
            assertThat(last.status()).isEqualTo(CapStatus.BLOCKED);
            JsonNode current = second.api.get("/v1/caps/" + capId).body().get("current");
            assertThat(current.get("spentMicrocents").asLong()).isEqualTo(TOTAL);
            JsonNode spend = second.api.get("/v1/customers/" + customer + "/spend?period=" + BillingPeriod.containing(now)).body();
            assertThat(spend.get("chargeMicrocents").asLong()).isEqualTo(TOTAL);
            assertThat(spend.get("requests").asLong()).isEqualTo(USAGES);
            assertThat(alertsOf(second, customer)).extracting(CapAlert::thresholdPercent).containsExactly(10, 50, 90, 100);
        }
    }

    @Test
    void aReservationStillCountsAfterARestartUntilItsUsageArrives() {
        CustomerId customer = CustomerId.of("reserved-" + UUID.randomUUID().toString().substring(0, 8));
        // no price book entry: 75 per token, so 10,000 input tokens may cost 750,000 of the cap's 1,000,000
        String call = """
                {"customer":"%s","estimatedInputTokens":10000,"maxOutputTokens":0}""".formatted(customer);
        String capId;
        String reservationId;
        try (RunningCaps first = RunningCaps.start(IngestKeyVerifier.NONE)) {
            first.createCustomer(customer.raw());
            capId = first.api.post("/v1/caps", """
                    {"customer":"%s","amountMicrocents":1000000,"measure":"cost"}""".formatted(customer)).body().get("id").asText();
            // until the cap reaches the topology, a call is allowed without a reservation
            JsonNode reserved = await().atMost(RunningCaps.WAIT).until(() -> first.api.post("/v1/authorize", call).body(),
                    answer -> answer.has("reservationId"));
            reservationId = reserved.get("reservationId").asText();
            assertThat(first.api.post("/v1/authorize", call).body().get("allowed").asBoolean()).isFalse();
        }

        try (RunningCaps second = RunningCaps.start(IngestKeyVerifier.NONE)) {
            ApiClient.Response afterRestart = await().atMost(RunningCaps.WAIT).until(() -> second.api.post("/v1/authorize", call),
                    answer -> answer.status() == 200);
            assertThat(afterRestart.body().get("allowed").asBoolean()).as("the reservation made before the restart still counts").isFalse();
            assertThat(afterRestart.body().get("blockedBy").get(0).asText()).isEqualTo(capId);
            assertThat(second.api.get("/v1/caps/" + capId).body().path("current").path("reservedMicrocents").asLong()).isEqualTo(750_000);

            second.produce(usage(customer, Instant.now()).reservation(ReservationId.of(reservationId)).cost(100).rated());

            JsonNode released = await().atMost(RunningCaps.WAIT).until(() -> second.api.get("/v1/caps/" + capId).body().path("current"),
                    current -> current.path("reservedMicrocents").asLong() == 0 && current.path("spentMicrocents").asLong() == 100);
            assertThat(released.path("remainingMicrocents").asLong()).isEqualTo(999_900);
            assertThat(second.api.post("/v1/authorize", call).body().get("allowed").asBoolean()).isTrue();
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<CapAlert> alertsOf(RunningCaps caps, CustomerId customer) {
        var serde = Topics.CAPS_ALERTS.valueSerde().deserializer();
        return KafkaTestRecords.readAll(caps.context.kafkaBootstrap(), Topics.CAPS_ALERTS.name(), true).stream()
                .filter(r -> customer.raw().equals(r.key()))
                .map(r -> serde.deserialize(Topics.CAPS_ALERTS.name(), r.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
