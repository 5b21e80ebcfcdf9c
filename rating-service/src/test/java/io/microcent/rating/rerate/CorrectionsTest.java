package io.microcent.rating.rerate;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.Tag;
import io.microcent.model.usage.UsageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The delta of re-rating: what turns an event's lines on usage.rated into its new rating. */
class CorrectionsTest {

    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final Instant AT = Instant.parse("2026-11-10T08:30:00Z");
    private static final UsageEvent EVENT = new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), CustomerId.of("acme"),
            AT, AT.plusSeconds(2), ProjectId.of("search"), null, null, null, null, "openai", ModelId.of("gpt-4o"),
            3, 1_000, 200, 50, 0, ReservationId.of("res-1"), List.of(Tag.of("env:prod"), Tag.of("feature:chat")));

    @Test
    void anEventWhoseLinesAlreadyAddUpToItsNewRatingGetsNoCorrection() {
        RatedUsage rating = rated(2, 1, 2_500, 10_000);

        assertThat(correct(rating, amountsOf(rating))).isEmpty();
    }

    @Test
    void aHigherPriceIsCorrectedByTheDifferenceOnALineWithoutQuantities() {
        RatedUsage before = rated(2, 1, 2_500, 10_000);
        RatedUsage after = rated(2, 1, 3_100, 10_720);

        RatedUsage correction = correct(after, amountsOf(before)).orElseThrow();

        assertThat(correction.correction()).isTrue();
        assertThat(correction.costMicrocents()).isEqualTo(Microcents.of(600));
        assertThat(correction.chargeMicrocents()).isEqualTo(Microcents.of(720));
        assertThat(correction.includedRequests()).isZero();
        assertThat(correction.overageRequests()).isZero();
        assertThat(correction.unpriced()).isFalse();
        assertThat(correction.period()).isEqualTo(NOV);
        UsageEvent carried = correction.event();
        assertThat(carried.requests() + carried.inputTokens() + carried.outputTokens() + carried.cacheReadTokens()
                + carried.cacheWriteTokens()).as("nothing counted twice").isZero();
        assertThat(carried.reservationId()).as("the reservation was settled by the first rating").isNull();
        assertThat(carried).extracting(UsageEvent::id, UsageEvent::customer, UsageEvent::timestamp, UsageEvent::project,
                UsageEvent::provider, UsageEvent::model, UsageEvent::tags).containsExactly(EVENT.id(), EVENT.customer(),
                EVENT.timestamp(), EVENT.project(), EVENT.provider(), EVENT.model(), EVENT.tags());
        assertThat(carried.tags()).as("tags are part of the rollup row the difference goes to").hasSize(2);
    }

    @Test
    void aLowerPriceIsCorrectedByANegativeDifference() {
        RatedUsage correction = correct(rated(2, 1, 1_900, 9_000), amountsOf(rated(2, 1, 2_500, 10_000)))
                .orElseThrow();

        assertThat(correction.costMicrocents()).isEqualTo(Microcents.of(-600));
        assertThat(correction.chargeMicrocents()).isEqualTo(Microcents.of(-1_000));
    }

    @Test
    void aChangedAllowanceSplitMovesRequestsBetweenIncludedAndOverageWithoutChangingTheirSum() {
        RatedUsage correction = correct(rated(0, 3, 2_500, 30_000), amountsOf(rated(2, 1, 2_500, 10_000)))
                .orElseThrow();

        assertThat(correction.includedRequests()).isEqualTo(-2);
        assertThat(correction.overageRequests()).isEqualTo(2);
        assertThat(correction.costMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(correction.chargeMicrocents()).isEqualTo(Microcents.of(20_000));
    }

    @Test
    void theEventsLinesWithTheCorrectionAddUpToItsNewRatingSoASecondRunFindsNothing() {
        RatedUsage original = rated(2, 1, 2_500, 10_000);
        RatedUsage earlierCorrection = correct(rated(2, 1, 2_800, 10_400), amountsOf(original)).orElseThrow();
        RatedAmounts soFar = amountsOf(original).plus(amountsOf(earlierCorrection));
        RatedUsage newRating = rated(2, 1, 3_100, 10_720);

        RatedUsage correction = correct(newRating, soFar).orElseThrow();

        assertThat(correction.costMicrocents()).isEqualTo(Microcents.of(300));
        assertThat(soFar.plus(amountsOf(correction))).isEqualTo(amountsOf(newRating));
        assertThat(correct(newRating, soFar.plus(amountsOf(correction)))).isEqualTo(Optional.empty());
    }

    @Test
    void anAdjustmentStaysAnAdjustment() {
        RatedUsage late = new RatedUsage(EVENT, NOV, PlanId.of("starter"), 3, 0, Microcents.of(5), Microcents.ZERO, false, true);

        RatedUsage correction = correct(late, RatedAmounts.NONE).orElseThrow();

        assertThat(correction.adjustment()).isTrue();
        assertThat(correction.costMicrocents()).isEqualTo(Microcents.of(5));
    }

    @Test
    void aCorrectionCarriesTheDifferenceOfEachChargeWithoutQuantities() {
        RatedUsage ratedBefore = withCharges(2_500, List.of(charge("requests", 3, 10_000), charge("token_pass_through", 1_250, 3_000)));
        RatedUsage newRating = withCharges(3_100, List.of(charge("requests", 3, 10_000), charge("token_pass_through", 1_250, 3_720)));

        RatedUsage correction = correct(newRating, amountsOf(ratedBefore)).orElseThrow();

        assertThat(correction.charges()).containsExactly(charge("token_pass_through", 0, 720));
        assertThat(correction.chargeMicrocents()).isEqualTo(Microcents.of(720));
        assertThat(amountsOf(ratedBefore).plus(amountsOf(correction))).isEqualTo(amountsOf(newRating));
    }

    @Test
    void aLineWrittenBeforeChargesIsCorrectedOnItsPlansFirstCharge() {
        RatedUsage legacy = rated(2, 1, 2_500, 10_000); // starter: its one charge is requests
        RatedUsage newRating = withCharges(2_500, List.of(charge("requests", 3, 10_000), charge("token_pass_through", 1_250, 3_000)));

        RatedUsage correction = correct(newRating, amountsOf(legacy)).orElseThrow();

        assertThat(correction.charges()).containsExactly(charge("token_pass_through", 0, 3_000));
        assertThat(amountsOf(legacy).plus(amountsOf(correction)).charges())
                .isEqualTo(Map.of("requests", Microcents.of(10_000), "token_pass_through", Microcents.of(3_000)));
    }

    @Test
    void aChargeMovedToAnotherIsCorrectedEvenWhenTheTotalStaysTheSame() {
        RatedUsage ratedBefore = withCharges(2_500, List.of(charge("requests", 3, 10_000), charge("output_tokens", 200, 0)));
        RatedUsage newRating = withCharges(2_500, List.of(charge("requests", 3, 4_000), charge("output_tokens", 200, 6_000)));

        RatedUsage correction = correct(newRating, amountsOf(ratedBefore)).orElseThrow();

        assertThat(correction.chargeMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(correction.charges()).containsExactly(charge("requests", 0, -6_000), charge("output_tokens", 0, 6_000));
    }

    @Test
    void aChargeTheNewRatingNoLongerHasIsCorrectedToZero() {
        RatedUsage ratedBefore = withCharges(2_500, List.of(charge("requests", 3, 10_000), charge("token_pass_through", 1_250, 3_000)));
        RatedUsage newRating = withCharges(2_500, List.of(charge("requests", 3, 10_000)));

        RatedUsage correction = correct(newRating, amountsOf(ratedBefore)).orElseThrow();

        assertThat(correction.charges()).containsExactly(charge("token_pass_through", 0, -3_000));
        assertThat(correct(newRating, amountsOf(ratedBefore).plus(amountsOf(correction)))).isEmpty();
    }

    private static final PlanCatalog PLANS = PlanCatalog.defaults();

    private static RatedAmounts amountsOf(RatedUsage line) {
        return RatedAmounts.of(line, PLANS);
    }

    private static Optional<RatedUsage> correct(RatedUsage newRating, RatedAmounts ratedSoFar) {
        return Corrections.of(newRating, ratedSoFar, PLANS);
    }

    private static ChargeAmount charge(String key, long quantity, long amount) {
        return new ChargeAmount(key, quantity, Microcents.of(amount));
    }

    private static RatedUsage withCharges(long cost, List<ChargeAmount> charges) {
        return new RatedUsage(EVENT, NOV, PlanId.of("starter"), 2, 1, Microcents.of(cost), ChargeAmount.sum(charges),
                false, false, false, charges);
    }

    private static RatedUsage rated(long included, long overage, long cost, long charge) {
        return new RatedUsage(EVENT, NOV, PlanId.of("starter"), included, overage, Microcents.of(cost), Microcents.of(charge));
    }
}
