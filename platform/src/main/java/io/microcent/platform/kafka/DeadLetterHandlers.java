package io.microcent.platform.kafka;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kafka Streams exception handlers of every Microcent topology ({@link KafkaConfigs#exactlyOnceStreams}):
 * a record that cannot be read, or that a processor throws on, is set aside on {@code dead-letters} with its
 * original bytes and the stream goes on. Under exactly-once the dead letter is written in the same
 * transaction as the input offset, so the record is set aside exactly when it is skipped.
 * The consumer named in the dead letter is the application id.
 */
public final class DeadLetterHandlers {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /**
     * The setting naming the topics a topology reads into global stores (comma-separated). Kafka Streams 4.3
     * fails with a {@code ClassCastException} on the global thread when a handler answers with records to
     * produce, so a dead letter of those topics is written by the handler itself. A global store is not
     * transactional anyway (it is rebuilt from its own topic), so nothing is lost by leaving the transaction;
     * a record set aside again after a restart is listed once (the listing keys on the source offset).
     */
    public static final String GLOBAL_TOPICS_CONFIG = "microcent.dead-letters.global-topics";

    /** A record whose key or value cannot be deserialized: reason {@code unreadable}. */
    public static final class Unreadable implements DeserializationExceptionHandler {
        private final Destination destination = new Destination();

        @Override
        public void configure(Map<String, ?> configs) {
            destination.configure(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            DeadLetter letter = new DeadLetter(DeadLetterReason.UNREADABLE, destination.consumer, record.topic(), record.partition(),
                    record.offset(), Topics.customerOfKey(record.topic(), record.key()).map(CustomerId::raw).orElse(null),
                    "the record cannot be read as a " + record.topic() + " record",
                    Instant.now(), record.timestamp(), record.key(), record.value());
            return Response.resume(destination.setAside(letter, record.headers(), exception));
        }
    }

    /** A processor threw on a record: reason from {@link Failures#reasonOf} ({@code overflow}, {@code processing_failed}, ...). */
    public static final class ProcessingFailed implements ProcessingExceptionHandler {
        private final Destination destination = new Destination();

        @Override
        public void configure(Map<String, ?> configs) {
            destination.configure(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (context.topic() == null) {
                // a punctuation has no input record to set aside; it runs again at its next interval
                log.error("{}: a scheduled step of {} failed; it runs again", destination.consumer, context.processorNodeId(), exception);
                return Response.resume();
            }
            // the same rule as for unreadable records and projections: the customer is read from the source record's key
            String customer = Topics.customerOfKey(context.topic(), context.sourceRawKey()).map(CustomerId::raw).orElse(null);
            DeadLetter letter = new DeadLetter(Failures.reasonOf(exception), destination.consumer, context.topic(), context.partition(),
                    context.offset(), customer, context.processorNodeId() + ": " + Failures.detail(exception),
                    Instant.now(), context.timestamp(), context.sourceRawKey(), context.sourceRawValue());
            return Response.resume(destination.setAside(letter, context.headers(), exception));
        }
    }

    /** Where a handler's dead letters go: into the task's transaction, or, for a global store's topic, written directly. */
    private static final class Destination {
        private String consumer;
        private DeadLetterCounter counter;
        private Set<String> globalTopics = Set.of();
        private DeadLetterPublisher direct;

        void configure(Map<String, ?> configs) {
            consumer = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
            counter = DeadLetterCounter.from(configs);
            Object global = configs.get(GLOBAL_TOPICS_CONFIG);
            if (global != null && !global.toString().isBlank()) {
                globalTopics = Set.of(global.toString().split(","));
                direct = new DeadLetterPublisher(String.valueOf(configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)),
                        consumer + "-global-dead-letters");
            }
        }

        /** The records the handler's answer asks Kafka Streams to produce (none when written here). */
        List<ProducerRecord<byte[], byte[]>> setAside(DeadLetter letter, Headers headers, Exception exception) {
            log.warn("setting aside {}: {}", letter, letter.detail(), exception);
            counter.count(letter);
            if (!globalTopics.contains(letter.sourceTopic())) {
                return List.of(letter.toProducerRecord(headers));
            }
            try {
                direct.publish(letter, headers);
            } catch (RuntimeException e) { // not written (Kafka away, or no producer could be made): never stop the global thread
                log.error("{}: could not write the dead letter of a global store's record; it is counted and skipped", consumer, e);
            }
            return List.of();
        }
    }
}
