package io.microcent.model.deadletter;

import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One record set aside on {@link Topics#DEAD_LETTERS}: the original key and value bytes, unchanged, and in
 * the headers why, by whom and from where. Every consumer of Microcent (Kafka Streams topologies and
 * projections alike) writes this one shape, so one listing and one replay serve them all.
 *
 * @param consumer        the application or projection that set it aside, e.g. {@code microcent-rating}
 * @param sourceTopic     where the record was read
 * @param sourcePartition its partition there, {@code -1} when unknown
 * @param sourceOffset    its offset there, {@code -1} when unknown
 * @param customer        the customer it belongs to, {@code null} when unknown
 * @param detail          a short explanation for operators; never a library class name, never a stack trace
 * @param deadLetteredAt  when it was set aside
 * @param timestamp       the original record's timestamp (kept, so a replay keeps ingest time), {@code null} when unknown
 */
public record DeadLetter(DeadLetterReason reason, String consumer, String sourceTopic, int sourcePartition,
                         long sourceOffset, String customer, String detail, Instant deadLetteredAt,
                         Long timestamp, byte[] key, byte[] value) {

    public static final String REASON = "microcent.reason";
    public static final String CONSUMER = "microcent.dead-letter.consumer";
    public static final String SOURCE_TOPIC = "microcent.dead-letter.topic";
    public static final String SOURCE_PARTITION = "microcent.dead-letter.partition";
    public static final String SOURCE_OFFSET = "microcent.dead-letter.offset";
    public static final String CUSTOMER = "microcent.dead-letter.customer";
    public static final String DETAIL = "microcent.dead-letter.detail";
    public static final String TIME = "microcent.dead-letter.time";
    /** Details are cut to this many characters: enough to say what failed, not a dump. */
    public static final int MAX_DETAIL = 300;

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL);
        }
    }

    /** The dead-letter headers, added to a copy of {@code original} (the input record's headers are not ours to change). */
    public Headers headers(Headers original) {
        Headers headers = original == null ? new RecordHeaders() : new RecordHeaders(original.toArray());
        put(headers, REASON, reason.code());
        put(headers, CONSUMER, consumer);
        put(headers, SOURCE_TOPIC, sourceTopic);
        put(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
        put(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
        put(headers, CUSTOMER, customer);
        put(headers, DETAIL, detail);
        put(headers, TIME, deadLetteredAt.toString());
        return headers;
    }

    /** The record to produce to {@link Topics#DEAD_LETTERS}, keeping {@code originalHeaders} beside ours. */
    public ProducerRecord<byte[], byte[]> toProducerRecord(Headers originalHeaders) {
        return new ProducerRecord<>(Topics.DEAD_LETTERS.name(), null, timestamp, key, value, headers(originalHeaders));
    }

    /** A header's value as text, {@code null} when absent. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return reason.code() + " from " + consumer + " at " + sourceTopic + "-" + sourcePartition + "@" + sourceOffset;
    }
}
