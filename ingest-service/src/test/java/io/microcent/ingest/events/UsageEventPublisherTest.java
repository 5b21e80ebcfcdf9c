package io.microcent.ingest.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.http.ApiException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

class UsageEventPublisherTest {

    private static final int PARTITIONS = 4;
    private static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId ELSEWHERE = IntStream.range(0, 1_000).mapToObj(i -> CustomerId.of("c-" + i))
            .filter(c -> CustomerPartitions.of(c, PARTITIONS) != CustomerPartitions.of(ACME, PARTITIONS)).findFirst().orElseThrow();

    @Test
    void aRequestIsOneRecordPerPartitionWrittenToThatPartitionAtTheIngestTime() {
        MockProducer<CustomerId, UsageBatch> producer = producer(true);

        new UsageEventPublisher(producer, new SimpleMeterRegistry())
                .publish(List.of(event("1", ELSEWHERE), event("2", ACME), event("3", ELSEWHERE)), NOW);

        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::partition, ProducerRecord::key,
                        record -> record.value().events().size(), ProducerRecord::timestamp)
                .containsExactly(
                        tuple("usage.events", CustomerPartitions.of(ELSEWHERE, PARTITIONS), ELSEWHERE, 2, NOW.toEpochMilli()),
                        tuple("usage.events", CustomerPartitions.of(ACME, PARTITIONS), ACME, 1, NOW.toEpochMilli()));
    }

    @Test
    void oneRecordKafkaRefusesMakesTheWholeRequestUnavailableEvenWhenTheOtherWasAcknowledged() {
        MockProducer<CustomerId, UsageBatch> producer = producer(false);
        UsageEventPublisher publisher = new UsageEventPublisher(producer, new SimpleMeterRegistry());

        CompletableFuture<Void> published = CompletableFuture.runAsync(
                () -> publisher.publish(List.of(event("1", ACME), event("2", ELSEWHERE)), NOW));
        await().until(() -> producer.history().size() == 2);
        producer.completeNext();
        producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"));

        assertThatThrownBy(published::join).cause().isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
    }

    private static MockProducer<CustomerId, UsageBatch> producer(boolean autoComplete) {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new PartitionInfo(Topics.USAGE_EVENT_BATCHES.name(), p, node, new Node[]{node}, new Node[]{node}))
                .toList();
        Cluster cluster = new Cluster("test", List.of(node), partitions, Set.of(), Set.of());
        return new MockProducer<>(cluster, autoComplete, null, Topics.USAGE_EVENT_BATCHES.keySerde().serializer(),
                Topics.USAGE_EVENT_BATCHES.valueSerde().serializer());
    }

    private static UsageEvent event(String id, CustomerId customer) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), customer, NOW, NOW, null, null, null, null, null,
                "openai", null, 1, 10, 10, 0, 0);
    }
}
