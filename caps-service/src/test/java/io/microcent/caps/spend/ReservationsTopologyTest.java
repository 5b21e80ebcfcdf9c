package io.microcent.caps.spend;

import io.microcent.caps.authorize.CustomerLocks;
import io.microcent.caps.authorize.ReservationBook;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** The durable copy of reservations: kept from caps.reservations, released by their usage, swept at expiry. */
class ReservationsTopologyTest {

    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CapPeriodKey CAP_PERIOD = CapPeriodKey.parse("cap_hard|2026-11");

    @TempDir
    Path stateDir;

    private ReservationBook book;
    private CapsTopologyDriver driver;

    @BeforeEach
    void start() {
        book = new ReservationBook(new CustomerLocks());
        driver = new CapsTopologyDriver(stateDir, book, NOW);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aRecordedReservationIsKeptAndOpenedInTheBookOfTheInstanceRunningTheTask() {
        Reservation reservation = reservation(NOW.plusSeconds(300));

        driver.reserved(reservation);

        assertThat(store().get(reservation.key())).isEqualTo(reservation);
        assertThat(book.openCount(ACME, NOW)).isEqualTo(1);
    }

    @Test
    void itsUsageReleasesItEverywhereAndTombstonesItOnTheTopic() {
        Reservation reservation = reservation(NOW.plusSeconds(300));
        driver.reserved(reservation);

        driver.send(usage(ACME, NOW.plusSeconds(1)).reservation(reservation.id()).charge(5).rated());

        assertThat(store().get(reservation.key())).isNull();
        assertThat(book.openCount(ACME, NOW)).isZero();
        assertThat(driver.reservationRecords()).containsExactly(KeyValue.pair(reservation.key(), null));
    }

    @Test
    void aRecordReadAfterItsUsageOpensNothing() {
        Reservation reservation = reservation(NOW.plusSeconds(300));

        driver.send(usage(ACME, NOW.plusSeconds(1)).reservation(reservation.id()).charge(5).rated());
        driver.reserved(reservation);

        assertThat(store().get(reservation.key())).isNull();
        assertThat(book.openCount(ACME, NOW)).isZero();
    }

    @Test
    void expiredReservationsAreSweptAndTombstoned() {
        Reservation shortLived = reservation(NOW.plusSeconds(30));
        Reservation longLived = reservation(NOW.plusSeconds(600));
        driver.reserved(shortLived);
        driver.reserved(longLived);

        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(store().get(shortLived.key())).isNull();
        assertThat(store().get(longLived.key())).isEqualTo(longLived);
        assertThat(driver.reservationRecords()).containsExactly(KeyValue.pair(shortLived.key(), null));
    }

    @Test
    void underASimulationClockAMonthBehindRealTimeReservationsExpireOnTheSimulatedClock() {
        driver.close();
        Instant realNow = NOW.plus(Duration.ofDays(30));
        book = new ReservationBook(new CustomerLocks());
        driver = new CapsTopologyDriver(stateDir.resolve("simulated"), book, realNow,
                new ReservationTime(Duration.between(realNow, NOW)));
        Reservation reservation = reservation(NOW.plusSeconds(300));

        driver.reserved(reservation);
        driver.advanceWallClock(Duration.ofMinutes(1));

        assertThat(store().get(reservation.key())).as("open for 5 simulated minutes").isEqualTo(reservation);
        assertThat(book.openCount(ACME, NOW)).isEqualTo(1);
        assertThat(driver.reservationRecords()).isEmpty();

        driver.advanceWallClock(Duration.ofMinutes(5));

        assertThat(store().get(reservation.key())).isNull();
        assertThat(driver.reservationRecords()).containsExactly(KeyValue.pair(reservation.key(), null));
    }

    private KeyValueStore<String, Reservation> store() {
        return driver.store(SpendTopology.RESERVATIONS_STORE);
    }

    private static Reservation reservation(Instant expiresAt) {
        return new Reservation(ReservationId.random(), ACME, Map.of(CAP_PERIOD, Microcents.of(100)), BillingPeriod.containing(NOW),
                new MeterTotals(1, 10, 10, 20), expiresAt);
    }
}
