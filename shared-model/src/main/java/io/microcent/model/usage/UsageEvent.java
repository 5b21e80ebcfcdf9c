package io.microcent.model.usage;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One usage fact as it travels on {@code usage.events}: an LLM call (or any metered request) made by a
 * customer. Quantities are already normalised: whichever format or provider usage object it arrived
 * in, input tokens exclude cached tokens, which are counted in {@code cacheReadTokens} and
 * {@code cacheWriteTokens}.
 *
 * <p>Time has two meanings here. {@code timestamp} is <em>event time</em>: when the call happened,
 * as the sender says; it decides the billing period. {@code ingestedAt} is <em>ingest time</em>: when
 * Microcent accepted it (also the Kafka record timestamp).
 *
 * <p>Optional scope fields ({@code project}, {@code costCenter}, {@code apiKeyId}, {@code user},
 * {@code team}, {@code provider}, {@code model}) are {@code null} when not sent.
 *
 * @param schemaVersion the contract version, {@value #SCHEMA_VERSION}; readers refuse versions they do not know
 * @param reservationId the reservation caps' {@code /v1/authorize} made for this call, or {@code null}; once
 *                      the event is rated, caps releases the reservation and counts the real spend instead
 * @param tags          the sender's {@link Tag}s, each once and sorted; never {@code null} (empty when none). An
 *                      optional addition to schema version 1: a record written before it existed has no
 *                      {@code tags} and reads as none, and in JSON an event without tags has no such field,
 *                      exactly as before
 */
public record UsageEvent(
        int schemaVersion,
        EventId id,
        CustomerId customer,
        Instant timestamp,
        Instant ingestedAt,
        ProjectId project,
        CostCenterId costCenter,
        ApiKeyId apiKeyId,
        UserId user,
        TeamId team,
        String provider,
        ModelId model,
        long requests,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        ReservationId reservationId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Tag> tags) {

    public static final int SCHEMA_VERSION = 1;

    public UsageEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        tags = Tag.normalized(tags);
    }

    /** An event without tags (the contract before {@code tags} was added). */
    public UsageEvent(int schemaVersion, EventId id, CustomerId customer, Instant timestamp, Instant ingestedAt,
                      ProjectId project, CostCenterId costCenter, ApiKeyId apiKeyId, UserId user, TeamId team,
                      String provider, ModelId model, long requests, long inputTokens, long outputTokens,
                      long cacheReadTokens, long cacheWriteTokens, ReservationId reservationId) {
        this(schemaVersion, id, customer, timestamp, ingestedAt, project, costCenter, apiKeyId, user, team, provider,
                model, requests, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, reservationId, List.of());
    }

    /** An event made without a reservation or tags (the contract before {@code reservationId} was added). */
    public UsageEvent(int schemaVersion, EventId id, CustomerId customer, Instant timestamp, Instant ingestedAt,
                      ProjectId project, CostCenterId costCenter, ApiKeyId apiKeyId, UserId user, TeamId team,
                      String provider, ModelId model, long requests, long inputTokens, long outputTokens,
                      long cacheReadTokens, long cacheWriteTokens) {
        this(schemaVersion, id, customer, timestamp, ingestedAt, project, costCenter, apiKeyId, user, team, provider,
                model, requests, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, null);
    }

    public BillingPeriod period() {
        return BillingPeriod.containing(timestamp);
    }

    /** All tokens of the event; within {@link UsageLimits#MAX_TOKENS_PER_EVENT} for an event ingest accepted. */
    public long totalTokens() {
        return Math.addExact(Math.addExact(inputTokens, outputTokens), Math.addExact(cacheReadTokens, cacheWriteTokens));
    }
}
