package io.microcent.rating;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import io.microcent.model.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.rating.stream.UsageEvents.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/** The rating service on a real broker: exactly-once output, read back as a read_committed consumer sees it. */
class RatingServiceBrokerTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ServiceContext context;
    private static RatingService service;

    @BeforeAll
    static void startRating() {
        context = TestContexts.forService(RatingModule.NAME);
        RatingModule module = new RatingModule();
        module.configure(context.env());
        context.env().validate();
        service = (RatingService) module.start(context);
        await().atMost(WAIT).until(service::isReady);
    }

    @AfterAll
    static void stopRating() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void ratesAStarterCustomersUsageAcrossItsAllowanceAndCommitsTheResult() {
        CustomerId customer = CustomerId.of("acme-" + UUID.randomUUID());
        produce(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of("starter"), NOV_3));
        produce(Topics.USAGE_EVENTS, customer, requests(customer, NOV_3.plusSeconds(1), 998));
        produce(Topics.USAGE_EVENTS, customer, requests(customer, NOV_3.plusSeconds(2), 5));
        produce(Topics.USAGE_EVENTS, customer, requests(customer, NOV_3.plusSeconds(3), 1));

        List<RatedUsage> rated = await().atMost(WAIT).until(
                () -> RatedLog.linesOf(context.kafkaBootstrap(), customer), lines -> lines.size() >= 3);

        assertThat(rated).hasSize(3);
        assertThat(rated).extracting(RatedUsage::includedRequests).containsExactly(998L, 2L, 0L);
        assertThat(rated).extracting(RatedUsage::overageRequests).containsExactly(0L, 3L, 1L);
        assertThat(rated).extracting(RatedUsage::chargeMicrocents)
                .containsExactly(Microcents.ZERO, Microcents.ofCents(3), Microcents.ofCents(1));
        assertThat(context.meters().scrape()).contains("kafka_stream");
    }

    @Test
    void usageOfAnUnknownCustomerAndUnreadableUsageAreDeadLetteredWithTheirReasons() {
        CustomerId stranger = CustomerId.of("stranger-" + UUID.randomUUID());
        String garbageKey = "garbled-" + UUID.randomUUID();
        produce(Topics.USAGE_EVENTS, stranger, requests(stranger, NOV_3, 1));
        produceRaw(garbageKey, "{\"schemaVersion\": 1, \"id\": ".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead =
                    KafkaTestRecords.readAll(context.kafkaBootstrap(), Topics.DEAD_LETTERS.name(), true);
            assertThat(dead).filteredOn(r -> stranger.raw().equals(r.key())).singleElement()
                    .extracting(RatingServiceBrokerTest::reason).isEqualTo("customer_unknown");
            assertThat(dead).filteredOn(r -> garbageKey.equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo("{\"schemaVersion\": 1, \"id\": "))
                    .extracting(RatingServiceBrokerTest::reason).isEqualTo("unreadable");
        });
        assertThat(service.isReady()).as("bad data does not stop rating").isTrue();
    }

    @Test
    void aBatchOfTwoCustomersOfOnePartitionIsRatedEachUnderItsOwnPlanIntoOneRecordOnTheSamePartition() {
        int partitions = partitionsOf(Topics.USAGE_EVENTS.name());
        CustomerId acme = CustomerId.of("acme-" + UUID.randomUUID());
        CustomerId neighbour = neighbourOf(acme, partitions);
        int partition = CustomerPartitions.of(acme, partitions);
        produce(Topics.CUSTOMER_PLANS, acme, new CustomerPlan(acme, PlanId.of("starter"), NOV_3));
        produce(Topics.CUSTOMER_PLANS, neighbour, new CustomerPlan(neighbour, PlanId.of("growth"), NOV_3));
        UsageBatch batch = new UsageBatch(List.of(requests(acme, NOV_3.plusSeconds(1), 1_001),
                requests(neighbour, NOV_3.plusSeconds(1), 1_001)));
        send(Topics.USAGE_EVENT_BATCHES.keySerde().serializer(), Topics.USAGE_EVENT_BATCHES.valueSerde().serializer(),
                new ProducerRecord<>(Topics.USAGE_EVENT_BATCHES.name(), partition, NOV_3.plusSeconds(1).toEpochMilli(), acme, batch));

        ConsumerRecord<byte[], byte[]> record = await().atMost(WAIT).until(() -> RatedLog.records(context.kafkaBootstrap()).stream()
                .filter(r -> RatedLog.batchOf(r).lines().stream().anyMatch(line -> line.event().customer().equals(acme)))
                .toList(), records -> !records.isEmpty()).getFirst();

        assertThat(record.partition()).as("the input partition").isEqualTo(partition);
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(acme.raw());
        assertThat(RatedLog.batchOf(record).lines()).extracting(line -> line.event().customer(), RatedUsage::plan,
                        RatedUsage::overageRequests)
                .containsExactly(tuple(acme, PlanId.of("starter"), 1L), tuple(neighbour, PlanId.of("growth"), 0L));
    }

    /** Another customer whose records share the customer's partition. */
    private static CustomerId neighbourOf(CustomerId customer, int partitions) {
        while (true) {
            CustomerId candidate = CustomerId.of("neighbour-" + UUID.randomUUID());
            if (CustomerPartitions.of(candidate, partitions) == CustomerPartitions.of(customer, partitions)) {
                return candidate;
            }
        }
    }

    private static int partitionsOf(String topic) {
        var config = KafkaConfigs.durableProducer(context.kafkaBootstrap(), "rating-test-metadata");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            return producer.partitionsFor(topic).size();
        }
    }

    private static <K, V> void produce(Topic<K, V> topic, K key, V value) {
        send(topic.keySerde().serializer(), topic.valueSerde().serializer(), new ProducerRecord<>(topic.name(), key, value));
    }

    private static void produceRaw(String key, byte[] value) {
        Serializer<byte[]> bytes = (topic, data) -> data;
        send(bytes, bytes, new ProducerRecord<>(Topics.USAGE_EVENTS.name(), key.getBytes(StandardCharsets.UTF_8), value));
    }

    private static <K, V> void send(Serializer<K> keys, Serializer<V> values, ProducerRecord<K, V> record) {
        var config = KafkaConfigs.durableProducer(context.kafkaBootstrap(), "rating-test-producer");
        try (var producer = new KafkaProducer<>(config, keys, values)) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + record.topic(), e);
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(DeadLetter.REASON);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
