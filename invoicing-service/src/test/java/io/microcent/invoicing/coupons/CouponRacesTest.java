package io.microcent.invoicing.coupons;

import io.microcent.invoicing.InvoicingService;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponDuration;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.invoicing.write.createcoupon.CreateCoupon;
import io.microcent.invoicing.write.redeemcoupon.CustomerTerms;
import io.microcent.invoicing.write.redeemcoupon.RedeemCoupon;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.axon.JdbcAxon;
import io.microcent.platform.axon.JdbcTransactions;
import io.microcent.platform.db.Database;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.test.TestInfrastructure;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.microcent.invoicing.db.Tables.COUPON_REDEMPTIONS;
import static io.microcent.invoicing.db.Tables.DOMAIN_EVENT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the coupon area (two Axon configurations, each with its own aggregate locks) on one event
 * store, racing: what the event store's unique stream keys must make come out right.
 */
class CouponRacesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int ROUNDS = 5;

    private static Database database;
    private final List<Configuration> instances = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        database = TestInfrastructure.get().database();
        database.migrate(InvoicingService.SCHEMA);
    }

    @AfterEach
    void shutdown() {
        instances.forEach(Configuration::shutdown);
    }

    private CommandSender startInstance() {
        JdbcTransactions transactions = new JdbcTransactions(database.dataSource());
        CustomerTerms everyoneOnStarter = customer -> Optional.of(new CustomerTerms.Terms(PlanId.of("starter"), BillingInterval.MONTH));
        Configuration axon = Coupons.configure(JdbcAxon.configurer(InvoicingService.SCHEMA, transactions),
                PlanCatalog.defaults(), transactions, everyoneOnStarter, customer -> false).start();
        instances.add(axon);
        return new CommandSender(axon.commandGateway());
    }

    private static CouponTerms tenPercent(Long maxRedemptions) {
        return new CouponTerms(null, new BigDecimal("10"), null, CouponDuration.FOREVER, null, maxRedemptions, null, List.of(), List.of());
    }

    private static CouponCode newCode() {
        return CouponCode.of("RACE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    /** Runs both at once (as far as two threads can), returning what each threw, or null. */
    private static List<RuntimeException> together(Runnable first, Runnable second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            List<Future<RuntimeException>> results = new ArrayList<>();
            for (Runnable each : List.of(first, second)) {
                results.add(threads.submit((Callable<RuntimeException>) () -> {
                    ready.countDown();
                    ready.await();
                    try {
                        each.run();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<RuntimeException> thrown = new ArrayList<>();
            for (Future<RuntimeException> result : results) {
                thrown.add(result.get());
            }
            return thrown;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void two_instances_creating_the_shipped_coupons_at_once_both_start_and_each_coupon_is_created_once() throws Exception {
        CommandSender one = startInstance();
        CommandSender two = startInstance();
        for (int round = 0; round < ROUNDS; round++) {
            CouponCode code = newCode();
            Map<CouponCode, CouponTerms> catalog = Map.of(code, tenPercent(null));

            List<RuntimeException> thrown = together(() -> Coupons.create(one, catalog, CLOCK), () -> Coupons.create(two, catalog, CLOCK));

            assertThat(thrown).containsOnlyNulls();
            assertThat(database.dsl().fetchCount(DOMAIN_EVENT_ENTRY, DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(code.aggregateId())))
                    .isEqualTo(1);
        }
    }

    @Test
    void a_coupon_with_one_redemption_left_is_redeemed_once_when_two_instances_redeem_it_at_once() throws Exception {
        CommandSender one = startInstance();
        CommandSender two = startInstance();
        for (int round = 0; round < ROUNDS; round++) {
            CouponCode code = newCode();
            one.send(new CreateCoupon(code, tenPercent(1L), NOW, false));

            List<RuntimeException> thrown = together(
                    () -> one.send(new RedeemCoupon(code, null, CustomerId.of("acme"), NOW)),
                    () -> two.send(new RedeemCoupon(code, null, CustomerId.of("globex"), NOW)));

            assertThat(database.dsl().fetchCount(COUPON_REDEMPTIONS, COUPON_REDEMPTIONS.COUPON.eq(code.raw()))).isEqualTo(1);
            assertThat(thrown).filteredOn(e -> e != null).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(e -> assertThat(((ApiException) e).code()).isIn(ErrorCode.CONFLICT, ErrorCode.COUPON_EXHAUSTED));
            assertThat(thrown).filteredOn(e -> e == null).hasSizeLessThanOrEqualTo(1);
        }
    }
}
