package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
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
import java.util.Arrays;
import java.util.List;
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
        Deserializer<RatedUsage> lines = Topics.USAGE_RATED.valueSerde().deserializer();
        byte[] key = CustomerPartitions.keyBytes(customer);
        // a period's lines carry their events' ingest times, corrections the (later) time they were made
        log.read(rated, log.firstAtOrAfter(rated, replayStart(period)), upTo, record -> {
            if (Arrays.equals(key, record.key()) && record.value() != null) {
                soFar.add(lines.deserialize(rated.topic(), record.value()));
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
            UsageEvent event = usage.eventOf(record);
            if (event == null) {
                return;
            }
            replay.rate(plan.customer(), event).ifPresent(newRating -> {
                progress.eventInPeriod();
                Corrections.of(newRating, ratedSoFar.of(newRating.event().id()), rater.rules().plans()).ifPresent(correction -> {
                    corrections.add(correction);
                    progress.corrected(correction);
                });
            });
        });
        return corrections;
    }

    static Instant replayStart(BillingPeriod period) {
        return period.start().minus(INGEST_LEAD);
    }

    /** The customer's events among a partition's records. */
    private static final class UsageEvents {

        private final byte[] key;
        private final Deserializer<UsageEvent> values = Topics.USAGE_EVENTS.valueSerde().deserializer();

        UsageEvents(CustomerId customer) {
            this.key = CustomerPartitions.keyBytes(customer);
        }

        /** The record's event when it is the customer's and readable; {@code null} otherwise. */
        UsageEvent eventOf(ConsumerRecord<byte[], byte[]> record) {
            if (!Arrays.equals(key, record.key()) || record.value() == null) {
                return null;
            }
            try {
                return values.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                return null; // the topology dead-lettered it as unreadable: it was never rated
            }
        }
    }
}
