package io.microcent.platform.kafka;

import io.microcent.platform.db.Database;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableProjectionOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("usage.rated", 0);
    private static Database database;
    private final TableProjectionOffsets offsets = TableProjectionOffsets.inSchema("platformtest");
    private final String projection = "projection-" + UUID.randomUUID();

    @BeforeAll
    static void migrate() {
        database = TestInfrastructure.get().database();
        database.migrate("platformtest");
    }

    @Test
    void stores_the_first_offsets_then_advances_from_them() {
        advance(null, 10);
        advance(10L, 25);

        assertThat(offsets.load(database.dsl(), projection, List.of(P0))).containsEntry(P0, 25L);
    }

    @Test
    void refuses_a_batch_that_another_consumer_already_applied() {
        advance(null, 10);
        advance(10L, 25); // the new owner of the partition applied 10..24

        // the stalled former owner still believes 10 is stored
        assertThatThrownBy(() -> advance(10L, 25)).isInstanceOf(ProjectionOffsets.StaleOffsetsException.class);
        assertThat(offsets.load(database.dsl(), projection, List.of(P0))).containsEntry(P0, 25L);
    }

    @Test
    void two_first_batches_of_the_same_partition_cannot_both_be_stored() {
        advance(null, 10);

        assertThatThrownBy(() -> advance(null, 12)).isInstanceOf(ProjectionOffsets.StaleOffsetsException.class);
        assertThat(offsets.load(database.dsl(), projection, List.of(P0))).containsEntry(P0, 10L);
    }

    @Test
    void loads_nothing_for_partitions_never_stored() {
        assertThat(offsets.load(database.dsl(), projection, List.of(P0))).isEmpty();
        assertThat(offsets.load(database.dsl(), projection, List.of())).isEmpty();
    }

    private void advance(Long from, long next) {
        java.util.HashMap<TopicPartition, Long> fromOffsets = new java.util.HashMap<>();
        fromOffsets.put(P0, from);
        database.dsl().transaction(tx -> offsets.advance(tx.dsl(), projection, fromOffsets, Map.of(P0, next)));
    }
}
