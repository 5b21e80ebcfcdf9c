package io.microcent.caps.spend;

import io.microcent.model.caps.CapAlert;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.CapScope;
import io.microcent.model.caps.CapState;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.microcent.caps.spend.CapDefinitions.cap;
import static io.microcent.caps.spend.CapDefinitions.hardMonthly;
import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** Caps checked by the topology: states on caps.state, alerts on caps.alerts. */
class CapsTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOV_30_LAST_SECOND = Instant.parse("2026-11-30T23:59:59Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final long ONE_DOLLAR = 1_000_000;

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new CapsTopologyDriver(stateDir, Reservations.NONE, NOV_1);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void aHardCapBlocksExactlyWhenSpendReachesItsAmount() {
        CapDefinition cap = hardMonthly("cap_hard", ACME, ONE_DOLLAR);
        driver.caps(ACME, NOV_1, cap);
        driver.states();

        driver.send(usage(ACME, NOV_1.plusSeconds(10)).charge(ONE_DOLLAR - 1).rated());
        CapState justBelow = lastState();
        driver.send(usage(ACME, NOV_1.plusSeconds(20)).charge(1).rated());
        CapState atTheCap = lastState();

        assertThat(justBelow.spentMicrocents()).isEqualTo(Microcents.of(ONE_DOLLAR - 1));
        assertThat(justBelow.status()).isEqualTo(CapStatus.ALLOWED);
        assertThat(atTheCap.spentMicrocents()).isEqualTo(Microcents.of(ONE_DOLLAR));
        assertThat(atTheCap.status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(atTheCap.key()).hasToString("cap_hard|2026-11");
        assertThat(atTheCap.limitMicrocents()).isEqualTo(Microcents.of(ONE_DOLLAR));
        assertThat(atTheCap.updatedAt()).isEqualTo(NOV_1.plusSeconds(20));
    }

    @Test
    void usageOverAHardCapIsStillCountedBecauseUsageIsNeverDropped() {
        driver.caps(ACME, NOV_1, hardMonthly("cap_hard", ACME, ONE_DOLLAR));
        driver.send(usage(ACME, NOV_1.plusSeconds(10)).charge(ONE_DOLLAR).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(20)).charge(250).rated());

        CapState state = lastState();
        assertThat(state.spentMicrocents()).isEqualTo(Microcents.of(ONE_DOLLAR + 250));
        assertThat(state.status()).isEqualTo(CapStatus.BLOCKED);
    }

    @Test
    void thresholdsAlertOncePerPeriodAndOnlyTheFullOneOfAHardCapAnnouncesTheBlock() {
        driver.caps(ACME, NOV_1, hardMonthly("cap_hard", ACME, ONE_DOLLAR));

        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(400_000).rated());
        assertThat(driver.alerts()).isEmpty();
        driver.send(usage(ACME, NOV_1.plusSeconds(2)).charge(100_000).rated()); // exactly 50 %
        driver.send(usage(ACME, NOV_1.plusSeconds(3)).charge(1).rated());
        List<CapAlert> atHalf = driver.alerts();
        // 80 % and 100 % crossed by one usage: both alert, in order
        driver.send(usage(ACME, NOV_1.plusSeconds(4)).charge(600_000).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(5)).charge(1).rated());
        List<CapAlert> atTheTop = driver.alerts();

        assertThat(atHalf).singleElement().satisfies(alert -> {
            assertThat(alert.thresholdPercent()).isEqualTo(50);
            assertThat(alert.alertId()).hasToString("cap_hard|2026-11|50");
            assertThat(alert.spentMicrocents()).isEqualTo(Microcents.of(500_000));
            assertThat(alert.blocked()).isFalse();
            assertThat(alert.occurredAt()).isEqualTo(NOV_1.plusSeconds(2));
        });
        assertThat(atTheTop).extracting(CapAlert::thresholdPercent).containsExactly(80, 100);
        assertThat(atTheTop).extracting(CapAlert::blocked).containsExactly(false, true);
        assertThat(atTheTop).allSatisfy(alert -> {
            assertThat(alert.customer()).isEqualTo(ACME);
            assertThat(alert.scope()).isEqualTo(CapScope.CUSTOMER);
            assertThat(alert.mode()).isEqualTo(CapMode.HARD);
            assertThat(alert.measure()).isEqualTo(CapMeasure.CHARGE);
            assertThat(alert.period()).hasToString("2026-11");
        });
    }

    @Test
    void aNewMonthStartsFromZeroAtItsFirstInstant() {
        driver.caps(ACME, NOV_1, hardMonthly("cap_hard", ACME, ONE_DOLLAR));
        driver.send(usage(ACME, NOV_30_LAST_SECOND).charge(ONE_DOLLAR).rated());
        assertThat(lastState().status()).isEqualTo(CapStatus.BLOCKED);
        driver.alerts();

        driver.send(usage(ACME, DEC_1).charge(500_000).rated());

        CapState december = lastState();
        assertThat(december.key()).hasToString("cap_hard|2026-12");
        assertThat(december.spentMicrocents()).isEqualTo(Microcents.of(500_000));
        assertThat(december.status()).isEqualTo(CapStatus.ALLOWED);
        // thresholds are remembered per period: 50 % alerts again in December
        assertThat(driver.alerts()).extracting(alert -> alert.alertId().toString()).containsExactly("cap_hard|2026-12|50");
    }

    @Test
    void aSoftCapOnlyAlertsAndNeverBlocks() {
        driver.caps(ACME, NOV_1, cap("cap_soft", ACME, CapScope.CUSTOMER, "acme", ONE_DOLLAR, CapPeriod.MONTH,
                CapMode.SOFT, List.of(50, 80, 100)));

        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(3 * ONE_DOLLAR).rated());

        CapState state = lastState();
        assertThat(state.status()).isEqualTo(CapStatus.ALLOWED);
        assertThat(state.mode()).isEqualTo(CapMode.SOFT);
        assertThat(driver.alerts()).extracting(CapAlert::thresholdPercent).containsExactly(50, 80, 100);
    }

    @Test
    void aDayCapCountsTheUtcDayOfTheEventTimeAndTheNextDayStartsClean() {
        Instant nov21Late = Instant.parse("2026-11-21T23:59:59.999Z");
        Instant nov22 = Instant.parse("2026-11-22T00:00:00Z");
        driver.caps(ACME, NOV_1, cap("cap_day", ACME, CapScope.CUSTOMER, "acme", 1_000, CapPeriod.DAY,
                CapMode.HARD, List.of(100)));

        driver.send(usage(ACME, nov21Late.minusSeconds(3600)).charge(600).rated());
        driver.send(usage(ACME, nov21Late).charge(400).rated());
        CapState the21st = lastState();
        driver.send(usage(ACME, nov22).charge(10).rated());
        CapState the22nd = lastState();

        assertThat(the21st.key()).hasToString("cap_day|2026-11-21");
        assertThat(the21st.spentMicrocents()).isEqualTo(Microcents.of(1_000));
        assertThat(the21st.status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(the22nd.key()).hasToString("cap_day|2026-11-22");
        assertThat(the22nd.spentMicrocents()).isEqualTo(Microcents.of(10));
        assertThat(the22nd.status()).isEqualTo(CapStatus.ALLOWED);
    }

    @Test
    void aCapCreatedMidPeriodCountsThePeriodsSpendSoFarAndBlocksAtOnce() {
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(700).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(2)).charge(400).rated());
        assertThat(driver.states()).isEmpty();

        driver.caps(ACME, NOV_1.plusSeconds(60), hardMonthly("cap_late", ACME, 1_000));

        CapState state = lastState();
        assertThat(state.spentMicrocents()).isEqualTo(Microcents.of(1_100));
        assertThat(state.status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(state.updatedAt()).isEqualTo(NOV_1.plusSeconds(60));
        assertThat(driver.alerts()).extracting(CapAlert::thresholdPercent).containsExactly(50, 80, 100);
    }

    @Test
    void aProjectCapCountsOnlyUsageOfItsProject() {
        driver.caps(ACME, NOV_1, cap("cap_search", ACME, CapScope.PROJECT, "Search", 1_000, CapPeriod.MONTH,
                CapMode.HARD, List.of(100)));

        driver.send(usage(ACME, NOV_1.plusSeconds(1)).project("Search").charge(300).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(2)).project("Chat").charge(5_000).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(3)).charge(5_000).rated());
        driver.send(usage(ACME, NOV_1.plusSeconds(4)).project("Search").charge(200).rated());

        List<KeyValue<CapPeriodKey, CapState>> states = driver.states();
        assertThat(states).hasSize(3); // the definition, then the two Search usages
        assertThat(states.getLast().value.spentMicrocents()).isEqualTo(Microcents.of(500));
        assertThat(states.getLast().value.scopeId()).isEqualTo("Search");
        assertThat(states.getLast().value.status()).isEqualTo(CapStatus.ALLOWED);
    }

    @Test
    void aCostCapCountsProviderCostNotTheCharge() {
        driver.caps(ACME, NOV_1, CapDefinitions.withMeasure(hardMonthly("cap_cost", ACME, 1_000), CapMeasure.COST));

        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(50_000).cost(999).rated());

        CapState state = lastState();
        assertThat(state.spentMicrocents()).isEqualTo(Microcents.of(999));
        assertThat(state.measure()).isEqualTo(CapMeasure.COST);
        assertThat(state.status()).isEqualTo(CapStatus.ALLOWED);
    }

    @Test
    void raisingTheAmountUnblocksAtOnceAndThresholdsThatAlertedStaySilentForThePeriod() {
        CapDefinition cap = hardMonthly("cap_hard", ACME, 1_000);
        driver.caps(ACME, NOV_1, cap);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(1_000).rated());
        assertThat(lastState().status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(driver.alerts()).hasSize(3);

        driver.caps(ACME, NOV_1.plusSeconds(60), CapDefinitions.withAmount(cap, 1_500));
        CapState raised = lastState();
        driver.send(usage(ACME, NOV_1.plusSeconds(120)).charge(500).rated());

        assertThat(raised.status()).isEqualTo(CapStatus.ALLOWED);
        assertThat(raised.limitMicrocents()).isEqualTo(Microcents.of(1_500));
        assertThat(lastState().status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(driver.alerts()).isEmpty();
    }

    @Test
    void aDeletedCapsCurrentStateIsRemovedWithATombstone() {
        driver.caps(ACME, NOV_1, hardMonthly("cap_a", ACME, 1_000), hardMonthly("cap_b", ACME, 2_000));
        driver.states();

        driver.caps(ACME, NOV_1.plusSeconds(60), hardMonthly("cap_b", ACME, 2_000));
        driver.send(usage(ACME, NOV_1.plusSeconds(120)).charge(10).rated());

        List<KeyValue<CapPeriodKey, CapState>> states = driver.states();
        assertThat(states.getFirst().key).hasToString("cap_a|2026-11");
        assertThat(states.getFirst().value).isNull();
        // the unchanged cap_b is not re-published by the change; the usage counts for it only
        assertThat(states).extracting(kv -> kv.key.toString()).containsExactly("cap_a|2026-11", "cap_b|2026-11");
    }

    /** The stores' changelogs hold what they held before their keys were typed, so a restore reads them as they are. */
    @Test
    void theStoresKeepTheirKeysAsText() {
        driver.caps(ACME, NOV_1, hardMonthly("cap_hard", ACME, ONE_DOLLAR));
        driver.send(usage(ACME, Instant.parse("2026-11-21T08:00:00Z")).charge(500_000).rated());

        assertThat(driver.spendStore().get("acme|2026-11|customer|acme").chargeMicrocents()).isEqualTo(Microcents.of(500_000));
        assertThat(driver.spendStore().get("acme|2026-11-21|customer|acme").chargeMicrocents()).isEqualTo(Microcents.of(500_000));
        KeyValueStore<CapPeriodKey, FiredThresholds> fired = driver.store(SpendTopology.THRESHOLDS_STORE);
        assertThat(fired.get(CapPeriodKey.parse("cap_hard|2026-11"))).isEqualTo(new FiredThresholds(List.of(50)));
        assertThat(Topics.CAPS_STATE.keySerde().serializer().serialize("caps.state", CapPeriodKey.parse("cap_hard|2026-11")))
                .asString(StandardCharsets.UTF_8).isEqualTo("cap_hard|2026-11");
    }

    private CapState lastState() {
        return driver.states().getLast().value;
    }
}
