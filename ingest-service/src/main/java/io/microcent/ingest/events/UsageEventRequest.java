package io.microcent.ingest.events;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.usage.UsageEvent;

import java.time.Instant;

/**
 * One usage event as a sender described it, whatever format it came in: the seam between the
 * parsers of request formats and the validation every event gets.
 *
 * <p>A parser fills in what it could read; a field it could not read is {@code null} (or {@code 0}
 * for quantities) and the parser has reported why. Such a request is never turned into a
 * {@link UsageEvent}. Absent quantities are already defaulted: {@code requests} to 1, tokens to 0.
 */
public record UsageEventRequest(EventId id, CustomerId customer, Instant timestamp, UsageDetails usage) {

    /** The accepted event; call only for a request that passed parsing and validation. */
    public UsageEvent toUsageEvent(Instant ingestedAt) {
        TokenCounts tokens = usage.tokens();
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, id, customer, timestamp, ingestedAt, usage.project(),
                usage.costCenter(), usage.apiKeyId(), usage.user(), usage.team(), usage.provider(), usage.model(),
                usage.requests(), tokens.inputTokens(), tokens.outputTokens(), tokens.cacheReadTokens(),
                tokens.cacheWriteTokens(), usage.reservationId(), usage.tags());
    }
}
