package io.microcent.caps.authorize;

import io.microcent.caps.spend.CapsTopologyDriver;
import io.microcent.caps.spend.ScopeIds;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CapMeasure;
import io.microcent.model.caps.CapMode;
import io.microcent.model.caps.CapPeriod;
import io.microcent.model.caps.CapScope;
import io.microcent.model.caps.CapStatus;
import io.microcent.model.id.CapId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.microcent.caps.spend.CapDefinitions.cap;
import static io.microcent.caps.spend.CapDefinitions.hardMonthly;
import static io.microcent.caps.spend.CapDefinitions.withMeasure;
import static io.microcent.caps.spend.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;

/** Authorization decided from the caps topology's state and the open reservations. */
class AuthorizerTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CapDefinition HARD_1000 = hardMonthly("cap_hard", ACME, 1_000);

    @TempDir
    Path stateDir;

    private CapsTopologyDriver driver;
    private static final ModelId GPT_4O = ModelId.of("gpt-4o");

    private CustomerLocks locks;
    private ReservationBook reservations;
    private Authorizer authorizer;

    @BeforeEach
    void start() {
        locks = new CustomerLocks();
        reservations = new ReservationBook(locks);
        driver = new CapsTopologyDriver(stateDir, reservations, NOV_1);
        authorizer = new Authorizer(DriverStoreBytes.readsOf(driver), reservations, ReservationLog.IN_MEMORY, locks, Estimators.perToken(), TTL);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aCallThatFitsIsAllowedAndItsWorstCaseIsReservedAgainstEveryCapItFallsUnder() {
        CapDefinition search = cap("cap_search", ACME, CapScope.PROJECT, "Search", 500, CapPeriod.MONTH, CapMode.HARD, List.of(100));
        CapDefinition chat = cap("cap_chat", ACME, CapScope.PROJECT, "Chat", 500, CapPeriod.MONTH, CapMode.HARD, List.of(100));
        driver.caps(ACME, NOV_1, HARD_1000, search, chat);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).project("Search").charge(100).rated());

        Authorization answer = authorizer.authorize(call(ProjectId.of("Search"), 150, 50), NOW);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reservationId().raw()).startsWith("rsv_");
        assertThat(answer.reservedMicrocents()).isEqualTo(Microcents.of(200));
        assertThat(answer.blockedBy()).isEmpty();
        assertThat(answer.expiresAt()).isEqualTo(NOW.plus(TTL));
        // the tightest hard cap: Search, 500 - 100 spent - 200 reserved
        assertThat(answer.remainingMicrocents()).isEqualTo(Microcents.of(200));
        assertThat(authorizer.standingOf(HARD_1000, NOW).reserved()).isEqualTo(Microcents.of(200));
        assertThat(authorizer.standingOf(search, NOW).reserved()).isEqualTo(Microcents.of(200));
        assertThat(authorizer.standingOf(chat, NOW).reserved()).isEqualTo(Microcents.ZERO);
    }

    @Test
    void aCallWhoseWorstCaseWouldPassAHardCapIsRefusedNamingTheCap() {
        driver.caps(ACME, NOV_1, HARD_1000);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(900).rated());

        Authorization answer = authorizer.authorize(call(null, 101, 0), NOW);

        assertThat(answer.allowed()).isFalse();
        assertThat(answer.blockedBy()).containsExactly(CapId.of("cap_hard"));
        assertThat(answer.reservationId()).isNull();
        assertThat(answer.reservedMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(answer.remainingMicrocents()).isEqualTo(Microcents.of(100));
        assertThat(reservations.openCount(ACME, NOW)).isZero();
    }

    @Test
    void aCallThatFillsTheCapExactlyIsAllowedAndTheNextOneIsRefused() {
        driver.caps(ACME, NOV_1, HARD_1000);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(900).rated());

        Authorization exact = authorizer.authorize(call(null, 60, 40), NOW);
        Authorization next = authorizer.authorize(call(null, 1, 0), NOW);

        assertThat(exact.allowed()).isTrue();
        assertThat(exact.remainingMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(next.allowed()).isFalse();
    }

    @Test
    void aBlockedCapRefusesEvenACallThatCostsNothing() {
        driver.caps(ACME, NOV_1, HARD_1000);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(1_000).rated());

        assertThat(authorizer.standingOf(HARD_1000, NOW).status()).isEqualTo(CapStatus.BLOCKED);
        assertThat(authorizer.authorize(call(null, 0, 0), NOW).allowed()).isFalse();
    }

    @Test
    void whenItsUsageIsRatedTheReservationIsReleasedAndTheRealSpendTakesOver() {
        driver.caps(ACME, NOV_1, HARD_1000);
        Authorization answer = authorizer.authorize(call(null, 500, 400), NOW);
        assertThat(authorizer.standingOf(HARD_1000, NOW).reserved()).isEqualTo(Microcents.of(900));

        driver.send(usage(ACME, NOW.plusSeconds(2)).reservation(answer.reservationId()).charge(300).rated());

        CapStanding standing = authorizer.standingOf(HARD_1000, NOW);
        assertThat(standing.reserved()).isEqualTo(Microcents.ZERO);
        assertThat(standing.spent()).isEqualTo(Microcents.of(300));
        assertThat(authorizer.authorize(call(null, 700, 0), NOW).allowed()).isTrue();
    }

    @Test
    void aReservationWhoseUsageNeverCameLapsesAfterItsTimeToLive() {
        driver.caps(ACME, NOV_1, HARD_1000);
        authorizer.authorize(call(null, 1_000, 0), NOW);
        assertThat(authorizer.authorize(call(null, 1, 0), NOW.plus(TTL).minusMillis(1)).allowed()).isFalse();

        Authorization later = authorizer.authorize(call(null, 1_000, 0), NOW.plus(TTL));

        assertThat(later.allowed()).isTrue();
        reservations.purgeExpired(NOW.plus(TTL.multipliedBy(2)));
        assertThat(reservations.openCount(ACME, NOW)).isZero();
    }

    @Test
    void aSoftCapNeverRefusesButItsReservationsShowInItsStanding() {
        CapDefinition soft = cap("cap_soft", ACME, CapScope.CUSTOMER, "acme", 100, CapPeriod.MONTH, CapMode.SOFT, List.of(80));
        driver.caps(ACME, NOV_1, soft);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(5_000).rated());

        Authorization answer = authorizer.authorize(call(null, 10, 10), NOW);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.remainingMicrocents()).isNull();
        assertThat(authorizer.standingOf(soft, NOW).reserved()).isEqualTo(Microcents.of(20));
    }

    @Test
    void aCallNoCapAppliesToIsAllowedWithoutAReservation() {
        driver.caps(ACME, NOV_1, cap("cap_search", ACME, CapScope.PROJECT, "Search", 1, CapPeriod.MONTH, CapMode.HARD, List.of(100)));

        Authorization answer = authorizer.authorize(call(ProjectId.of("Chat"), 5_000, 5_000), NOW);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reservationId()).isNull();
        assertThat(answer.reservedMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(reservations.openCount(ACME, NOW)).isZero();
    }

    @Test
    void aNewMonthStartsCleanForAuthorizationToo() {
        driver.caps(ACME, NOV_1, HARD_1000);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).charge(1_000).rated());
        assertThat(authorizer.authorize(call(null, 1, 0), Instant.parse("2026-11-30T23:59:59Z")).allowed()).isFalse();

        Authorization december = authorizer.authorize(call(null, 1_000, 0), Instant.parse("2026-12-01T00:00:00Z"));

        assertThat(december.allowed()).isTrue();
        assertThat(december.remainingMicrocents()).isEqualTo(Microcents.ZERO);
    }

    @Test
    void aCostCapHoldsTheCallsProviderCostOnly() {
        // $1 cost cap, 996,000 spent: 4,000 left; gpt-4o, 100 in and 10 out may cost 350. Before, a flat
        // $0.01 per request was added to every cap, and the call was refused.
        CapDefinition costCap = withMeasure(hardMonthly("cap_cost", ACME, 1_000_000), CapMeasure.COST);
        driver.caps(ACME, NOV_1, costCap);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).cost(996_000).charge(996_000).rated());
        driver.price(new ModelPriceHistory(GPT_4O, List.of(new ModelPrice(NOV_1, "openai",
                new TokenRates(Rate.ofMicrocents("2.5"), Rate.ofMicrocents("10"), null, null), null))));

        Authorization answer = pricedByTheBook().authorize(new CallRequest(ACME, scopes(null), GPT_4O, 100, 10), NOW);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reservedMicrocents()).isEqualTo(Microcents.of(350));
        assertThat(answer.remainingMicrocents()).isEqualTo(Microcents.of(3_650));
    }

    @Test
    void aChargeCapHoldsWhatThePlanChargesSoCallsInFlightShareTheAllowance() {
        // Starter: 1,000 requests included, then $0.01 each. 999 used: one more call is free, the next is not
        driver.caps(ACME, NOV_1, HARD_1000);
        driver.send(usage(ACME, NOV_1.plusSeconds(1)).requests(999).charge(0).rated());
        Authorizer authorizer = pricedByTheBook();

        Authorization free = authorizer.authorize(new CallRequest(ACME, scopes(null), GPT_4O, 100_000, 10_000), NOW);
        Authorization overage = authorizer.authorize(new CallRequest(ACME, scopes(null), GPT_4O, 1, 1), NOW);

        assertThat(free.allowed()).isTrue();
        assertThat(free.reservedMicrocents()).isEqualTo(Microcents.ZERO);
        assertThat(free.worstCase().charge()).isEqualTo(Microcents.ZERO);
        assertThat(overage.allowed()).as("the 1,001st request costs 10,000, more than the cap's 1,000").isFalse();
        assertThat(overage.worstCase().charge()).isEqualTo(Microcents.ofCents(1));
    }

    /** Priced from the driver's price book (75 per token without an entry) and charged by the default plans. */
    private Authorizer pricedByTheBook() {
        CapsReads reads = DriverStoreBytes.readsOf(driver);
        WorstCaseEstimator estimator = new WorstCaseEstimator(new CallCost(reads::priceBook, Rate.ofMicrocents("75")),
                PlanCatalog.defaults());
        return new Authorizer(reads, reservations, ReservationLog.IN_MEMORY, locks, estimator, TTL);
    }

    private static ScopeIds scopes(ProjectId project) {
        return ScopeIds.of(ACME, project, null, null, null, null);
    }

    private static CallRequest call(ProjectId project, long inputTokens, long maxOutputTokens) {
        return new CallRequest(ACME, ScopeIds.of(ACME, project, null, null, null, null), null, inputTokens, maxOutputTokens);
    }
}
