package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.pricebook.ProviderCost;
import io.microcent.rating.pricing.EventCharge;
import io.microcent.rating.pricing.MeterTotals;
import io.microcent.rating.pricing.PlanPricer;
import io.microcent.rating.pricing.PlanPricers;
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
import java.util.Optional;

/**
 * Rates one usage event: finds the customer's plan, adds the event to the customer's running meter
 * totals of the event's billing period, and prices it with the plan's charges ({@link PlanPricer}).
 * Anything it cannot rate is passed on as {@link Rejected} with a reason, never dropped and never
 * allowed to stop the stream.
 */
final class RatingProcessor implements FixedKeyProcessor<CustomerId, UsageEvent, RatingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

    private final RatingRules rules;
    private final PlanPricers pricers;
    private FixedKeyProcessorContext<CustomerId, RatingOutcome> context;
    private KeyValueStore<CustomerId, CustomerPlan> plans;
    private KeyValueStore<String, MeterTotals> periodUsage;
    private PriceBook priceBook;

    RatingProcessor(RatingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.pricers = new PlanPricers(rules.plans());
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
        if (event == null) {
            return new Rejected(null, DeadLetterReason.EVENT_MISSING);
        }
        if (event.schemaVersion() != UsageEvent.SCHEMA_VERSION) {
            return new Rejected(event, DeadLetterReason.SCHEMA_VERSION_UNSUPPORTED);
        }
        if (!event.customer().equals(key)) {
            return new Rejected(event, DeadLetterReason.CUSTOMER_KEY_MISMATCH);
        }
        if (hasNegativeQuantity(event)) {
            return new Rejected(event, DeadLetterReason.QUANTITY_NEGATIVE);
        }
        CustomerPlan customerPlan = plans.get(key);
        if (customerPlan == null) {
            return new Rejected(event, DeadLetterReason.CUSTOMER_UNKNOWN);
        }
        Optional<PlanPricer> plan = pricers.find(customerPlan.plan());
        if (plan.isEmpty()) {
            return new Rejected(event, DeadLetterReason.PLAN_UNKNOWN);
        }
        return rateUnderPlan(event, plan.get());
    }

    private RatingOutcome rateUnderPlan(UsageEvent event, PlanPricer plan) {
        // event time decides the period while it is open at ingest time; later usage is billed as an
        // adjustment in the period open at ingest time (never the rating clock, so replays agree)
        LateUsagePolicy.Placement placement = rules.lateUsage().periodFor(event.timestamp(), event.ingestedAt());
        BillingPeriod period = placement.period();
        String periodKey = RatingTopology.periodKey(event.customer(), period);
        MeterTotals before = Optional.ofNullable(periodUsage.get(periodKey)).orElse(MeterTotals.NONE);
        EventCharge charge;
        ProviderCost cost;
        try {
            cost = rules.costs().costOf(event, priceBook);
            charge = plan.price(before, event, cost.exactMicrocents());
        } catch (ArithmeticException e) {
            return new Rejected(event, DeadLetterReason.QUANTITY_OUT_OF_RANGE);
        }
        // only now, when nothing can fail any more, is the usage counted
        periodUsage.put(periodKey, charge.after());
        return new Rated(new RatedUsage(event, period, plan.plan().id(),
                charge.includedRequests(), charge.overageRequests(), cost.amount(), charge.charge(),
                cost.unpriced(), placement.adjustment()));
    }

    private static boolean hasNegativeQuantity(UsageEvent event) {
        return event.requests() < 0 || event.inputTokens() < 0 || event.outputTokens() < 0
                || event.cacheReadTokens() < 0 || event.cacheWriteTokens() < 0;
    }

    /** A copy of the headers with the reason set: the input record's headers are not ours to change. */
    static Headers withReason(Headers original, DeadLetterReason reason) {
        Headers headers = new RecordHeaders(original.toArray());
        headers.remove(DeadLetterReason.HEADER);
        headers.add(DeadLetterReason.HEADER, reason.headerValue());
        return headers;
    }
}
