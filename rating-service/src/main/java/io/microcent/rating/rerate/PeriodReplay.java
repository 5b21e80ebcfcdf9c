package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.rating.stream.UsageRater;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rates one customer's billing period again, event by event in the order of its partition, with the
 * rating function of the topology ({@link UsageRater}), the customer's current plan and the price book
 * given. The period's meter totals start from zero, exactly as the topology's {@code period-usage} store
 * starts a period, so allowances and tiers fall on the same events as the first time.
 *
 * <p>An event is rated again only if it is the customer's, billed in the period (its
 * {@link io.microcent.model.usage.LateUsagePolicy} placement, from event time and ingest time), was rated
 * as usage by the topology (not dead-lettered) and is the first rated occurrence of its id: the topology's
 * dedup remembers an id once it is rated, so a repeat is dropped, here too.
 */
final class PeriodReplay {

    private final UsageRater rater;
    private final CustomerId customer;
    private final CustomerPlan plan;
    private final PriceBook prices;
    private final BillingPeriod period;
    private final Predicate<EventId> ratedLive;
    private final Set<EventId> rated = new HashSet<>();
    private MeterTotals totals = MeterTotals.NONE;

    /** @param ratedLive whether the topology rated an event id as usage in the period */
    PeriodReplay(UsageRater rater, CustomerPlan plan, PriceBook prices, BillingPeriod period, Predicate<EventId> ratedLive) {
        this.rater = Objects.requireNonNull(rater, "rater");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.customer = plan.customer();
        this.prices = Objects.requireNonNull(prices, "prices");
        this.period = Objects.requireNonNull(period, "period");
        this.ratedLive = Objects.requireNonNull(ratedLive, "ratedLive");
    }

    /**
     * The event's new rating when it is one of the period's rated events; nothing for any other event.
     *
     * @param key the customer the event came under on {@code usage.events} ({@link UsageRater#cameUnder})
     */
    Optional<RatedUsage> rate(CustomerId key, UsageEvent event) {
        if (!customer.equals(key) || !belongsHere(event)) {
            return Optional.empty();
        }
        UsageRater.Result result = rater.rate(key, event, c -> plan, p -> totals, prices);
        if (!(result instanceof UsageRater.Result.Rated ratedEvent)) {
            return Optional.empty(); // the topology could not rate this occurrence either
        }
        totals = ratedEvent.periodTotals();
        rated.add(event.id());
        return Optional.of(ratedEvent.usage());
    }

    /** The period's meter totals after the events rated so far. */
    MeterTotals totals() {
        return totals;
    }

    private boolean belongsHere(UsageEvent event) {
        return event.customer().equals(customer)
                && rater.rules().lateUsage().periodFor(event.timestamp(), event.ingestedAt()).period().equals(period)
                && ratedLive.test(event.id())
                && !rated.contains(event.id());
    }
}
