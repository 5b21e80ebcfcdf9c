package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.kafka.KafkaConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes a job's corrections to {@code usage.rated} in one Kafka transaction, so that a
 * {@code read_committed} consumer sees all of them or none.
 *
 * <p>The transactional id is the customer and period's, not the job's: opening a writer fences any other
 * writer of the same customer and period, on any instance, and aborts what it left open. A job opens its
 * writer before it reads what was rated, so of two jobs that overlap, the one that opened first can no
 * longer commit; the other reads everything committed before and corrects only what is left.
 */
final class CorrectionWriter implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final CustomerId customer;
    private final KafkaProducer<CustomerId, RatedUsage> producer;

    CorrectionWriter(String bootstrap, String clientId, CustomerId customer, BillingPeriod period) {
        this.customer = customer;
        Map<String, Object> config = KafkaConfigs.durableProducer(bootstrap, clientId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(customer, period));
        this.producer = new KafkaProducer<>(config, Topics.USAGE_RATED.keySerde().serializer(),
                Topics.USAGE_RATED.valueSerde().serializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(CLOSE_TIMEOUT);
            throw new RerateException("could not start writing corrections: " + e.getMessage(), e);
        }
    }

    static String transactionalId(CustomerId customer, BillingPeriod period) {
        return "microcent-rerate-" + customer.raw() + "|" + period;
    }

    /**
     * Commits every correction, keyed by the customer, in one transaction; nothing when there are none.
     *
     * @param timestamp the Kafka timestamp of the corrections: when they were made
     */
    void write(List<RatedUsage> corrections, long timestamp) {
        if (corrections.isEmpty()) {
            return;
        }
        try {
            producer.beginTransaction();
            for (RatedUsage correction : corrections) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), null, timestamp, customer, correction));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new RerateException("another re-rating of the same customer and period took over; nothing was written", e);
        } catch (KafkaException e) {
            abort();
            throw new RerateException("the corrections could not be committed, nothing was written: " + e.getMessage(), e);
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException ignored) {
            // the transaction is not committed either way; closing the producer ends it
        }
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
