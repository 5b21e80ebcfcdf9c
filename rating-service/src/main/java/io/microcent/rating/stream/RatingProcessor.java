package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.DeadLetterCounter;
import io.microcent.rating.dedup.RatedEvents;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.stream.RatingOutcome.Rated;
import io.microcent.rating.stream.RatingOutcome.Rejected;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rates the events of one {@code usage.events} record, in order: drops each one already rated
 * ({@link RatedEvents}, a repeat within the record too), rates the others each under its own customer's
 * plan and period totals ({@link UsageRater}, the rating function re-rating shares), and forwards one
 * {@link Rated} batch of all the record's lines plus one {@link Rejected} per event it could not rate, with
 * the reason and the dead-letter headers, so a bad event is set aside alone and never stops the stream.
 *
 * <p>Every store is looked up by the event's customer, never by the record key: a batch holds the events
 * of all customers of its partition and is keyed by the first one's. The task holds the plans of its
 * partition's customers only (customer.plans is co-partitioned), so an event of a customer of another
 * partition finds no plan and is set aside as {@code customer_unknown}; replayed alone, keyed by its
 * customer, it reaches its own partition. Every rated customer is thus one of the input partition's, and
 * the rated batch, keyed by its first line's customer, lands on the same partition of {@code usage.rated}.
 *
 * <p>It validates and prices the whole record before it writes: ids and period totals are stored only
 * once nothing can fail any more, so a record that throws (and is set aside whole by the platform's
 * processing handler) leaves no partial state behind.
 */
final class RatingProcessor implements Processor<CustomerId, UsageBatch, CustomerId, RatingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

    private final UsageRater rater;
    private final Duration dedupRetention;
    private ProcessorContext<CustomerId, RatingOutcome> context;
    private RatedEvents ratedEvents;
    private KeyValueStore<CustomerId, CustomerPlan> plans;
    private KeyValueStore<String, MeterTotals> periodUsage;
    private PriceBook priceBook;
    private DeadLetterCounter deadLetters;

    RatingProcessor(RatingRules rules, Duration dedupRetention) {
        this.rater = new UsageRater(Objects.requireNonNull(rules, "rules"));
        this.dedupRetention = Objects.requireNonNull(dedupRetention, "dedupRetention");
    }

    @Override
    public void init(ProcessorContext<CustomerId, RatingOutcome> context) {
        this.context = context;
        this.ratedEvents = RatedEvents.of(context, dedupRetention);
        this.plans = context.getStateStore(RatingTopology.CUSTOMER_PLANS_STORE);
        this.periodUsage = context.getStateStore(RatingTopology.PERIOD_USAGE_STORE);
        this.priceBook = PriceBook.inStore(context, RatingTopology.PRICE_BOOK_STORE);
        this.deadLetters = DeadLetterCounter.from(context.appConfigs());
    }

    @Override
    public void process(Record<CustomerId, UsageBatch> record) {
        if (record.value() == null) {
            setAside(record, record.key(), new Rejected(null, DeadLetterReason.EVENT_MISSING));
            return;
        }
        RatedEvents.Batch dedup = ratedEvents.batch();
        BatchTotals totals = new BatchTotals(periodUsage);
        List<RatedUsage> lines = new ArrayList<>();
        List<Unrated> unrated = new ArrayList<>();
        List<UsageEvent> events = record.value().events();
        for (int position = 0; position < events.size(); position++) {
            UsageEvent event = events.get(position);
            if (dedup.alreadyRated(event)) {
                continue;
            }
            CustomerId key = UsageRater.cameUnder(record.key(), record.value(), position);
            switch (rater.rate(key, event, plans::get,
                    period -> totals.before(event.customer(), period), priceBook)) {
                case UsageRater.Result.Rated rated -> {
                    totals.count(event.customer(), rated.usage().period(), rated.periodTotals());
                    dedup.rated(event);
                    lines.add(rated.usage());
                }
                case UsageRater.Result.Rejected why -> unrated.add(new Unrated(key, new Rejected(event, why.reason())));
            }
        }
        // only now, when nothing can fail any more, is the usage counted and are its ids remembered
        totals.write();
        dedup.remember();
        unrated.forEach(event -> setAside(record, event.key(), event.outcome()));
        if (!lines.isEmpty()) {
            context.forward(record.withKey(lines.getFirst().event().customer()).withValue(new Rated(new RatedBatch(lines))));
        }
    }

    /** An event that could not be rated, with the key it came under (its dead letter's key). */
    private record Unrated(CustomerId key, Rejected outcome) {
    }

    /** Forwards the event alone, keyed as it came, with the dead-letter headers the platform's handlers write for any consumer. */
    private void setAside(Record<CustomerId, UsageBatch> record, CustomerId key, Rejected rejected) {
        DeadLetter letter = deadLetter(record, key, rejected.reason());
        log.warn("setting aside usage {} of customer {}: {}",
                rejected.event() == null ? "(no value)" : rejected.event().id(), key, letter);
        deadLetters.count(letter);
        context.forward(new Record<CustomerId, RatingOutcome>(key, rejected, record.timestamp(), letter.headers(record.headers())));
    }

    private DeadLetter deadLetter(Record<CustomerId, UsageBatch> record, CustomerId key, DeadLetterReason reason) {
        var source = context.recordMetadata();
        return new DeadLetter(reason, RatingTopology.APPLICATION_ID,
                source.map(m -> m.topic()).orElse(Topics.USAGE_EVENTS.name()),
                source.map(m -> m.partition()).orElse(-1), source.map(m -> m.offset()).orElse(-1L),
                key == null ? null : key.raw(), "rating: " + reason.code(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()), record.timestamp(), null, null);
    }

    @Override
    public void close() {
        if (ratedEvents != null) {
            ratedEvents.close();
        }
    }
}
