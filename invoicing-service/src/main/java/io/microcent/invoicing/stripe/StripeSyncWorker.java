package io.microcent.invoicing.stripe;

import io.microcent.invoicing.write.invoice.InvoiceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Syncs due pending invoices to Stripe on one scheduled thread. Rows are leased ({@link StripeSyncRows#claimDue}), so
 * any number of instances can run one each. A retryable failure leaves the invoice pending with its next attempt
 * after an exponential backoff ({@link Timing}); any other failure makes it {@code failed} until an operator
 * retries it ({@link #syncNow}).
 */
final class StripeSyncWorker implements AutoCloseable {

    /**
     * @param poll       how often due rows are looked for
     * @param firstRetry the wait after a pass's first failure, doubled after each further one
     * @param maxRetry   the longest wait
     * @param lease      how long a pass may take before another instance takes the row over
     */
    record Timing(Duration poll, Duration firstRetry, Duration maxRetry, Duration lease) {
        static final Timing DEFAULT = new Timing(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(5));

        Duration backoff(int failedAttempts) {
            int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
            Duration wait = firstRetry.multipliedBy(1L << Math.min(doublings, 20));
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StripeSyncWorker.class);
    private static final int BATCH = 20;

    private final StripeSyncRows rows;
    private final InvoiceSync sync;
    private final Clock clock;
    private final Timing timing;
    private final String owner;
    private ScheduledExecutorService scheduler;

    StripeSyncWorker(StripeSyncRows rows, InvoiceSync sync, Clock clock, Timing timing, String owner) {
        this.rows = rows;
        this.sync = sync;
        this.clock = clock;
        this.timing = timing;
        this.owner = owner;
    }

    synchronized StripeSyncWorker start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "stripe-sync-" + owner);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::runScheduled, 0, timing.poll().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One pass over the due rows; the number of invoices attempted. */
    int runOnce() {
        int attempted = 0;
        List<InvoiceId> claimed;
        do {
            Instant now = clock.instant();
            claimed = rows.claimDue(owner, now, now.plus(timing.lease()), BATCH);
            claimed.forEach(this::syncClaimed);
            attempted += claimed.size();
        } while (claimed.size() == BATCH);
        return attempted;
    }

    /** An operator's retry: due now, and synced now unless another instance is syncing it at this moment. */
    void syncNow(InvoiceId invoice) {
        Instant now = clock.instant();
        rows.dueNow(invoice, now);
        if (rows.claim(invoice, owner, now, now.plus(timing.lease()))) {
            syncClaimed(invoice);
        }
    }

    private void syncClaimed(InvoiceId invoice) {
        try {
            sync.run(invoice, owner);
        } catch (StripeCallFailed e) {
            if (e.retryable()) {
                int attempts = rows.load(invoice).attempts();
                Instant next = clock.instant().plus(timing.backoff(attempts));
                log.warn("Stripe sync of invoice {} failed (attempt {}), retrying at {}: {}", invoice, attempts, next, e.getMessage());
                rows.failedPass(invoice, owner, StripeSyncStatus.PENDING, e.getMessage(), next, clock.instant());
            } else {
                log.error("Stripe sync of invoice {} failed and will not be retried until an operator asks: {}", invoice, e.getMessage());
                rows.failedPass(invoice, owner, StripeSyncStatus.FAILED, e.getMessage(), null, clock.instant());
            }
        } catch (RuntimeException e) {
            int attempts = rows.load(invoice).attempts();
            Instant next = clock.instant().plus(timing.backoff(attempts));
            log.error("Stripe sync of invoice {} failed unexpectedly, retrying at {}", invoice, next, e);
            rows.failedPass(invoice, owner, StripeSyncStatus.PENDING, "the sync failed unexpectedly; it is retried", next, clock.instant());
        }
    }

    private void runScheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) { // e.g. the database is unreachable: the next poll tries again
            log.warn("Stripe sync pass failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
