package io.microcent.invoicing.automation;

import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.invoicing.read.subscriptions.SubscriptionsProjection;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.platform.axon.JdbcTransactions;
import org.jooq.Record3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.microcent.invoicing.db.Tables.CUSTOMERS;
import static io.microcent.invoicing.db.Tables.SUBSCRIPTION_PLAN_CHANGES;

/**
 * When a deferred plan change (a downgrade, or {@code at_term_end}) falls due on the service clock, publishes
 * the customer's plan then in force on {@code customer.plans}, so that rating rates with it, and records what
 * it published ({@code published_at}, {@code published_plan}; {@code customers.plan}).
 *
 * <p>Every {@link #DEFAULT_INTERVAL} it takes, in one transaction, the due changes not yet published with
 * {@code FOR UPDATE SKIP LOCKED}: a second instance skips the rows the first is publishing, and the
 * transaction is committed only after Kafka acknowledged. A crash in between publishes the same plan again
 * on the next round: harmless on the compacted topic. It publishes the plan in force <em>now</em>, not the
 * row's plan, so a change decided later (an upgrade after a due downgrade) is never overwritten by an older one.
 * Usage of the first seconds after a change falls due may still be rated under the previous plan.
 */
public final class WhenPlanChangeFallsDueThenPublishIt implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** Rows taken per round; the rest wait for the next. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(WhenPlanChangeFallsDueThenPublishIt.class);

    private final JdbcTransactions transactions;
    private final SubscriptionRepository subscriptions;
    private final PlanPublisher publisher;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "plan-changes-due");
        thread.setDaemon(true);
        return thread;
    });

    /** @param subscriptions reads through {@code transactions.dsl()}, so inside the round's transaction */
    public WhenPlanChangeFallsDueThenPublishIt(JdbcTransactions transactions, SubscriptionRepository subscriptions,
                                               PlanPublisher publisher, Clock clock) {
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.clock = clock;
    }

    public WhenPlanChangeFallsDueThenPublishIt start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            // Kafka or the database unavailable: nothing was recorded, the next round tries again
            log.warn("could not publish the plan changes due: {}", e.toString());
        }
    }

    /** Publishes the plans of the changes due now; returns how many customers' plans it published. */
    public int publishDue() {
        return transactions.fetchInTransaction(() -> {
            Instant now = clock.instant();
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            var dsl = transactions.dsl();
            List<Record3<String, Long, OffsetDateTime>> due = dsl
                    .select(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER, SUBSCRIPTION_PLAN_CHANGES.SEQUENCE, SUBSCRIPTION_PLAN_CHANGES.EFFECTIVE_AT)
                    .from(SUBSCRIPTION_PLAN_CHANGES)
                    .where(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_AT.isNull(), SUBSCRIPTION_PLAN_CHANGES.EFFECTIVE_AT.le(at))
                    .orderBy(SUBSCRIPTION_PLAN_CHANGES.EFFECTIVE_AT)
                    .limit(BATCH)
                    .forUpdate().skipLocked()
                    .fetch();
            Map<String, Instant> latestDue = new LinkedHashMap<>();
            due.forEach(row -> latestDue.merge(row.value1(), row.value3().toInstant(), (a, b) -> a.isAfter(b) ? a : b));
            for (Map.Entry<String, Instant> customer : latestDue.entrySet()) {
                CustomerId id = CustomerId.of(customer.getKey());
                SubscriptionsProjection.lock(dsl, customer.getKey()); // one at a time with the customer's plan changes
                PlanId plan = subscriptions.schedule(id).map(schedule -> schedule.planAt(now))
                        .orElseThrow(() -> new IllegalStateException("plan change of customer " + id + " without a subscription"));
                publisher.publish(new CustomerPlan(id, plan, customer.getValue()));
                List<Long> sequences = due.stream().filter(row -> row.value1().equals(customer.getKey())).map(Record3::value2).toList();
                dsl.update(SUBSCRIPTION_PLAN_CHANGES)
                        .set(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_AT, at)
                        .set(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_PLAN, plan.raw())
                        .where(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER.eq(customer.getKey()), SUBSCRIPTION_PLAN_CHANGES.SEQUENCE.in(sequences))
                        .execute();
                dsl.update(CUSTOMERS).set(CUSTOMERS.PLAN, plan.raw()).where(CUSTOMERS.ID.eq(customer.getKey())).execute();
            }
            return latestDue.size();
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
