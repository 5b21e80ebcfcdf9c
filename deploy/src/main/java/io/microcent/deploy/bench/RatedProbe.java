package io.microcent.deploy.bench;

import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.KafkaConfigs;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code usage.rated} as a downstream consumer would (read_committed) and records, per rated event,
 * the time from ingest (its {@code ingestedAt}) to the moment the rated record became readable here.
 */
final class RatedProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], RatedUsage> consumer;
    private final String runId;
    /** The platform's clock, which stamped the events' ingest times (a simulation's when MICROCENT_CLOCK_START is set). */
    private final Clock clock;
    final Histogram ingestToRatedMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private long seen;
    private Instant lastSeenAt;

    RatedProbe(String bootstrap, String runId, Clock clock) {
        this.clock = clock;
        Map<String, Object> props = KafkaConfigs.committedReader(bootstrap, "bench-probe-" + runId, "bench-probe");
        props.put("auto.offset.reset", "latest");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), Topics.USAGE_RATED.valueSerde().deserializer());
        this.runId = runId;
        consumer.subscribe(java.util.List.of(Topics.USAGE_RATED.name()));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }

    /** Polls until {@code expected} rated events of this run were read or {@code timeout} passed. */
    long awaitRated(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], RatedUsage> record : consumer.poll(Duration.ofMillis(100))) {
                RatedUsage rated = record.value();
                if (rated.event().id().raw().startsWith(runId)) {
                    Instant now = Instant.now();
                    long micros = Math.max(0, Duration.between(rated.event().ingestedAt(), clock.instant()).toNanos() / 1_000);
                    ingestToRatedMicros.recordValue(Math.min(micros, ingestToRatedMicros.getHighestTrackableValue()));
                    seen++;
                    lastSeenAt = now;
                }
            }
        }
        return seen;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
