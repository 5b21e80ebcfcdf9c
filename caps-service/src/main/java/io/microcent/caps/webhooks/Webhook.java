package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;

import java.time.Instant;

/**
 * A configured endpoint as operators see it; the signing secret is never part of it.
 *
 * @param customer       only this customer's alerts are sent; {@code null}: every customer's
 * @param status         {@code enabled}, or {@code disabled} once the endpoint answered 410 Gone
 * @param disabledReason why it was disabled, when it is
 */
public record Webhook(WebhookId id, String url, CustomerId customer, WebhookFormat format, String description,
                      Instant createdAt, String status, Instant disabledAt, String disabledReason) {

    public static final String ENABLED = "enabled";
    public static final String DISABLED = "disabled";
}
