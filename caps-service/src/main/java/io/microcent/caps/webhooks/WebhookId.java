package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;

/** An operator-configured webhook endpoint, e.g. {@code wh_5c1e0f2a9b7d3e4f6a8b0c1d}. */
public record WebhookId(@JsonValue String raw) {

    static final String PREFIX = "wh_";

    public WebhookId {
        raw = RandomIds.check("webhook", PREFIX, raw);
    }

    public static WebhookId of(String raw) {
        return new WebhookId(raw);
    }

    static WebhookId random() {
        return new WebhookId(RandomIds.next(PREFIX));
    }

    @Override
    public String toString() {
        return raw;
    }
}
