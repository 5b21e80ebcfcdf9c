package io.microcent.rating.pricebook.write;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Publishes model price histories to the compacted {@code price.book} topic, keyed by price book key,
 * and returns once Kafka has acknowledged every one (idempotent producer, acks from all replicas).
 */
public final class PriceBookPublisher implements AutoCloseable {

    private final KafkaProducer<ModelId, ModelPriceHistory> producer;

    public PriceBookPublisher(String bootstrap, String clientId) {
        this.producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, clientId),
                Topics.PRICE_BOOK.keySerde().serializer(), Topics.PRICE_BOOK.valueSerde().serializer());
    }

    /** @throws PublishException when Kafka did not acknowledge them all */
    public void publish(Collection<ModelPriceHistory> histories) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(histories.size());
        try {
            for (ModelPriceHistory history : histories) {
                acks.add(producer.send(new ProducerRecord<>(Topics.PRICE_BOOK.name(), history.model(), history)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new PublishException("price.book did not acknowledge: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while publishing to price.book", e);
        } catch (RuntimeException e) {
            throw new PublishException("could not publish to price.book: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The price book is saved but rating has not been told; publishing again (or a restart) catches up. */
    public static final class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
