package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.json.Json;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook's body looks like. Chosen per endpoint; the body is rendered once per delivery. */
public enum WebhookFormat {
    /** {@link AlertEvent}: the alert with its exact figures, for programs. */
    JSON {
        @Override
        Object payload(CapAlert alert) {
            return AlertEvent.of(alert);
        }
    },
    /** A Slack incoming-webhook message, for people. */
    SLACK {
        @Override
        Object payload(CapAlert alert) {
            return SlackMessage.of(alert);
        }
    };

    abstract Object payload(CapAlert alert);

    /** The request body for {@code alert}. */
    public String render(CapAlert alert) {
        try {
            return Json.mapper().writeValueAsString(payload(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cap alert always serializes", e);
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
