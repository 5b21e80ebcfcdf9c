package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.DeadLetterCounter;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.rating.stream.RatingOutcome.Rated;
import io.microcent.rating.stream.RatingOutcome.Rejected;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;

/**
 * Rates one usage event: finds the customer's plan, adds the event to the customer's running meter
 * totals of the event's billing period, and prices it with the plan's charges ({@link UsageRater}, the
 * rating function re-rating shares).
 * Anything it cannot rate is passed on as {@link Rejected} with a reason and the dead-letter headers,
 * never dropped and never allowed to stop the stream. It validates and prices before it writes: the
 * period totals are put only once nothing can fail any more, so a record that throws (and is set aside
 * by the platform's processing handler) leaves no partial state behind.
 */
final class RatingProcessor implements FixedKeyProcessor<CustomerId, UsageEvent, RatingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

    private final UsageRater rater;
    private FixedKeyProcessorContext<CustomerId, RatingOutcome> context;
    private KeyValueStore<CustomerId, CustomerPlan> plans;
    private KeyValueStore<String, MeterTotals> periodUsage;
    private PriceBook priceBook;
    private DeadLetterCounter deadLetters;

    RatingProcessor(RatingRules rules) {
        this.rater = new UsageRater(Objects.requireNonNull(rules, "rules"));
    }

    @Override
    public void init(FixedKeyProcessorContext<CustomerId, RatingOutcome> context) {
        this.context = context;
        this.plans = context.getStateStore(RatingTopology.CUSTOMER_PLANS_STORE);
        this.periodUsage = context.getStateStore(RatingTopology.PERIOD_USAGE_STORE);
        this.priceBook = PriceBook.inStore(context, RatingTopology.PRICE_BOOK_STORE);
        this.deadLetters = DeadLetterCounter.from(context.appConfigs());
    }

    @Override
    public void process(FixedKeyRecord<CustomerId, UsageEvent> record) {
        RatingOutcome outcome = rate(record.key(), record.value());
        if (outcome instanceof Rejected rejected) {
            DeadLetter letter = deadLetter(record, rejected.reason());
            log.warn("setting aside usage {} of customer {}: {}",
                    rejected.event() == null ? "(no value)" : rejected.event().id(), record.key(), letter);
            deadLetters.count(letter);
            context.forward(record.withValue(outcome).withHeaders(letter.headers(record.headers())));
        } else {
            context.forward(record.withValue(outcome));
        }
    }

    /** The dead-letter headers of a rejected event: the same ones the platform's handlers write for any consumer. */
    private DeadLetter deadLetter(FixedKeyRecord<CustomerId, UsageEvent> record, DeadLetterReason reason) {
        var source = context.recordMetadata();
        return new DeadLetter(reason, RatingTopology.APPLICATION_ID,
                source.map(m -> m.topic()).orElse(Topics.USAGE_EVENTS.name()),
                source.map(m -> m.partition()).orElse(-1), source.map(m -> m.offset()).orElse(-1L),
                record.key() == null ? null : record.key().raw(), "rating: " + reason.code(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()), record.timestamp(), null, null);
    }

    private RatingOutcome rate(CustomerId key, UsageEvent event) {
        UsageRater.Result result = rater.rate(key, event, plans::get,
                period -> periodUsage.get(RatingTopology.periodKey(key, period)), priceBook);
        return switch (result) {
            case UsageRater.Result.Rated rated -> {
                // only now, when nothing can fail any more, is the usage counted
                periodUsage.put(RatingTopology.periodKey(key, rated.usage().period()), rated.periodTotals());
                yield new Rated(rated.usage());
            }
            case UsageRater.Result.Rejected rejected -> new Rejected(event, rejected.reason());
        };
    }
}
