package io.microcent.ingest.keys;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CustomerId;

import java.time.Instant;

/**
 * An ingest API key as operators see it: never its secret.
 *
 * @param customer  the one customer this key may send events for, or {@code null} for any customer
 * @param revokedAt when the key was revoked, or {@code null} while it is active
 * @param lastUsedAt when the key last authenticated a request, approximately ({@link ApiKeyUsage}); {@code null} if never
 */
public record ApiKey(ApiKeyId id, String name, CustomerId customer, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {

    ApiKey withLastUsedAt(Instant at) {
        return new ApiKey(id, name, customer, createdAt, revokedAt, at);
    }

    /** Whether events of {@code eventCustomer} may be sent with this key. */
    public boolean permits(CustomerId eventCustomer) {
        return customer == null || customer.equals(eventCustomer);
    }
}
