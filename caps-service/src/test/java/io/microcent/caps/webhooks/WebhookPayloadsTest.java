package io.microcent.caps.webhooks;

import io.microcent.caps.read.alerts.CapAlertsEndpoint;
import io.microcent.model.caps.CapAlert;
import io.microcent.model.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What receivers and API clients get from cap alerts, compared with bodies rendered before any change of the
 * alert's classes (the samples next to this test): the same, byte for byte.
 */
class WebhookPayloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cap-alert-blocked", "cap-alert-day", "cap-alert-without-measure-and-mode"})
    void both_webhook_formats_render_an_alert_as_they_did(String sample) throws IOException {
        String json = sample(sample + ".webhook-json.json");
        CapAlert alert = Json.mapper().treeToValue(Json.mapper().readTree(json).get("data"), CapAlert.class);

        assertThat(WebhookFormat.JSON.render(alert)).isEqualTo(json);
        assertThat(WebhookFormat.SLACK.render(alert)).isEqualTo(sample(sample + ".webhook-slack.json"));
    }

    @Test
    void the_alerts_of_a_cap_are_answered_as_they_were() throws IOException {
        String body = sample("cap-alerts-api.json");

        CapAlertsEndpoint.Alerts alerts = Json.mapper().readValue(body, CapAlertsEndpoint.Alerts.class);

        assertThat(alerts.alerts()).hasSize(2);
        assertThat(Json.mapper().writeValueAsString(alerts)).isEqualTo(body);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = WebhookPayloadsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
