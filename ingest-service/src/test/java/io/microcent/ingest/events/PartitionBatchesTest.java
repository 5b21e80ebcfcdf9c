package io.microcent.ingest.events;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionBatchesTest {

    private static final int PARTITIONS = 4;
    private static final Instant NOW = Instant.parse("2026-11-05T10:00:00Z");

    @Test
    void eventsAreGroupedByTheirCustomersPartitionInOrderEachRecordKeyedByItsFirstCustomer() {
        CustomerId acme = CustomerId.of("acme");
        CustomerId neighbour = customerOnPartition(CustomerPartitions.of(acme, PARTITIONS), "n");
        CustomerId elsewhere = customerOnPartition((CustomerPartitions.of(acme, PARTITIONS) + 1) % PARTITIONS, "e");
        List<UsageEvent> events = List.of(event("1", neighbour), event("2", elsewhere), event("3", acme), event("4", neighbour));

        List<PartitionBatches.Chunk> chunks = PartitionBatches.of(events, PARTITIONS);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0).partition()).isEqualTo(CustomerPartitions.of(acme, PARTITIONS));
        assertThat(chunks.get(0).key()).isEqualTo(neighbour);
        assertThat(chunks.get(0).batch().events()).extracting(e -> e.id().raw()).containsExactly("1", "3", "4");
        assertThat(chunks.get(1).partition()).isEqualTo(CustomerPartitions.of(elsewhere, PARTITIONS));
        assertThat(chunks.get(1).key()).isEqualTo(elsewhere);
        assertThat(chunks.get(1).batch().events()).extracting(e -> e.id().raw()).containsExactly("2");
    }

    @Test
    void aPartitionsEventsAreCutIntoRecordsOfAtMost256() {
        CustomerId acme = CustomerId.of("acme");
        List<UsageEvent> events = IntStream.range(0, 600).mapToObj(i -> event("e-" + i, acme)).toList();

        List<PartitionBatches.Chunk> chunks = PartitionBatches.of(events, PARTITIONS);

        assertThat(chunks).extracting(chunk -> chunk.batch().events().size()).containsExactly(256, 256, 88);
        assertThat(chunks.stream().flatMap(chunk -> chunk.batch().events().stream()).toList()).isEqualTo(events);
    }

    @Test
    void eventsWithTheLongestTextAreCutSoThatARecordStaysWellUnderTheRequestSize() {
        CustomerId acme = CustomerId.of("a".repeat(128));
        List<UsageEvent> events = IntStream.range(0, 256).mapToObj(i -> largest("e-" + i, acme)).toList();

        List<PartitionBatches.Chunk> chunks = PartitionBatches.of(events, PARTITIONS);

        assertThat(chunks).hasSizeGreaterThan(1);
        for (PartitionBatches.Chunk chunk : chunks) {
            int bytes = Topics.USAGE_EVENT_BATCHES.valueSerde().serializer().serialize("usage.events", chunk.batch()).length;
            assertThat(bytes).as("a record's bytes as written today").isLessThanOrEqualTo(PartitionBatches.MAX_RECORD_BYTES);
            long bound = chunk.batch().events().stream().mapToLong(PartitionBatches::sizeBound).sum();
            assertThat(bound).isLessThanOrEqualTo(PartitionBatches.MAX_RECORD_BYTES);
        }
    }

    private static CustomerId customerOnPartition(int partition, String prefix) {
        return IntStream.range(0, 1_000).mapToObj(i -> CustomerId.of(prefix + "-" + i))
                .filter(c -> CustomerPartitions.of(c, PARTITIONS) == partition).findFirst().orElseThrow();
    }

    private static UsageEvent event(String id, CustomerId customer) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), customer, NOW, NOW, null, null, null, null, null,
                "openai", null, 1, 10, 10, 0, 0);
    }

    /** An event whose every text field is as long as the text rule allows, in three-byte characters. */
    private static UsageEvent largest(String id, CustomerId customer) {
        String label = "€".repeat(200);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tags.add(Tag.of("k" + i + "x".repeat(38) + ":" + "€".repeat(64)));
        }
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), customer, NOW, NOW, ProjectId.of(label),
                io.microcent.model.id.CostCenterId.of(label), io.microcent.model.id.ApiKeyId.of(label),
                io.microcent.model.id.UserId.of(label), io.microcent.model.id.TeamId.of(label), "openai", null,
                1, 10, 10, 0, 0, null, tags);
    }
}
