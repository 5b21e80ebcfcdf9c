package io.microcent.ingest.keys;

import io.microcent.model.id.ApiKeyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * When each key last authenticated a request, without a database write per request: a use is remembered in
 * memory and the latest use of each key is written every {@code interval} (a minute), one statement per key
 * used since the last write, so {@code last_used_at} lags by at most the interval (on this instance, every
 * key's latest use shows at once: {@link #latest} overlays what is not written yet). Uses not yet written
 * when the process dies are lost; the time is approximate, to the interval.
 */
public final class ApiKeyUsage implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiKeyUsage.class);

    private final ApiKeyStore store;
    private final Clock clock;
    private final Map<ApiKeyId, Instant> unwritten = new ConcurrentHashMap<>();
    private ScheduledExecutorService writer;

    public ApiKeyUsage(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Writes the remembered uses every {@code interval} on a daemon thread until closed. */
    public ApiKeyUsage start(Duration interval) {
        writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "api-key-usage");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::writeSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The key authenticated a request now. */
    void used(ApiKeyId key) {
        // PostgreSQL keeps microseconds: the time listed before the write equals the one listed after it
        unwritten.merge(key, clock.instant().truncatedTo(ChronoUnit.MICROS), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The key's last use: the later of the stored one and one not written yet. */
    ApiKey latest(ApiKey key) {
        Instant pending = unwritten.get(key.id());
        if (pending == null || (key.lastUsedAt() != null && !pending.isAfter(key.lastUsedAt()))) {
            return key;
        }
        return key.withLastUsedAt(pending);
    }

    /** Writes every remembered use (a later use arriving meanwhile stays for the next write). */
    void write() {
        for (Map.Entry<ApiKeyId, Instant> use : unwritten.entrySet()) {
            store.recordUse(use.getKey(), use.getValue());
            unwritten.remove(use.getKey(), use.getValue());
        }
    }

    private void writeSafely() {
        try {
            write();
        } catch (RuntimeException e) {
            // kept in memory: written with the next round
            log.warn("Could not record when API keys were last used: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
        writeSafely();
    }
}
