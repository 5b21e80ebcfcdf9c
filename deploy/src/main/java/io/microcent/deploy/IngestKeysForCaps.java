package io.microcent.deploy;

import io.microcent.caps.authorize.IngestKeyVerifier;
import io.microcent.ingest.IngestModule;

import java.util.Optional;

/**
 * Caps' {@code /v1/authorize} accepting the ingest keys of the ingest service in this JVM: ingest owns the
 * keys (table, cache, revocation), caps only asks. Resolved on every call, so it works once ingest has
 * started, whenever this was made. When ingest does not run here ({@code MICROCENT_SERVICES} left it out),
 * no secret is an ingest key: caps then accepts the operator token only.
 */
record IngestKeysForCaps(IngestModule ingest) implements IngestKeyVerifier {

    @Override
    public Optional<IngestKey> verify(String secret) {
        return ingest.apiKeys()
                .flatMap(keys -> keys.verify(secret))
                .map(key -> new IngestKey(key.id().raw(), key.customer()));
    }
}
