package io.microcent.caps.spend;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.caps.Reservation;
import io.microcent.model.caps.SpendState;
import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.RatedUsage;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static io.microcent.caps.spend.CapDefinitions.hardMonthly;
import static io.microcent.caps.spend.RatedUsages.rated;
import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Batches of rated lines (one record, lines of several customers of one partition, keyed by the first line's
 * customer) and records of one line, as written before batches, read alike: each line counted once under its
 * own customer, each changed key written once per batch, alerts at the line that crosses.
 */
class RatedBatchTopologyTest {

    private static final Instant NOV_3 = Instant.parse("2026-11-03T10:00:00Z");
    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId GLOBEX = CustomerId.of("globex");

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void eachLineOfABatchCountsOnceUnderItsOwnCustomerAndAnOldSingleLineRecordAlike() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOV_3);

        driver.sendBatch(
                usage(ACME, NOV_3).charge(30).cost(3).project("search").rated(),
                usage(GLOBEX, NOV_3).requests(2).charge(10).cost(1).rated(),
                usage(ACME, NOV_3).charge(20).cost(2).rated(),
                usage(GLOBEX, NOV_3).charge(5).project("search").rated());
        driver.send(rated(GLOBEX, NOV_3.plusSeconds(1), 4, 7, 0));

        assertThat(spendOf(ACME)).extracting(SpendState::requests, SpendState::chargeMicrocents, SpendState::costMicrocents)
                .containsExactly(2L, Microcents.of(50), Microcents.of(5));
        assertThat(spendOf(GLOBEX)).extracting(SpendState::requests, SpendState::chargeMicrocents, SpendState::costMicrocents)
                .containsExactly(7L, Microcents.of(22), Microcents.of(1));
        assertThat(scopeCharge(ACME, "2026-11|project|search")).isEqualTo(30);
        assertThat(scopeCharge(GLOBEX, "2026-11|project|search")).isEqualTo(5);
        assertThat(scopeCharge(GLOBEX, "2026-11-03|customer|globex")).isEqualTo(22);
        KeyValueStore<String, PeriodMeters> meters = driver.store(SpendTopology.METERS_STORE);
        assertThat(meters.get(SpendState.keyOf(ACME, NOV)).totals().requests()).isEqualTo(2);
        assertThat(meters.get(SpendState.keyOf(GLOBEX, NOV)).totals().requests()).isEqualTo(7);
        assertThat(driver.deadLetters()).isEmpty();
    }

    @Test
    void aBatchPublishesEachCapStateOnceWithItsFinalValueWhileEachAlertFiresAtTheLineThatCrossesIt() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOV_3);
        CapDefinition acmeCap = hardMonthly("cap_acme", ACME, 100);
        CapDefinition globexCap = hardMonthly("cap_globex", GLOBEX, 1_000);
        driver.caps(ACME, NOV_3, acmeCap);
        driver.caps(GLOBEX, NOV_3, globexCap);
        driver.states();
        driver.changelog(SpendTopology.THRESHOLDS_STORE);

        driver.sendBatch(
                usage(ACME, NOV_3).charge(30).rated(),
                usage(GLOBEX, NOV_3).charge(10).rated(),
                usage(ACME, NOV_3).charge(30).rated(),   // 60: crosses 50 %
                usage(ACME, NOV_3).charge(50).rated(),   // 110: crosses 80 % and 100 %, blocks
                usage(GLOBEX, NOV_3).charge(20).rated());

        List<KeyValue<CapPeriodKey, CapState>> states = driver.states();
        assertThat(states).extracting(state -> state.key.toString(), state -> state.value.spentMicrocents(), state -> state.value.status())
                .containsExactlyInAnyOrder(
                        tuple("cap_acme|2026-11", Microcents.of(110), CapStatus.BLOCKED),
                        tuple("cap_globex|2026-11", Microcents.of(30), CapStatus.ALLOWED));
        assertThat(driver.alerts()).extracting(CapAlert::thresholdPercent, CapAlert::spentMicrocents, CapAlert::blocked)
                .containsExactly(
                        tuple(50, Microcents.of(60), false),
                        tuple(80, Microcents.of(110), false),
                        tuple(100, Microcents.of(110), true));
        assertThat(driver.changelog(SpendTopology.THRESHOLDS_STORE)).as("the fired thresholds written once, not per line")
                .extracting(entry -> entry.key).containsExactly("cap_acme|2026-11");

        driver.send(rated(GLOBEX, NOV_3.plusSeconds(1), 1, 500, 0));
        assertThat(driver.states()).extracting(state -> state.key.toString(), state -> state.value.spentMicrocents())
                .containsExactly(tuple("cap_globex|2026-11", Microcents.of(530)));
        assertThat(driver.alerts()).extracting(CapAlert::capId, CapAlert::thresholdPercent)
                .containsExactly(tuple(globexCap.id(), 50));
    }

    @Test
    void aLineThatWouldOverflowIsSetAsideAloneUnderItsOwnCustomerAndTheRestOfTheBatchIsCounted() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOV_3);
        CustomerId huge = CustomerId.of("huge");
        long almostAll = Long.MAX_VALUE - 10;
        driver.send(rated(huge, NOV_3, 1, almostAll, 0));
        RatedUsage overflowing = usage(huge, NOV_3).charge(100).rated();

        driver.sendBatch(
                usage(ACME, NOV_3).charge(5).rated(),
                overflowing,
                usage(huge, NOV_3).charge(3).rated(),
                usage(ACME, NOV_3).charge(7).rated());

        List<TestRecord<byte[], byte[]>> dead = driver.deadLetters();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> letter = dead.getFirst();
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.REASON)).isEqualTo("overflow");
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.CONSUMER)).isEqualTo(SpendTopology.APPLICATION_ID);
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(Topics.USAGE_RATED.name());
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.CUSTOMER)).isEqualTo("huge");
        assertThat(DeadLetter.header(letter.headers(), DeadLetter.DETAIL)).contains("line 2 of 4");
        assertThat(new String(letter.key(), StandardCharsets.UTF_8)).as("the line's customer, not the batch's key").isEqualTo("huge");
        assertThat(Topics.USAGE_RATED.valueSerde().deserializer().deserialize(Topics.USAGE_RATED.name(), letter.value()))
                .as("the line alone").isEqualTo(overflowing);

        assertThat(spendOf(ACME).chargeMicrocents()).isEqualTo(Microcents.of(12));
        assertThat(spendOf(huge).chargeMicrocents()).isEqualTo(Microcents.of(almostAll + 3));
        assertThat(spendOf(huge).requests()).as("the line set aside counted in no store").isEqualTo(2);
        KeyValueStore<String, PeriodMeters> meters = driver.store(SpendTopology.METERS_STORE);
        assertThat(meters.get(SpendState.keyOf(huge, NOV)).totals().requests()).isEqualTo(2);
        assertThat(scopeCharge(huge, "2026-11|customer|huge")).isEqualTo(almostAll + 3);
    }

    @Test
    void theReservationsOfABatchAreReleasedUnderEachLinesOwnCustomerOnceItsSpendIsWritten() {
        AtomicReference<CapsTopologyDriver> running = new AtomicReference<>();
        List<String> settled = new ArrayList<>();
        Reservations recording = (customer, reservation, countSpend) -> {
            countSpend.run();
            SpendState spend = running.get().<String, SpendState>store(SpendTopology.SPEND_STORE).get(SpendState.keyOf(customer, NOV));
            settled.add(customer.raw() + ":" + (reservation == null ? "-" : reservation.raw()) + ":"
                    + (spend == null ? 0 : spend.chargeMicrocents().value()));
        };
        driver = new CapsTopologyDriver(stateDir, recording, NOV_3);
        running.set(driver);
        ReservationId first = ReservationId.random();
        ReservationId second = ReservationId.random();
        ReservationId third = ReservationId.random();

        driver.sendBatch(
                usage(ACME, NOV_3).charge(10).reservation(first).rated(),
                usage(GLOBEX, NOV_3).charge(20).reservation(second).rated(),
                usage(ACME, NOV_3).charge(30).rated(),
                usage(ACME, NOV_3).charge(40).reservation(third).rated());

        assertThat(settled).as("each customer's whole batch spend is written when its first reservation is released")
                .containsExactly("acme:" + first.raw() + ":80", "acme:" + third.raw() + ":80", "globex:" + second.raw() + ":20");
        assertThat(driver.reservationRecords()).extracting(record -> record.key, record -> record.value)
                .containsExactly(
                        tuple(Reservation.keyOf(ACME, first), null),
                        tuple(Reservation.keyOf(GLOBEX, second), null),
                        tuple(Reservation.keyOf(ACME, third), null));
    }

    private SpendState spendOf(CustomerId customer) {
        KeyValueStore<String, SpendState> spend = driver.store(SpendTopology.SPEND_STORE);
        return spend.get(SpendState.keyOf(customer, NOV));
    }

    private long scopeCharge(CustomerId customer, String periodScopeAndId) {
        ScopeSpend spend = driver.spendStore().get(customer.raw() + "|" + periodScopeAndId);
        return spend == null ? 0 : spend.chargeMicrocents().value();
    }
}
