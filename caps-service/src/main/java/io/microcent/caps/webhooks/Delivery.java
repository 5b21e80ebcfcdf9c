package io.microcent.caps.webhooks;

import java.time.Instant;

/**
 * One alert's delivery to one endpoint, as the delivery log shows it.
 *
 * @param attempts       attempts started so far (a replay starts again from zero)
 * @param lastStatusCode the HTTP status of the last answered attempt, if any
 * @param lastError      why the last attempt failed: the status and the start of the answer, or the network error
 * @param nextAttemptAt  when it is tried next while pending; {@code null} once delivered or failed
 */
public record Delivery(DeliveryId id, WebhookId webhookId, String alertId, String eventType, DeliveryStatus status,
                       int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                       Instant deliveredAt, Instant createdAt) {
}
