package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;

import java.time.Instant;
import java.util.List;

/**
 * A configured endpoint as operators see it; the signing secret is never part of it.
 *
 * @param customer       only this customer's events are sent; {@code null}: every customer's
 * @param events         only these event types and groups ({@link EventTypes}); {@code null}: every type
 * @param status         {@code enabled}, or {@code disabled} once the endpoint answered 410 Gone
 * @param disabledReason why it was disabled, when it is
 */
public record Webhook(WebhookId id, String url, CustomerId customer, List<String> events, WebhookFormat format, String description,
                      Instant createdAt, String status, Instant disabledAt, String disabledReason) {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
}
