package io.microcent.caps.webhooks;

import io.microcent.model.id.CustomerId;

import java.net.URI;

/** A validated {@code POST /v1/webhooks} request. */
record NewWebhook(URI url, CustomerId customer, WebhookFormat format, String description) {
}
