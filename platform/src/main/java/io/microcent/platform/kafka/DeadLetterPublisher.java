package io.microcent.platform.kafka;

import io.microcent.model.deadletter.DeadLetter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Produces dead letters outside Kafka Streams (projections), and waits for the broker's acknowledgement:
 * a record's offset may only be stored past it once its dead letter is durable, so nothing is ever lost.
 * The producer (idempotent, {@code acks=all}) is created on the first dead letter: most runs never need one.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    /** Thrown when the dead letter could not be written; the caller retries, it never skips the record. */
    public static final class NotPublished extends RuntimeException {
        NotPublished(DeadLetter letter, Throwable cause) {
            super("could not set aside " + letter + " on the dead-letters topic", cause);
        }
    }

    private final String bootstrap;
    private final String clientId;
    private Producer<byte[], byte[]> producer;

    public DeadLetterPublisher(String bootstrap, String clientId) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
    }

    public synchronized void publish(DeadLetter letter, Headers originalHeaders) {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, clientId),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(letter.toProducerRecord(originalHeaders)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotPublished(letter, e);
        } catch (ExecutionException e) {
            throw new NotPublished(letter, e.getCause());
        } catch (TimeoutException e) {
            throw new NotPublished(letter, e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
