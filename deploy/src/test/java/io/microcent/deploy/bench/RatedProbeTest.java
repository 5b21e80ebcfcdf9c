package io.microcent.deploy.bench;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.MicrocentTopics;
import io.microcent.platform.kafka.TopicAdmin;
import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's probe reads usage.rated as batches, on a real broker: every line counts, once, whatever record holds it. */
class RatedProbeTest {

    private static final Instant AT = Instant.parse("2026-11-03T10:00:00Z");

    @Test
    void eachLineOfABatchAndOfAnOldSingleLineRecordCountsOnceAndALineReadAgainIsADuplicate() throws Exception {
        String bootstrap = TestInfrastructure.get().kafkaBootstrap();
        MicrocentTopics.ensureAll(bootstrap, MicrocentTopics.DEFAULT_PARTITIONS);
        String run = "probe-test-" + UUID.randomUUID().toString().substring(0, 8);
        CustomerId acme = CustomerId.of(run + "-acme");
        int partitions = TopicAdmin.partitions(bootstrap, Topics.USAGE_RATED.name());
        int partition = CustomerPartitions.of(acme, partitions);
        CustomerId globex = customerOnPartition(run, partition, partitions);

        try (RatedProbe probe = new RatedProbe(bootstrap, run, Clock.systemUTC());
             var batches = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, run + "-batches"),
                     Topics.USAGE_RATED_BATCHES.keySerde().serializer(), Topics.USAGE_RATED_BATCHES.valueSerde().serializer());
             var singles = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, run + "-singles"),
                     Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer())) {
            // keyed by acme, its first line's customer; lines of globex, on the same partition, among them
            batches.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), partition, acme, new RatedBatch(List.of(
                    line(run, 0, acme), line(run, 1, globex), line(run, 2, acme), line("another-run", 0, globex))))).get();
            singles.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), partition, globex, line(run, 3, globex))).get();
            batches.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), partition, globex,
                    new RatedBatch(List.of(line(run, 4, globex), line(run, 1, globex))))).get();

            RatedProbe.Count count = probe.awaitRated(5, Duration.ofSeconds(30));

            assertThat(count).isEqualTo(new RatedProbe.Count(5, 1));
        }
    }

    private static CustomerId customerOnPartition(String run, int partition, int partitions) {
        for (int n = 0; ; n++) {
            CustomerId candidate = CustomerId.of(run + "-globex-" + n);
            if (CustomerPartitions.of(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    private static RatedUsage line(String run, int index, CustomerId customer) {
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(run + "-" + index), customer, AT, AT,
                null, null, null, null, null, "openai", null, 1, 100, 20, 0, 0);
        return new RatedUsage(event, BillingPeriod.containing(AT), PlanId.of("starter"), 1, 0, Microcents.of(5), Microcents.ZERO);
    }
}
