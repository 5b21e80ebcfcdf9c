package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.rating.stream.RatingOutcome.Rated;
import io.microcent.rating.stream.RatingOutcome.Rejected;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Rates one usage event: finds the customer's plan, adds the event to the customer's running meter
 * totals of the event's billing period, and prices it with the plan's charges ({@link UsageRater}, the
 * rating function re-rating shares).
 * Anything it cannot rate is passed on as {@link Rejected} with a reason, never dropped and never
 * allowed to stop the stream.
 */
final class RatingProcessor implements FixedKeyProcessor<CustomerId, UsageEvent, RatingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

    private final UsageRater rater;
    private FixedKeyProcessorContext<CustomerId, RatingOutcome> context;
    private KeyValueStore<CustomerId, CustomerPlan> plans;
    private KeyValueStore<String, MeterTotals> periodUsage;
    private PriceBook priceBook;

    RatingProcessor(RatingRules rules) {
        this.rater = new UsageRater(Objects.requireNonNull(rules, "rules"));
    }

    @Override
    public void init(FixedKeyProcessorContext<CustomerId, RatingOutcome> context) {
        this.context = context;
        this.plans = context.getStateStore(RatingTopology.CUSTOMER_PLANS_STORE);
        this.periodUsage = context.getStateStore(RatingTopology.PERIOD_USAGE_STORE);
        this.priceBook = PriceBook.inStore(context, RatingTopology.PRICE_BOOK_STORE);
    }

    @Override
    public void process(FixedKeyRecord<CustomerId, UsageEvent> record) {
        RatingOutcome outcome = rate(record.key(), record.value());
        if (outcome instanceof Rejected rejected) {
            log.warn("dead-lettering usage {} of customer {} at {}: {}",
                    rejected.event() == null ? "(no value)" : rejected.event().id(), record.key(),
                    context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?"),
                    rejected.reason().code());
            context.forward(record.withValue(outcome).withHeaders(withReason(record.headers(), rejected.reason())));
        } else {
            context.forward(record.withValue(outcome));
        }
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

    /** A copy of the headers with the reason set: the input record's headers are not ours to change. */
    static Headers withReason(Headers original, DeadLetterReason reason) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.remove(DeadLetterReason.HEADER);
        headers.add(DeadLetterReason.HEADER, reason.headerValue());
        return headers;
    }
}
