package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.stream.UsageRater;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rating a customer's period again from its events, as the topology rated it the first time. */
class PeriodReplayTest {

    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final ModelId MODEL = ModelId.of("test-model");

    /** 3 requests a period included, then 1¢ each; provider cost passed through with 20 % on top. */
    private static final UsageRater RATER = new UsageRater(RatingRules.of(PlanCatalog.fromJson("""
            {"plans": [{"id": "metered", "name": "Metered", "monthlyFee": "0",
              "charges": [{"meter": "requests", "model": "allowance", "included": 3, "unitPrice": "0.01"}],
              "tokenPassThrough": {"markup": "0.20"}}]}
            """)));
    private static final CustomerPlan PLAN = new CustomerPlan(ACME, PlanId.of("metered"), Instant.parse("2026-10-01T00:00:00Z"));
    /** 2.5 µ¢ per input token since before the period. */
    private static final PriceBook BOOK = PriceBook.of(Map.of(MODEL, new ModelPriceHistory(MODEL, List.of(
            new ModelPrice(Instant.parse("2026-01-01T00:00:00Z"), "acme-ai", new TokenRates(Rate.ofMicrocents("2.5"), null, null, null), null)))));

    @Test
    void thePeriodsEventsAreRatedInOrderWithTheAllowanceCountedFromTheStartOfThePeriod() {
        UsageEvent october = event(Instant.parse("2026-10-31T23:59:00Z"), 2, 0);
        UsageEvent first = event(NOV_3, 2, 1_000);
        UsageEvent second = event(NOV_3.plusSeconds(60), 2, 1_001);
        UsageEvent third = event(NOV_3.plusSeconds(120), 1, 0);

        List<RatedUsage> ratings = replay(NOV, id -> true, october, first, second, third);

        assertThat(ratings).extracting(r -> r.event().id()).containsExactly(first.id(), second.id(), third.id());
        assertThat(ratings).extracting(RatedUsage::includedRequests).containsExactly(2L, 1L, 0L);
        assertThat(ratings).extracting(RatedUsage::overageRequests).containsExactly(0L, 1L, 1L);
        // 1,001 tokens at 2.5 µ¢ are 2,502.5 µ¢: rounded half-even to 2,502
        assertThat(ratings).extracting(RatedUsage::costMicrocents)
                .containsExactly(Microcents.of(2_500), Microcents.of(2_502), Microcents.ZERO);
        // overage at 1¢ plus the exact cost × 1.2, rounded once: 3,003 µ¢
        assertThat(ratings).extracting(RatedUsage::chargeMicrocents)
                .containsExactly(Microcents.of(3_000), Microcents.of(10_000 + 3_003), Microcents.of(10_000));
    }

    @Test
    void usageIngestedAfterItsMonthClosedIsRatedAgainInThePeriodItWasBilledIn() {
        UsageEvent late = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-late"), ACME,
                Instant.parse("2026-10-15T12:00:00Z"), Instant.parse("2026-11-05T09:00:00Z"), null, null, null, null, null,
                "acme-ai", MODEL, 1, 0, 0, 0, 0);

        assertThat(replay(NOV, id -> true, late)).singleElement()
                .satisfies(rating -> assertThat(rating.adjustment()).isTrue())
                .extracting(RatedUsage::period).isEqualTo(NOV);
        assertThat(replay(BillingPeriod.parse("2026-10"), id -> true, late)).isEmpty();
    }

    @Test
    void aRepeatedEventIdIsRatedOnlyTheFirstTimeAsTheTopologysDedupDoes() {
        UsageEvent original = event(NOV_3, 2, 0);
        UsageEvent repeat = event(NOV_3.plusSeconds(5), original.id(), 2, 0);
        UsageEvent next = event(NOV_3.plusSeconds(10), 2, 0);

        List<RatedUsage> ratings = replay(NOV, id -> true, original, repeat, next);

        assertThat(ratings).extracting(r -> r.event().id()).containsExactly(original.id(), next.id());
        assertThat(ratings).extracting(RatedUsage::includedRequests).containsExactly(2L, 1L);
    }

    @Test
    void anOccurrenceTheTopologyRejectedDoesNotTakeTheIdOfTheOneItRatedLater() {
        UsageEvent rejected = event(NOV_3, -1, 0);
        UsageEvent resent = event(NOV_3.plusSeconds(30), rejected.id(), 1, 0);

        assertThat(replay(NOV, id -> true, rejected, resent)).singleElement()
                .extracting(RatedUsage::includedRequests).isEqualTo(1L);
    }

    @Test
    void eventsTheTopologyNeverRatedAndOtherCustomersEventsAreLeftOut() {
        UsageEvent deadLettered = event(NOV_3, 1, 0);
        UsageEvent rated = event(NOV_3.plusSeconds(1), 1, 0);
        UsageEvent someoneElses = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-other"), CustomerId.of("globex"),
                NOV_3, NOV_3, null, null, null, null, null, "acme-ai", MODEL, 1, 0, 0, 0, 0);
        PeriodReplay replay = new PeriodReplay(RATER, PLAN, BOOK, NOV, Set.of(rated.id(), someoneElses.id())::contains);

        assertThat(replay.rate(ACME, deadLettered)).isEmpty();
        assertThat(replay.rate(CustomerId.of("globex"), someoneElses)).isEmpty();
        assertThat(replay.rate(ACME, someoneElses)).as("a record whose key is not its customer").isEmpty();
        assertThat(replay.rate(ACME, rated)).isPresent();
        assertThat(replay.totals().requests()).isEqualTo(1);
    }

    private static List<RatedUsage> replay(BillingPeriod period, Predicate<EventId> ratedLive, UsageEvent... events) {
        PeriodReplay replay = new PeriodReplay(RATER, PLAN, BOOK, period, ratedLive);
        return Stream.of(events).map(event -> replay.rate(ACME, event)).flatMap(Optional::stream).toList();
    }

    private static UsageEvent event(Instant at, long requests, long inputTokens) {
        return event(at, EventId.of("evt-" + UUID.randomUUID()), requests, inputTokens);
    }

    private static UsageEvent event(Instant at, EventId id, long requests, long inputTokens) {
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, id, ACME, at, at, null, null, null, null, null,
                "acme-ai", MODEL, requests, inputTokens, 0, 0, 0);
    }
}
