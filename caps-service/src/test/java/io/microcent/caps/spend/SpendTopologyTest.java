package io.microcent.caps.spend;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static io.microcent.caps.spend.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer spend per billing period behind {@code GET /v1/customers/{id}/spend}. */
class SpendTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");
    private static final BillingPeriod NOV = BillingPeriod.parse("2026-11");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId GLOBEX = CustomerId.of("globex");

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
    void spendAccumulatesWithinABillingPeriodWithRequestsAndTheLastIngestTime() {
        driver.send(rated(ACME, NOV_1.plusSeconds(1), 1, 0, 25));
        driver.send(rated(ACME, NOV_1.plusSeconds(2), 3, 30_000, 75));
        Instant last = NOV_1.plusSeconds(3);
        driver.send(rated(ACME, last, 2, 20_000, 50));

        assertThat(spendStore().get("acme|2026-11"))
                .isEqualTo(new SpendState(ACME, NOV, Microcents.of(50_000), Microcents.of(150), 6, last));
    }

    @Test
    void eachBillingMonthHasItsOwnSpend() {
        driver.send(rated(ACME, NOV_1.plusSeconds(1), 5, 50_000, 0));
        driver.send(rated(ACME, DEC_1.plusSeconds(1), 1, 10_000, 0));
        // a late November usage still adds to November
        driver.send(rated(ACME, DEC_1.minusSeconds(1), 2, 20_000, 0));

        assertThat(spendStore().get("acme|2026-11").requests()).isEqualTo(7);
        assertThat(spendStore().get("acme|2026-11").chargeMicrocents()).isEqualTo(Microcents.of(70_000));
        assertThat(spendStore().get("acme|2026-12").chargeMicrocents()).isEqualTo(Microcents.of(10_000));
    }

    @Test
    void eachCustomerHasItsOwnSpend() {
        driver.send(rated(ACME, NOV_1.plusSeconds(1), 4, 40_000, 8));
        driver.send(rated(GLOBEX, NOV_1.plusSeconds(2), 1, 5_000, 1));

        assertThat(spendStore().get("acme|2026-11").chargeMicrocents()).isEqualTo(Microcents.of(40_000));
        assertThat(spendStore().get("globex|2026-11").costMicrocents()).isEqualTo(Microcents.of(1));
        assertThat(spendStore().get("globex|2026-11").requests()).isEqualTo(1);
    }

    @Test
    void withoutCapsNothingIsPublished() {
        driver.send(rated(ACME, NOV_1.plusSeconds(1), 4, 40_000, 8));

        assertThat(driver.states()).isEmpty();
        assertThat(driver.alerts()).isEmpty();
    }

    private KeyValueStore<String, SpendState> spendStore() {
        return driver.store(SpendTopology.SPEND_STORE);
    }
}
