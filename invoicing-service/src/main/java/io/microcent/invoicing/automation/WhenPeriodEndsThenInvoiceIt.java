package io.microcent.invoicing.automation;

import io.microcent.invoicing.billing.BillingReader;
import io.microcent.invoicing.billing.CustomerBilling;
import io.microcent.invoicing.billing.InvoiceCloser;
import io.microcent.invoicing.billing.UsageCountedCheck;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.LateUsagePolicy;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Period close. When a month ends, each subscription's invoice for it exists at once as a draft with the usage
 * rated so far, and is brought up to date while late usage arrives. When the late-usage grace ends, and only
 * once everything accepted before that moment is counted ({@link UsageCountedCheck}), it is finalized.
 *
 * <p>Every instance may run it: invoice ids are derived from (customer, period, revision) and the invoice
 * aggregate takes one decision at a time, so two instances closing the same period create one invoice and
 * finalize it once (the loser's command is refused or changes nothing). Runs over every subscription a page
 * at a time, the customers of a page in parallel.
 */
public final class WhenPeriodEndsThenInvoiceIt implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WhenPeriodEndsThenInvoiceIt.class);
    static final int PAGE = 500;
    /** Customers closed in one database transaction. */
    static final int BATCH = 50;

    /** What one run did. */
    public record Run(BillingPeriod period, int subscriptions, int drafted, int finalized, int failed, Duration took) {
    }

    private final BillingReader reader;
    private final InvoiceCloser closer;
    private final UsageCountedCheck counted;
    private final LateUsagePolicy lateUsage;
    private final Clock clock;
    private final ExecutorService workers;
    private final TransactionManager transactions;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("period-close").daemon().factory());

    /** @param transactions the ones the invoice commands run in: a batch's commands join its transaction */
    public WhenPeriodEndsThenInvoiceIt(BillingReader reader, InvoiceCloser closer, UsageCountedCheck counted,
                                       LateUsagePolicy lateUsage, Clock clock, int threads, TransactionManager transactions) {
        this.reader = reader;
        this.closer = closer;
        this.counted = counted;
        this.lateUsage = lateUsage;
        this.clock = clock;
        this.transactions = transactions;
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("period-close-", 0).daemon().factory());
    }

    /** Runs every {@code interval}, the first time at once. */
    public WhenPeriodEndsThenInvoiceIt start(Duration interval) {
        schedule.scheduleWithFixedDelay(this::runLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void runLogged() {
        try {
            Run run = runOnce();
            if (run.drafted() + run.finalized() + run.failed() > 0) {
                log.info("period close {}: {} subscriptions, {} drafted or refreshed, {} finalized, {} failed, in {} ms",
                        run.period(), run.subscriptions(), run.drafted(), run.finalized(), run.failed(), run.took().toMillis());
            }
        } catch (RuntimeException e) {
            log.warn("period close failed; it runs again: {}", e.toString());
        }
    }

    /** One pass over every subscription for the month that ended last (and any earlier draft left open). */
    public synchronized Run runOnce() {
        long startedNanos = System.nanoTime(); // how long it took is real time, whatever the service clock says
        Instant started = clock.instant();
        BillingPeriod ended = BillingPeriod.containing(started).previous();
        Instant closesAt = lateUsage.closesAt(ended);
        boolean finalizing = !started.isBefore(closesAt) && counted.countedUpTo(closesAt);
        AtomicInteger drafted = new AtomicInteger();
        AtomicInteger finalized = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        int subscriptions = 0;
        CustomerId after = null;
        while (true) {
            List<Subscription> page = reader.inputs().subscriptions(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            subscriptions += page.size();
            after = page.getLast().customer();
            List<CustomerBilling> billings = reader.page(page, ended);
            List<CompletableFuture<Void>> work = new ArrayList<>();
            for (int from = 0; from < billings.size(); from += BATCH) {
                List<CustomerBilling> batch = billings.subList(from, Math.min(billings.size(), from + BATCH));
                work.add(CompletableFuture.runAsync(() -> closeBatch(batch, ended, finalizing, drafted, finalized, failed), workers));
            }
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        }
        return new Run(ended, subscriptions, drafted.get(), finalized.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /**
     * Closes a batch of customers in one database transaction: one commit (one WAL flush) for the batch instead
     * of one per invoice. Each customer's commands still decide on their own; should any of them fail, the whole
     * batch rolls back and its customers are closed again one transaction each, so one customer's problem costs
     * only its own invoice. The batch waits for Kafka's acknowledgements of its invoice notifications once,
     * before it commits ({@link DeferredAcks}).
     */
    private void closeBatch(List<CustomerBilling> batch, BillingPeriod ended, boolean finalizing, AtomicInteger drafted,
                            AtomicInteger finalized, AtomicInteger failed) {
        AtomicInteger batchDrafted = new AtomicInteger();
        AtomicInteger batchFinalized = new AtomicInteger();
        try {
            transactions.executeInTransaction(() -> DeferredAcks.awaitedWithin(() -> batch.forEach(billing ->
                    close(billing, ended, finalizing, batchDrafted, batchFinalized))));
            drafted.addAndGet(batchDrafted.get());
            finalized.addAndGet(batchFinalized.get());
            return;
        } catch (RuntimeException e) {
            log.debug("a batch of period close rolled back, closing its customers one by one: {}", e.toString());
        }
        for (CustomerBilling billing : batch) {
            try {
                close(billing, ended, finalizing, drafted, finalized);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.warn("cannot close {} for {} yet: {}", ended, billing.subscription().customer(), e.toString());
            }
        }
    }

    private void close(CustomerBilling billing, BillingPeriod ended, boolean finalizing, AtomicInteger drafted,
                       AtomicInteger finalized) {
        if (billing.subscription().firstPeriod().compareTo(ended) > 0) {
            return; // billing starts in the current month: nothing has ended yet
        }
        // an earlier period left as a draft (the service was down at its close) goes first: finalize in order
        List<BillingPeriod> periods = new ArrayList<>(billing.earlierDrafts(ended));
        periods.add(ended);
        for (BillingPeriod period : periods) {
            Optional<InvoiceRow> live = billing.live(period);
            if (live.isPresent() && live.get().status() != InvoiceStatus.DRAFT) {
                continue;
            }
            boolean later = !period.equals(ended);
            if (finalizing) {
                InvoiceId invoice = closer.finalize(billing, period, false);
                finalized.incrementAndGet();
                if (later) {
                    closer.refresh(billing, invoice); // the next period's invoice must see this one final
                }
            } else if (!later && closer.draft(billing, period)) {
                drafted.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        workers.shutdownNow();
        try {
            schedule.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
