package io.microcent.caps.webhooks;

import java.net.URI;

/**
 * A due delivery this instance has claimed for one attempt, with what it takes to send it.
 *
 * @param attempt the number of this attempt, 1 for the first; the claim's identity when its outcome is recorded
 */
record ClaimedDelivery(DeliveryId id, WebhookId webhookId, URI url, String secret, String eventId, String body, int attempt) {
}
