package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.stream.UsageRater;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The steps of one re-rating job (see the module README for why each is safe with live traffic):
 * <ol>
 *   <li>capture the end {@code E} of the customer's {@code usage.events} partition and wait until the live
 *       topology has rated everything before it, so no event the job replays is still to be rated live;</li>
 *   <li>open the transactional writer of the customer and period (fencing any other job of theirs), then sum
 *       what {@code usage.rated} holds per event of the period;</li>
 *   <li>replay the partition from the start of the period up to {@code E}, rating the period's events again
 *       with the current price book and plan, and compare each with what is rated so far;</li>
 *   <li>commit the differences as corrections, all in one transaction.</li>
 * </ol>
 */
final class RerateRunner implements RerateJobs.Runner {

    /**
     * How long before its event time an event can have been ingested: ingest accepts event times up to five
     * minutes in the future (clock skew of senders). The first event of a period is at most this much older,
     * by ingest time (its record timestamp), than the period.
     */
    static final Duration INGEST_LEAD = Duration.ofMinutes(5);

    /** Opens the writer of a customer and period's corrections. */
    @FunctionalInterface
    interface Writers {
        CorrectionWriter open(CustomerId customer, BillingPeriod period);
    }

    private final UsageLog log;
    private final UsageRater rater;
    private final Supplier<PriceBook> priceBooks;
    private final Writers writers;
    private final Clock clock;
    private final Duration catchUpTimeout;

    /**
     * @param priceBooks     the current price book, asked once per job
     * @param catchUpTimeout how long a job waits for the live topology (and for open transactions) before failing
     */
    RerateRunner(UsageLog log, UsageRater rater, Supplier<PriceBook> priceBooks, Writers writers, Clock clock,
                 Duration catchUpTimeout) {
        this.log = log;
        this.rater = rater;
        this.priceBooks = priceBooks;
        this.writers = writers;
        this.clock = clock;
        this.catchUpTimeout = catchUpTimeout;
    }

    @Override
    public void run(RerateProgress progress, CustomerPlan plan, RerateJobs.Checkpoint checkpoint) {
        CustomerId customer = plan.customer();
        BillingPeriod period = progress.period();
        TopicPartition events = log.partitionOf(Topics.USAGE_EVENTS, customer);
        long end = log.stableEnd(events);
        log.awaitRated(events, end, catchUpTimeout);

        progress.moveTo(RerateStatus.REPLAYING);
        checkpoint.reached(progress);
        try (CorrectionWriter writer = writers.open(customer, period)) {
            RatedSoFar ratedSoFar = ratedSoFar(customer, period);
            List<RatedUsage> corrections = replay(progress, plan, events, end, ratedSoFar);

            progress.moveTo(RerateStatus.WRITING);
            checkpoint.reached(progress);
            writer.write(corrections, clock.millis());
        }
    }

    /** What {@code usage.rated} holds for the period, every transaction written before now settled. */
    private RatedSoFar ratedSoFar(CustomerId customer, BillingPeriod period) {
        TopicPartition rated = log.partitionOf(Topics.USAGE_RATED, customer);
        // the live transaction that rated the last replayed event may have its offsets committed a moment
        // before its usage.rated markers land: wait until nothing written so far is still open
        long upTo = log.writtenEnd(rated);
        log.awaitStable(rated, upTo, catchUpTimeout);
        RatedSoFar soFar = new RatedSoFar(customer, period, rater.rules().plans());
        Deserializer<RatedBatch> batches = Topics.USAGE_RATED_BATCHES.valueSerde().deserializer();
        // a period's lines carry their events' ingest times, corrections the (later) time they were made; a
        // record holds lines of any customer of the partition, keyed by its first line's customer
        log.read(rated, log.firstAtOrAfter(rated, replayStart(period)), upTo, record -> {
            if (record.value() != null) {
                batches.deserialize(rated.topic(), record.value()).lines().stream()
                        .filter(line -> line.event().customer().equals(customer))
                        .forEach(soFar::add);
            }
        });
        return soFar;
    }

    private List<RatedUsage> replay(RerateProgress progress, CustomerPlan plan, TopicPartition events, long end,
                                    RatedSoFar ratedSoFar) {
        long from = log.firstAtOrAfter(events, replayStart(progress.period()));
        long kept = log.start(events);
        if (from == kept && kept > 0 && from < end) {
            throw new RerateException(events + " no longer holds the start of " + progress.period()
                    + ": records before offset " + kept + " were deleted, and some of them may belong to the period");
        }
        PeriodReplay replay = new PeriodReplay(rater, plan, priceBooks.get(), progress.period(), ratedSoFar::wasRated);
        List<RatedUsage> corrections = new ArrayList<>();
        UsageEvents usage = new UsageEvents(plan.customer());
        log.read(events, from, end, record -> {
            progress.recordRead();
            usage.eventsOf(record, (cameUnder, event) -> replay.rate(cameUnder, event).ifPresent(newRating -> {
                progress.eventInPeriod();
                Corrections.of(newRating, ratedSoFar.of(newRating.event().id()), rater.rules().plans()).ifPresent(correction -> {
                    corrections.add(correction);
                    progress.corrected(correction);
                });
            }));
        });
        return corrections;
    }

    static Instant replayStart(BillingPeriod period) {
        return period.start().minus(INGEST_LEAD);
    }

    /** The customer's events among a partition's records, each of which holds a batch of its customers' events. */
    private static final class UsageEvents {

        private final CustomerId customer;
        private final Deserializer<CustomerId> keys = Topics.USAGE_EVENT_BATCHES.keySerde().deserializer();
        private final Deserializer<UsageBatch> values = Topics.USAGE_EVENT_BATCHES.valueSerde().deserializer();

        UsageEvents(CustomerId customer) {
            this.customer = customer;
        }

        /** Hands each readable event of the customer in the record to {@code each}, in order, with the customer it came under. */
        void eventsOf(ConsumerRecord<byte[], byte[]> record, BiConsumer<CustomerId, UsageEvent> each) {
            if (record.value() == null || record.key() == null) {
                return;
            }
            CustomerId key;
            UsageBatch batch;
            try {
                key = keys.deserialize(record.topic(), record.key());
                batch = values.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                return; // the topology dead-lettered it as unreadable: it was never rated
            }
            List<UsageEvent> events = batch.events();
            for (int position = 0; position < events.size(); position++) {
                if (events.get(position).customer().equals(customer)) {
                    each.accept(UsageRater.cameUnder(key, batch, position), events.get(position));
                }
            }
        }
    }
}
