package io.microcent.ingest.keys;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CustomerId;

import java.time.Instant;

/** The answer to creating a key: the only time its {@code secret} is ever shown. */
public record CreatedApiKey(ApiKeyId id, String name, CustomerId customer, String secret, Instant createdAt) {
}
