package io.microcent.ingest.events;

import io.microcent.model.id.ApiKeyId;
import io.microcent.model.id.CostCenterId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.ProjectId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.id.TeamId;
import io.microcent.model.id.UserId;
import io.microcent.model.usage.Tag;

import java.util.List;

/**
 * What an event says about its usage, as opposed to which event it is: the optional scope fields
 * ({@code null} when not sent), the request count, the token counts and the caps reservation the call
 * was authorized with. Every format carries the same details, in its own place (the event object
 * itself, or a CloudEvent's {@code data}).
 *
 * @param reservationId what caps' {@code /v1/authorize} answered for this call, or {@code null}
 * @param tags          the sender's tags, each once and sorted; empty when none were sent
 */
public record UsageDetails(
        ProjectId project,
        CostCenterId costCenter,
        ApiKeyId apiKeyId,
        UserId user,
        TeamId team,
        String provider,
        ModelId model,
        long requests,
        TokenCounts tokens,
        ReservationId reservationId,
        List<Tag> tags) {
}
