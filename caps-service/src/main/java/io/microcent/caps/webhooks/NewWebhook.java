package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;

import java.net.URI;
import java.util.List;

/** A validated {@code POST /v1/webhooks} request. */
/** @param events the endpoint's filter ({@link EventTypes}); {@code null}: every type */
record NewWebhook(URI url, CustomerId customer, List<String> events, WebhookFormat format, String description) {
}
