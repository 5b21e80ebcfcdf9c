package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.invoice.InvoiceNotification;
import io.microcent.model.json.Json;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook's body looks like. Chosen per endpoint; the body is rendered once per delivery. */
public enum WebhookFormat {
    /** {@link AlertEvent} or {@link InvoiceEvent}: the event with its exact figures, for programs. */
    JSON {
        @Override
        Object payload(WebhookEvent event) {
            return event.json();
        }
    },
    /** A Slack incoming-webhook message, for people. */
    SLACK {
        @Override
        Object payload(WebhookEvent event) {
            return event.slack();
        }
    };

    abstract Object payload(WebhookEvent event);

    /** The request body for {@code alert}. */
    public String render(CapAlert alert) {
        return render(WebhookEvent.of(alert));
    }

    /** The request body for {@code notification}. */
    public String render(InvoiceNotification notification) {
        return render(WebhookEvent.of(notification));
    }

    String render(WebhookEvent event) {
        try {
            return Json.mapper().writeValueAsString(payload(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event always serializes", e);
        }
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WebhookFormat> parse(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
    }
}
