package io.microcent.ingest;

import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.LateUsageSetting;

import java.time.Duration;

/**
 * The ingest service's own settings.
 *
 * @param apiKeyCacheTtl how long an active API key is trusted from memory; also the longest time a key
 *                       revoked on another instance still works here
 * @param lateUsage      how long after its month ends a billing period still takes usage; older event
 *                       times are refused ({@link LateUsageSetting}, the setting rating reads too)
 * @param dedupRetention how long an accepted event id is remembered for deduplication
 */
public record IngestSettings(Duration apiKeyCacheTtl, LateUsagePolicy lateUsage, Duration dedupRetention) {

    public static final String API_KEY_CACHE_TTL_SECONDS = "MICROCENT_INGEST_API_KEY_CACHE_TTL_SECONDS";
    public static final int DEFAULT_API_KEY_CACHE_TTL_SECONDS = 30;
    public static final String DEDUP_RETENTION_DAYS = "MICROCENT_DEDUP_RETENTION_DAYS";
    public static final int DEFAULT_DEDUP_RETENTION_DAYS = 40;
    /** Event ids are counted once for at least this long, whatever the configuration. */
    public static final int MIN_DEDUP_RETENTION_DAYS = 35;

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofSeconds(DEFAULT_API_KEY_CACHE_TTL_SECONDS), LateUsagePolicy.DEFAULT,
                Duration.ofDays(DEFAULT_DEDUP_RETENTION_DAYS));
    }

    /** Reads the settings; problems are recorded in {@code env} and reported by its validation. */
    public static IngestSettings from(Env env) {
        int ttlSeconds = env.integer(API_KEY_CACHE_TTL_SECONDS, DEFAULT_API_KEY_CACHE_TTL_SECONDS, 1, 3_600);
        LateUsagePolicy lateUsage = LateUsageSetting.read(env);
        int retentionDays = env.integer(DEDUP_RETENTION_DAYS, DEFAULT_DEDUP_RETENTION_DAYS, MIN_DEDUP_RETENTION_DAYS, 400);
        int graceHours = Math.toIntExact(lateUsage.grace().toHours());
        int neededDays = minimumDedupRetentionDays(graceHours);
        if (retentionDays < neededDays) {
            env.reject(DEDUP_RETENTION_DAYS + " must be at least " + neededDays + " with " + LateUsageSetting.VARIABLE + "="
                    + graceHours + ": an event is accepted until its period closes, and its id must be remembered as long");
        }
        return new IngestSettings(Duration.ofSeconds(ttlSeconds), lateUsage, Duration.ofDays(retentionDays));
    }

    /**
     * The shortest retention after which a retried event can no longer be accepted anyway. An event is
     * accepted while its period is open: at most a 31-day month plus the grace (plus 5 minutes of clock
     * skew) after its time. Remembered longer than that, an id's record can only be purged once the
     * event would be refused as too old.
     */
    static int minimumDedupRetentionDays(int graceHours) {
        return Math.max(MIN_DEDUP_RETENTION_DAYS, 31 + graceHours / 24 + 1);
    }
}
