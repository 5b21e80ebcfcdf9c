package io.microcent.deploy.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Steady usage for a few customers: a batch every {@code batchSize / eventsPerSecond}, stamped with the cluster's
 * now, sent through {@link IngestClient} (so a batch that fails is sent again until acknowledged). A batch that
 * fails holds up the next ones: the rate drops during a failover rather than piling up. No event is stamped in the
 * last seconds of a month: sent on after the month closed (grace 0), it would be refused as too old.
 */
final class UsageLoad implements AutoCloseable {

    private static final Duration MONTH_END_GAP = Duration.ofSeconds(3);

    private final IngestClient ingest;
    private final ClusterClock clock;
    private final List<String> customers;
    private final int batchSize;
    private final String runId;
    private final AtomicLong sequence = new AtomicLong();
    private final PacedLoop loop;

    UsageLoad(IngestClient ingest, ClusterClock clock, List<String> customers, int eventsPerSecond, int batchSize, String runId) {
        this.ingest = ingest;
        this.clock = clock;
        this.customers = List.copyOf(customers);
        this.batchSize = batchSize;
        this.runId = runId;
        this.loop = new PacedLoop("usage-load", Duration.ofNanos(1_000_000_000L * batchSize / eventsPerSecond), this::sendBatch);
    }

    /** Stops sending; returns once the batch in flight is acknowledged. */
    void pause() {
        loop.pause();
    }

    void resume() {
        loop.resume();
    }

    @Override
    public void close() {
        loop.close();
    }

    private void sendBatch() {
        waitOutMonthEnd();
        ingest.send(batch(clock.now()));
    }

    private void waitOutMonthEnd() {
        Instant now = clock.now();
        Instant monthEnd = clock.month(now).plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Duration left = Duration.between(now, monthEnd);
        if (left.compareTo(MONTH_END_GAP) < 0) {
            Pause.of(left.plusMillis(200));
        }
    }

    private List<SentEvent> batch(Instant at) {
        List<SentEvent> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            long n = sequence.getAndIncrement();
            batch.add(new SentEvent(runId + "-load-" + n, customers.get((int) (n % customers.size())), at,
                    100 + n % 900, 10 + n % 90, Optional.empty()));
        }
        return batch;
    }
}
