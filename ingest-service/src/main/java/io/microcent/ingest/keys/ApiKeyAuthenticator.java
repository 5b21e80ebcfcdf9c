package io.microcent.ingest.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.OperatorAuth;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Finds the active API key behind a presented secret, through a small cache of active keys by secret
 * hash so that the hot ingest path does not query PostgreSQL on every request.
 *
 * <p>Revocation: {@link #forget} drops a revoked key from this instance's cache at once. Other ingest
 * instances keep a revoked key in their cache until its entry expires, i.e. for at most the cache TTL
 * ({@code INGEST_API_KEY_CACHE_TTL_SECONDS}) after revocation.
 *
 * <p>Only active keys are cached: an unknown or revoked secret is looked up again on every request,
 * so a flood of wrong secrets cannot fill the cache, and a key created on another instance works at once.
 */
public final class ApiKeyAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    private static final long MAX_CACHED_KEYS = 10_000;

    private final ApiKeyStore store;
    private final ApiKeyUsage usage;
    private final Cache<String, ApiKey> activeKeysBySecretHash;

    public ApiKeyAuthenticator(ApiKeyStore store, ApiKeyUsage usage, Duration cacheTtl) {
        this.store = store;
        this.usage = usage;
        this.activeKeysBySecretHash = Caffeine.newBuilder()
                .expireAfterWrite(cacheTtl)
                .maximumSize(MAX_CACHED_KEYS)
                .build();
    }

    /** The key of the request's bearer secret, remembered as used now; 401 if there is none or it is unknown or revoked. */
    public ApiKey authenticate(Context ctx) {
        String secret = OperatorAuth.bearerToken(ctx).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                "send an ingest API key as 'Authorization: Bearer <secret>'"));
        ApiKey key = verify(secret).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "the API key is unknown or revoked"));
        usage.used(key.id());
        return key;
    }

    /**
     * The active key whose secret this is, or empty for anything else (unknown, revoked, not shaped like a
     * key at all, e.g. the operator token). For callers that hold a secret outside an ingest request, such
     * as caps' {@code /v1/authorize}, which accepts the keys gateways send their usage with.
     *
     * @throws ApiException {@code SERVICE_UNAVAILABLE} when the keys cannot be read right now
     */
    public Optional<ApiKey> verify(String secret) {
        return ApiKeySecret.looksLikeSecret(secret) ? Optional.ofNullable(lookUp(ApiKeySecret.sha256Hex(secret))) : Optional.empty();
    }

    private ApiKey lookUp(String secretSha256) {
        try {
            // a null from the loader is not cached, so unknown secrets are never remembered
            return activeKeysBySecretHash.get(secretSha256, hash -> store.findActiveBySecretHash(hash).orElse(null));
        } catch (DataAccessException e) {
            // the sender did nothing wrong: 503 tells it to retry, where a 500 or 401 would not
            log.warn("Could not look up an API key: {}", e.toString());
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "API keys cannot be checked right now; retry later");
        }
    }

    /** Stops accepting a revoked key on this instance immediately. */
    public void forget(String secretSha256) {
        activeKeysBySecretHash.invalidate(secretSha256);
    }
}
