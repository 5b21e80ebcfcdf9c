package io.microcent.rating.stream;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricing.AllowanceCharge;
import io.microcent.rating.pricing.AllowancePricer;
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
 * Rates one usage event: finds the customer's plan, counts the event's requests against the plan's
 * allowance for the event's billing period, and prices the overage. Anything it cannot rate is
 * passed on as {@link Rejected} with a reason, never dropped and never allowed to stop the stream.
 */
final class RatingProcessor implements FixedKeyProcessor<CustomerId, UsageEvent, RatingOutcome> {

    private static final Logger log = LoggerFactory.getLogger(RatingProcessor.class);

    private final RatingRules rules;
    private FixedKeyProcessorContext<CustomerId, RatingOutcome> context;
    private KeyValueStore<CustomerId, CustomerPlan> plans;
    private KeyValueStore<String, Long> consumed;

    RatingProcessor(RatingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public void init(FixedKeyProcessorContext<CustomerId, RatingOutcome> context) {
        this.context = context;
        this.plans = context.getStateStore(RatingTopology.CUSTOMER_PLANS_STORE);
        this.consumed = context.getStateStore(RatingTopology.ALLOWANCE_STORE);
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
        Optional<Plan> plan = rules.plans().find(customerPlan.plan());
        if (plan.isEmpty()) {
            return new Rejected(event, DeadLetterReason.PLAN_UNKNOWN);
        }
        return rateUnderPlan(event, plan.get());
    }

    private RatingOutcome rateUnderPlan(UsageEvent event, Plan plan) {
        // event time decides the period while it is open at ingest time; later usage is billed as an
        // adjustment in the period open at ingest time (never the rating clock, so replays agree)
        BillingPeriod period = rules.lateUsage().periodFor(event.timestamp(), event.ingestedAt()).period();
        String allowanceKey = RatingTopology.allowanceKey(event.customer(), period);
        long before = Optional.ofNullable(consumed.get(allowanceKey)).orElse(0L);
        long after;
        AllowanceCharge charge;
        Microcents cost;
        try {
            after = Math.addExact(before, event.requests());
            charge = AllowancePricer.price(plan, before, event.requests());
            cost = rules.costs().costOf(event);
        } catch (ArithmeticException e) {
            return new Rejected(event, DeadLetterReason.QUANTITY_OUT_OF_RANGE);
        }
        // only now, when nothing can fail any more, is the allowance counted
        consumed.put(allowanceKey, after);
        return new Rated(new RatedUsage(event, period, plan.id(),
                charge.includedRequests(), charge.overageRequests(), cost, charge.charge()));
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
