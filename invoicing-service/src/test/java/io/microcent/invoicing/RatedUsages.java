package io.microcent.invoicing;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.platform.kafka.TopicAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Builds rated usage as rating would publish it, and puts it on {@code usage.rated}. */
final class RatedUsages {

    private RatedUsages() {
    }

    static RatedUsage rated(String customer, Instant at, long requests, long overage, long chargeMicrocents, long costMicrocents) {
        UsageEvent event = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(UUID.randomUUID().toString()), CustomerId.of(customer),
                at, at.plusMillis(50), null, null, null, null, null, "openai", null, requests, 1_000, 200, 0, 0);
        return new RatedUsage(event, BillingPeriod.containing(at), PlanId.of("starter"), requests - overage, overage,
                Microcents.of(costMicrocents), Microcents.of(chargeMicrocents));
    }

    /** A line as rating writes it now: with its charges, which make its {@code chargeMicrocents}. */
    static RatedUsage rated(String customer, Instant at, long requests, List<ChargeAmount> charges) {
        RatedUsage line = rated(customer, at, requests, 0, 0, 10);
        return new RatedUsage(line.event(), line.period(), line.plan(), line.includedRequests(), line.overageRequests(),
                line.costMicrocents(), ChargeAmount.sum(charges), false, false, false, charges);
    }

    /** A re-rating correction: no quantities, the differences of the charges. */
    static RatedUsage correction(String customer, Instant at, List<ChargeAmount> charges) {
        RatedUsage line = rated(customer, at, 0, 0, 0, 0);
        return new RatedUsage(line.event(), line.period(), line.plan(), 0, 0, Microcents.ZERO, ChargeAmount.sum(charges),
                false, false, true, charges);
    }

    static ChargeAmount charge(String key, long quantity, long chargeMicrocents) {
        return new ChargeAmount(key, quantity, Microcents.of(chargeMicrocents));
    }

    /**
     * Publishes the lines as one batch record, as rating writes them: keyed by the first line's customer, on that
     * customer's partition (every line's customer must be on it), acknowledged.
     */
    static void publishBatch(String bootstrap, RatedUsage... lines) {
        CustomerId first = lines[0].event().customer();
        int partition = CustomerPartitions.of(first, TopicAdmin.partitions(bootstrap, Topics.USAGE_RATED.name()));
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "invoicing-test-rated-batches"),
                Topics.USAGE_RATED_BATCHES.keySerde().serializer(), Topics.USAGE_RATED_BATCHES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), partition, first, new RatedBatch(List.of(lines)))).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish a rated batch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new customer id whose records land on the same partition of {@code usage.rated} as {@code customer}'s. */
    static CustomerId onTheSamePartitionAs(CustomerId customer, String bootstrap) {
        int partitions = TopicAdmin.partitions(bootstrap, Topics.USAGE_RATED.name());
        int partition = CustomerPartitions.of(customer, partitions);
        while (true) {
            CustomerId candidate = CustomerId.of("globex-" + UUID.randomUUID().toString().substring(0, 8));
            if (CustomerPartitions.of(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    /** Publishes the records and waits for Kafka's acknowledgement. */
    static void publish(String bootstrap, RatedUsage... usages) {
        try (var producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, "invoicing-test-rated"),
                Topics.USAGE_RATED.keySerde().serializer(), Topics.USAGE_RATED.valueSerde().serializer())) {
            for (RatedUsage usage : usages) {
                producer.send(new ProducerRecord<>(Topics.USAGE_RATED.name(), usage.event().customer(), usage)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish rated usage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
