package io.microcent.caps.authorize;

import io.microcent.model.id.CustomerId;

import java.util.Optional;

/**
 * Checks an ingest API key presented to {@code /v1/authorize}. Ingest keys belong to ingest-service (its
 * schema, its cache, its revocation), so caps never reads them itself: the all-in-one plugs in ingest's
 * authenticator; caps on its own asks ingest over HTTP ({@link IngestKeysOverHttp}). Without either
 * ({@link #NONE}), only the operator token is accepted.
 */
@FunctionalInterface
public interface IngestKeyVerifier {

    IngestKeyVerifier NONE = secret -> Optional.empty();

    /**
     * The active ingest key behind {@code secret}, or empty when it is none (unknown, revoked, not an ingest
     * key at all). May throw an {@link io.microcent.platform.http.ApiException} with
     * {@code SERVICE_UNAVAILABLE} when keys cannot be checked right now.
     */
    Optional<IngestKey> verify(String secret);

    /**
     * @param customer the one customer the key may act for, or {@code null} for any customer
     */
    record IngestKey(String id, CustomerId customer) {

        public boolean permits(CustomerId requested) {
            return customer == null || customer.equals(requested);
        }
    }
}
