package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/**
 * One event's delivery to one endpoint, as the delivery log shows it.
 *
 * @param eventId        the event's id ({@code Microcent-Event-Id}): a cap alert's or an invoice transition's
 * @param eventType      e.g. {@code cap.threshold_crossed}, {@code invoice.paid}
 * @param attempts       attempts started so far (a replay starts again from zero)
 * @param lastStatusCode the HTTP status of the last answered attempt, if any
 * @param lastError      why the last attempt failed: the status and the start of the answer, or the network error
 * @param nextAttemptAt  when it is tried next while pending; {@code null} once delivered or failed
 * @param payload        the body every attempt sends, exactly as sent (JSON, in the endpoint's format)
 */
public record Delivery(DeliveryId id, WebhookId webhookId, String eventId, String eventType, DeliveryStatus status,
                       int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                       Instant deliveredAt, Instant createdAt, String payload) {

    /** The name {@link #eventId()} had when only cap alerts were delivered; kept (the same value) for existing clients. */
    @JsonProperty("alertId")
    public String alertId() {
        return eventId;
    }
}
