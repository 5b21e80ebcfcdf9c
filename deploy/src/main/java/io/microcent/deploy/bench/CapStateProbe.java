package io.microcent.deploy.bench;

import io.microcent.model.topic.Topics;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Reads {@code caps.state} as a downstream consumer would (read_committed) and records, for each cap state,
 * its arrival here minus its Kafka record timestamp. Kafka Streams stamps what it writes with the timestamp of
 * the input record that caused it, through rating and caps, and ingest stamps each usage record with the
 * moment it accepted it; so this is the time from ingest accepting an event to its cap's new state being
 * readable (at Kafka's millisecond resolution). Caps writes a cap's state once per rated batch, so a state stands
 * for every event of that batch: the figures are per state, each the latency of the events it covers.
 *
 * <p>The states are not decoded: the figure is about when, and decoding each one would take CPU from the
 * server this JVM also runs. On the bench's fresh platform the only caps are the bench's.
 */
final class CapStateProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    /** The platform's clock, which stamped the usage records (a simulation's when MICROCENT_CLOCK_START is set). */
    private final Clock clock;
    private long sinceMillis;
    private Histogram acceptToStateMicros = Percentiles.histogram();
    private long states;

    CapStateProbe(String bootstrap, Clock clock) {
        this.clock = clock;
        this.consumer = TopicTail.fromEnd(bootstrap, Topics.CAPS_STATE.name(), "bench-caps-probe",
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Counts afresh, only the states of records stamped from {@code sinceMillis} on (the platform's clock). */
    void countFrom(long sinceMillis) {
        this.sinceMillis = sinceMillis;
        this.acceptToStateMicros = Percentiles.histogram();
        this.states = 0;
    }

    /** Reads while {@code going} holds (e.g. while the load runs). */
    void readWhile(BooleanSupplier going) {
        while (going.getAsBoolean()) {
            read();
        }
    }

    /** Reads until {@code expected} states were counted or {@code timeout} passed; answers how many were. */
    long await(long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (states < expected && System.nanoTime() < deadline) {
            read();
        }
        return states;
    }

    /** Reads until {@code quiet} passed without a record; answers how many states were counted. */
    long drain(Duration quiet) {
        long lastRecordAt = System.nanoTime();
        while (System.nanoTime() - lastRecordAt < quiet.toNanos()) {
            if (read() > 0) {
                lastRecordAt = System.nanoTime();
            }
        }
        return states;
    }

    /** @return how many records the poll returned */
    private int read() {
        var records = consumer.poll(Duration.ofMillis(50));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            long arrived = clock.millis();
            // a tombstone is a removed cap; an older stamp is a state caused before the count began
            if (record.value() != null && record.timestamp() >= sinceMillis) {
                states++;
                Percentiles.record(acceptToStateMicros, (arrived - record.timestamp()) * 1_000);
            }
        }
        return records.count();
    }

    Percentiles acceptToState() {
        return Percentiles.of(acceptToStateMicros);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
