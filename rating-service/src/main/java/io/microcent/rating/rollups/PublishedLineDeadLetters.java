package io.microcent.rating.rollups;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.DeadLetterCounter;
import io.microcent.platform.kafka.DeadLetterPublisher;
import io.microcent.platform.kafka.Failures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Lines set aside on {@code dead-letters} as records of one line each, the form a record had before batches (which
 * reads as a batch of one), keyed by the line's customer, with the batch record's topic, partition, offset and
 * timestamp as where it came from, and counted like the runner's dead letters. Should the poll be retried after the
 * letter was written, the line is set aside again: at least once, as the runner's own dead letters are.
 */
public final class PublishedLineDeadLetters implements LineDeadLetters, AutoCloseable {

    /** Not the line's fault: the poll is retried from the stored offsets ({@link Failures#isTransient} says so). */
    private static final class LineNotSetAside extends RetriableException {
        LineNotSetAside(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PublishedLineDeadLetters.class);

    private final String consumer;
    private final DeadLetterPublisher publisher;
    private final DeadLetterCounter counter;

    public PublishedLineDeadLetters(String consumer, DeadLetterPublisher publisher, DeadLetterCounter counter) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.counter = counter;
    }

    @Override
    public void setAside(ConsumerRecord<CustomerId, RatedBatch> record, int line, RuntimeException failure) {
        DeadLetter letter = letterOf(consumer, record, line, failure);
        log.warn("projection {}: setting aside line {} of {}: {}", consumer, line, letter, letter.detail(), failure);
        try {
            publisher.publish(letter, record.headers());
        } catch (DeadLetterPublisher.NotPublished e) {
            throw new LineNotSetAside(e);
        }
        counter.count(letter);
    }

    /** The dead letter of one line: its own bytes as a record of one, why it failed, and which line of which record. */
    static DeadLetter letterOf(String consumer, ConsumerRecord<CustomerId, RatedBatch> record, int line, RuntimeException failure) {
        RatedBatch batch = record.value();
        RatedUsage usage = batch.lines().get(line);
        CustomerId customer = usage.event().customer();
        String topic = record.topic();
        return new DeadLetter(Failures.reasonOf(failure), consumer, topic, record.partition(), record.offset(), customer.raw(),
                "line " + (line + 1) + " of " + batch.lines().size() + ": " + Failures.detail(failure), Instant.now(),
                record.timestamp(), Topics.USAGE_RATED.keySerde().serializer().serialize(topic, customer),
                Topics.USAGE_RATED.valueSerde().serializer().serialize(topic, usage));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
