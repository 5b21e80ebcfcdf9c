package io.microcent.invoicing;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.KafkaConfigs;
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
