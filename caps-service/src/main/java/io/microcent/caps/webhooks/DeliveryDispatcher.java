package io.microcent.caps.webhooks;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Works off the delivery outbox on one daemon thread: claims due deliveries (shared with other instances
 * through {@code SKIP LOCKED}), sends them concurrently, and records each outcome: delivered on 2xx,
 * endpoint disabled on 410 Gone, otherwise tried again after {@link RetrySchedule#delayAfter} until the
 * attempts run out. When nothing is due it sleeps one poll interval, or until {@link #wake()}.
 */
final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** Deliveries claimed at once; they are sent in parallel, so one slow endpoint delays a batch by at most the timeout. */
    static final int BATCH = 32;
    /** Longer than any attempt can take, so a claim only expires when its instance is gone. */
    static final Duration LEASE = WebhookSender.TIMEOUT.multipliedBy(6);

    private final DSLContext db;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final Duration pollInterval;
    private final Clock clock;
    private final Thread thread;
    private final Object wakeUp = new Object();
    private volatile boolean running = true;
    private boolean woken;

    DeliveryDispatcher(DSLContext db, WebhookSender sender, WebhookSettings settings, Clock clock) {
        this.db = db;
        this.deliveries = new DeliveryRepository(db);
        this.sender = sender;
        this.retries = settings.retries();
        this.pollInterval = settings.pollInterval();
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("webhook-dispatcher").unstarted(this::run);
    }

    DeliveryDispatcher start() {
        thread.start();
        return this;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** Looks for due deliveries now instead of at the next poll, e.g. after a replay. */
    void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void run() {
        while (running) {
            int sent = 0;
            try {
                sent = dispatchDue();
            } catch (RuntimeException e) {
                log.warn("webhook dispatch failed; retrying in {} ms", pollInterval.toMillis(), e);
            }
            if (sent == 0) {
                sleep();
            }
        }
    }

    /** One round: claim, send, record. Returns how many deliveries were attempted. */
    int dispatchDue() {
        List<ClaimedDelivery> claimed = deliveries.claimDue(clock.instant(), BATCH, LEASE);
        List<CompletableFuture<AttemptResult>> attempts = claimed.stream().map(sender::send).toList();
        for (int i = 0; i < claimed.size(); i++) {
            record(claimed.get(i), attempts.get(i).join());
        }
        return claimed.size();
    }

    private void record(ClaimedDelivery claim, AttemptResult result) {
        Instant now = clock.instant();
        if (result.delivered()) {
            DeliveryRepository.finish(db, claim, result, DeliveryStatus.DELIVERED, null, now);
        } else if (result.gone()) {
            log.warn("webhook {} answered 410 Gone; disabling it", claim.webhookId());
            db.transaction(tx -> {
                WebhookRepository.disable(tx.dsl(), claim.webhookId(), "the endpoint answered 410 Gone", now);
                DeliveryRepository.finish(tx.dsl(), claim, result, DeliveryStatus.FAILED, null, null);
            });
        } else if (retries.exhausted(claim.attempt())) {
            log.warn("webhook delivery {} to {} failed after {} attempts: {}", claim.id(), claim.webhookId(), claim.attempt(), result.error());
            DeliveryRepository.finish(db, claim, result, DeliveryStatus.FAILED, null, null);
        } else {
            Instant next = now.plus(retries.delayAfter(claim.attempt()));
            log.info("webhook delivery {} attempt {} failed ({}); next attempt at {}", claim.id(), claim.attempt(), result.error(), next);
            DeliveryRepository.finish(db, claim, result, DeliveryStatus.PENDING, next, null);
        }
    }

    private void sleep() {
        synchronized (wakeUp) {
            try {
                if (!woken && running) {
                    wakeUp.wait(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                woken = false;
            }
        }
    }

    /** Stops after the attempts in flight are recorded (at most one timeout). */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(WebhookSender.TIMEOUT.plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
