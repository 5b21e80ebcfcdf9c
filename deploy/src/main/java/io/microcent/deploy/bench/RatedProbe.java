package io.microcent.deploy.bench;

import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;

/**
 * Reads {@code usage.rated} as a downstream consumer would (read_committed) and counts a run's rated events by
 * id, so that one rated twice or never shows; records, per rated event, the time from ingest (its
 * {@code ingestedAt}) to the moment the rated record became readable here.
 */
final class RatedProbe implements AutoCloseable {

    /** How long reading goes on after the last expected event, to see a duplicate that comes after it. */
    private static final Duration DUPLICATE_WATCH = Duration.ofSeconds(2);

    /** @param distinct events of the run read at least once; @param duplicates reads beyond the first of an event */
    record Count(long distinct, long duplicates) {
    }

    private final KafkaConsumer<byte[], RatedBatch> consumer;
    private final String idPrefix;
    /** The platform's clock, which stamped the events' ingest times (a simulation's when MICROCENT_CLOCK_START is set). */
    private final Clock clock;
    private final Histogram ingestToRatedMicros = Percentiles.histogram();
    private final BitSet seen = new BitSet();
    private long duplicates;
    private Instant lastNewAt;

    RatedProbe(String bootstrap, String runId, Clock clock) {
        this.clock = clock;
        this.idPrefix = runId + "-";
        this.consumer = TopicTail.fromEnd(bootstrap, Topics.USAGE_RATED_BATCHES.name(), "bench-rated-probe",
                new ByteArrayDeserializer(), Topics.USAGE_RATED_BATCHES.valueSerde().deserializer());
    }

    /** Reads until {@code expected} distinct events of this run were read or {@code timeout} passed, then a little longer. */
    Count awaitRated(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.cardinality() < expected && System.nanoTime() < deadline) {
            read();
        }
        long watchUntil = System.nanoTime() + DUPLICATE_WATCH.toNanos();
        while (System.nanoTime() < watchUntil) {
            read();
        }
        return new Count(seen.cardinality(), duplicates);
    }

    private void read() {
        for (ConsumerRecord<byte[], RatedBatch> record : consumer.poll(Duration.ofMillis(100))) {
            record.value().lines().forEach(this::count);
        }
    }

    /** One rated line: a new event of this run, or a duplicate. */
    private void count(RatedUsage rated) {
        String id = rated.event().id().raw();
        if (!id.startsWith(idPrefix)) {
            return;
        }
        int index = Integer.parseInt(id.substring(idPrefix.length()));
        if (seen.get(index)) {
            duplicates++;
            return;
        }
        seen.set(index);
        lastNewAt = Instant.now();
        Percentiles.record(ingestToRatedMicros, Duration.between(rated.event().ingestedAt(), clock.instant()).toNanos() / 1_000);
    }

    /** When the last event of the run was first read; null if none was. */
    Instant lastNewAt() {
        return lastNewAt;
    }

    Percentiles ingestToRated() {
        return Percentiles.of(ingestToRatedMicros);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
