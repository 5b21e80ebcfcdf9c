package io.microcent.ingest;

import io.microcent.platform.config.Env;

import java.time.Duration;

/**
 * The ingest service's own settings.
 *
 * @param apiKeyCacheTtl how long an active API key is trusted from memory; also the longest time a key
 *                       revoked on another instance still works here
 */
public record IngestSettings(Duration apiKeyCacheTtl) {

    public static final String API_KEY_CACHE_TTL_SECONDS = "MICROCENT_INGEST_API_KEY_CACHE_TTL_SECONDS";
    public static final int DEFAULT_API_KEY_CACHE_TTL_SECONDS = 30;

    public static IngestSettings defaults() {
        return new IngestSettings(Duration.ofSeconds(DEFAULT_API_KEY_CACHE_TTL_SECONDS));
    }

    /** Reads the settings; problems are recorded in {@code env} and reported by its validation. */
    public static IngestSettings from(Env env) {
        int ttlSeconds = env.integer(API_KEY_CACHE_TTL_SECONDS, DEFAULT_API_KEY_CACHE_TTL_SECONDS, 1, 3_600);
        return new IngestSettings(Duration.ofSeconds(ttlSeconds));
    }
}
