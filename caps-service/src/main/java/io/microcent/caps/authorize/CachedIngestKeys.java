package io.microcent.caps.authorize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers the ingest keys another checker found active, for {@code ttl}, so that {@code /v1/authorize} does
 * not ask ingest over HTTP on every call: at thousands of decisions a second that round trip would be most of
 * the latency. Only keys found active are kept: an unknown or revoked secret is asked about again each time,
 * so a flood of wrong secrets cannot fill the cache, and a key created a moment ago works at once.
 *
 * <p>The price is revocation: a revoked key is still accepted here until its entry expires, at most
 * {@code ttl} after caps last asked (on top of ingest's own cache of active keys).
 */
public final class CachedIngestKeys implements IngestKeyVerifier {

    private static final long MAX_CACHED_KEYS = 10_000;

    private final IngestKeyVerifier checker;
    private final Cache<String, IngestKey> active;

    public CachedIngestKeys(IngestKeyVerifier checker, Duration ttl) {
        this(checker, ttl, Ticker.systemTicker());
    }

    CachedIngestKeys(IngestKeyVerifier checker, Duration ttl, Ticker ticker) {
        this.checker = checker;
        this.active = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_CACHED_KEYS).ticker(ticker).build();
    }

    /** Without a time to live there is nothing to remember: the checker itself. */
    public static IngestKeyVerifier of(IngestKeyVerifier checker, Duration ttl) {
        return ttl.isZero() ? checker : new CachedIngestKeys(checker, ttl);
    }

    @Override
    public Optional<IngestKey> verify(String secret) {
        // a null from the loader is not cached; a 503 from the checker passes through uncached as well
        return Optional.ofNullable(active.get(secret, unknown -> checker.verify(unknown).orElse(null)));
    }
}
