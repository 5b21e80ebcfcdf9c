package io.microcent.ingest.keys;

import io.microcent.platform.customers.CustomerDirectory;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.ApiKeyId;
import io.microcent.platform.http.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creating, listing and revoking ingest API keys. */
public final class ApiKeys {

    private final ApiKeyStore store;
    private final ApiKeyAuthenticator authenticator;
    private final CustomerDirectory customers;
    private final ApiKeyUsage usage;
    private final Clock clock;

    public ApiKeys(ApiKeyStore store, ApiKeyAuthenticator authenticator, ApiKeyUsage usage, CustomerDirectory customers, Clock clock) {
        this.store = store;
        this.usage = usage;
        this.authenticator = authenticator;
        this.customers = customers;
        this.clock = clock;
    }

    /** 422 {@code customer_not_found} for a key scoped to a customer that does not exist (503 when that cannot be told). */
    public CreatedApiKey create(CreateApiKeyRequest request) {
        request.validate();
        if (request.customer() != null) {
            customers.requireExists("customer", request.customer());
        }
        String secret = ApiKeySecret.generate();
        // PostgreSQL keeps microseconds: the creation time shown now must equal the one listed later
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ApiKey key = new ApiKey(ApiKeyId.random(), request.name(), request.customer(), createdAt, null, null);
        store.insert(key, ApiKeySecret.sha256Hex(secret));
        return new CreatedApiKey(key.id(), key.name(), key.customer(), secret, key.createdAt());
    }

    public List<ApiKey> list() {
        return store.list().stream().map(usage::latest).toList();
    }

    /** Revokes the key; revoking it again changes nothing. 404 if there is no such key. */
    public void revoke(ApiKeyId id) {
        String secretSha256 = store.revoke(id, clock.instant())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no API key " + id));
        authenticator.forget(secretSha256);
    }
}
