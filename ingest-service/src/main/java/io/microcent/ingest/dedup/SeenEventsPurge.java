package io.microcent.ingest.dedup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes seen-event records older than the retention, hourly, on one daemon thread. Every instance
 * runs it; the deletes are idempotent, so several instances only repeat each other's work. Run hourly,
 * each delete removes about an hour of records, which keeps the statement short.
 */
public final class SeenEventsPurge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SeenEventsPurge.class);
    static final Duration INTERVAL = Duration.ofHours(1);
    /** Soon after start, so that instances restarted more often than hourly still purge. */
    static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final SeenEventsStore store;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "seen-events-purge");
        thread.setDaemon(true);
        return thread;
    });

    public SeenEventsPurge(SeenEventsStore store, Duration retention, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::purgeAndLog, FIRST_RUN_AFTER.toSeconds(), INTERVAL.toSeconds(),
                TimeUnit.SECONDS);
    }

    /** Deletes the records first seen longer than the retention ago; returns how many. */
    public int purgeOnce() {
        return store.deleteSeenBefore(clock.instant().minus(retention));
    }

    private void purgeAndLog() {
        try {
            int deleted = purgeOnce();
            log.info("Purged {} seen-event record(s) older than {}", deleted, retention);
        } catch (RuntimeException e) {
            // thrown out of the task, it would cancel every later run
            log.warn("Could not purge seen-event records; retrying in {}: {}", INTERVAL, e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
