package io.microcent.caps.authorize;

import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The working copy of reservations: running sums per cap and period, opened, released and expired exactly. */
class ReservationBookTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final BillingPeriod NOVEMBER = BillingPeriod.containing(NOW);
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CapPeriodKey MONTH_CAP = CapPeriodKey.parse("cap_month|2026-11");
    private static final CapPeriodKey DAY_CAP = CapPeriodKey.parse("cap_day|2026-11-10");

    private final CustomerLocks locks = new CustomerLocks();
    private final ReservationBook book = new ReservationBook(locks);

    @Test
    void eachCapHoldsWhatItsReservationsHoldAgainstIt() {
        reserve(Map.of(MONTH_CAP, 300L, DAY_CAP, 40L), 10, NOW.plusSeconds(60));
        reserve(Map.of(MONTH_CAP, 200L), 5, NOW.plusSeconds(60));

        assertThat(held(MONTH_CAP, NOW)).isEqualTo(Microcents.of(500));
        assertThat(held(DAY_CAP, NOW)).isEqualTo(Microcents.of(40));
        assertThat(held(CapPeriodKey.parse("cap_other|2026-11"), NOW)).isEqualTo(Microcents.ZERO);
        assertThat(quantities(NOW)).isEqualTo(new MeterTotals(2, 15, 0, 15));
    }

    @Test
    void aReleasedReservationStopsCountingAndReleasingItAgainChangesNothing() {
        Reservation first = reserve(Map.of(MONTH_CAP, 300L), 10, NOW.plusSeconds(60));
        reserve(Map.of(MONTH_CAP, 200L), 5, NOW.plusSeconds(60));

        book.settle(ACME, first.id(), () -> { });
        book.release(ACME, first.id());
        book.release(ACME, ReservationId.random());

        assertThat(held(MONTH_CAP, NOW)).isEqualTo(Microcents.of(200));
        assertThat(quantities(NOW)).isEqualTo(new MeterTotals(1, 5, 0, 5));
        assertThat(book.openCount(ACME, NOW)).isEqualTo(1);
    }

    @Test
    void reservationsLapseAtTheirExpiryInOrderOfExpiry() {
        reserve(Map.of(MONTH_CAP, 1L), 1, NOW.plusSeconds(30));
        reserve(Map.of(MONTH_CAP, 10L), 1, NOW.plusSeconds(10));
        reserve(Map.of(MONTH_CAP, 100L), 1, NOW.plusSeconds(20));

        assertThat(held(MONTH_CAP, NOW.plusSeconds(10).minusMillis(1))).isEqualTo(Microcents.of(111));
        assertThat(held(MONTH_CAP, NOW.plusSeconds(10))).isEqualTo(Microcents.of(101));
        assertThat(held(MONTH_CAP, NOW.plusSeconds(25))).isEqualTo(Microcents.of(1));
        assertThat(held(MONTH_CAP, NOW.plusSeconds(30))).isEqualTo(Microcents.ZERO);
        assertThat(quantities(NOW.plusSeconds(30))).isEqualTo(MeterTotals.NONE);
        assertThat(book.openCount(ACME, NOW.plusSeconds(30))).isZero();
    }

    @Test
    void restoringAReservationAlreadyOpenCountsItOnceAndAnExpiredOneNotAtAll() {
        Reservation open = reserve(Map.of(MONTH_CAP, 300L), 10, NOW.plusSeconds(60));
        Reservation lapsed = new Reservation(ReservationId.random(), ACME, Map.of(MONTH_CAP, Microcents.of(7)), NOVEMBER,
                new MeterTotals(1, 0, 0, 0), NOW);

        book.restore(open, NOW);
        book.restore(lapsed, NOW);

        assertThat(held(MONTH_CAP, NOW)).isEqualTo(Microcents.of(300));
    }

    @Test
    void aForgottenCustomerHoldsNothingHereAnyMore() {
        reserve(Map.of(MONTH_CAP, 300L), 10, NOW.plusSeconds(60));

        book.forget(List.of(ACME));

        assertThat(held(MONTH_CAP, NOW)).isEqualTo(Microcents.ZERO);
    }

    @Test
    void afterAnyMixOfOpeningsReleasesAndExpiriesTheSumsEqualWhatIsStillOpen() {
        Random random = new Random(42);
        List<Reservation> all = new ArrayList<>();
        List<Reservation> released = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            all.add(reserve(Map.of(MONTH_CAP, (long) random.nextInt(10_000)), random.nextInt(100),
                    NOW.plusMillis(random.nextInt(60_000))));
            if (random.nextInt(3) == 0) {
                Reservation victim = all.get(random.nextInt(all.size()));
                book.release(ACME, victim.id());
                released.add(victim);
            }
        }
        Instant later = NOW.plusSeconds(30);

        long expected = all.stream().filter(r -> !released.contains(r) && r.activeAt(later))
                .mapToLong(r -> r.holds().get(MONTH_CAP).value()).sum();
        long open = all.stream().filter(r -> !released.contains(r) && r.activeAt(later)).count();
        assertThat(held(MONTH_CAP, later)).isEqualTo(Microcents.of(expected));
        assertThat(quantities(later).requests()).isEqualTo(open);
        assertThat(book.openCount(ACME, later)).isEqualTo((int) open);
    }

    @Test
    void aBatchsSpendAndAllItsReservationsAreSettledInOneStepSoADecisionNeverSeesSomeOfThemStillOpen() throws Exception {
        Reservation first = reserve(Map.of(MONTH_CAP, 300L), 10, NOW.plusSeconds(60));
        Reservation second = reserve(Map.of(MONTH_CAP, 200L), 5, NOW.plusSeconds(60));
        reserve(Map.of(MONTH_CAP, 7L), 1, NOW.plusSeconds(60));
        List<Microcents> seenByADecision = new ArrayList<>();
        Thread decision = new Thread(() -> seenByADecision.add(held(MONTH_CAP, NOW)));

        book.settleAll(ACME, List.of(first.id(), second.id()), () -> {
            assertThat(held(MONTH_CAP, NOW)).as("spend is counted before anything is released").isEqualTo(Microcents.of(507));
            decision.start(); // waits for the customer's lock, which settleAll holds until every release is done
            sleepBriefly();
        });
        decision.join();

        assertThat(seenByADecision).containsExactly(Microcents.of(7));
        assertThat(book.openCount(ACME, NOW)).isEqualTo(1);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reservation reserve(Map<CapPeriodKey, Long> holds, long inputTokens, Instant expiresAt) {
        Map<CapPeriodKey, Microcents> amounts = new HashMap<>();
        holds.forEach((capPeriod, amount) -> amounts.put(capPeriod, Microcents.of(amount)));
        return locks.call(ACME, () -> book.reserve(ACME, amounts, NOVEMBER, new MeterTotals(1, inputTokens, 0, inputTokens), expiresAt));
    }

    private Microcents held(CapPeriodKey capPeriod, Instant at) {
        return locks.call(ACME, () -> book.heldAgainst(ACME, capPeriod, at));
    }

    private MeterTotals quantities(Instant at) {
        return locks.call(ACME, () -> book.quantitiesIn(ACME, NOVEMBER, at));
    }
}
