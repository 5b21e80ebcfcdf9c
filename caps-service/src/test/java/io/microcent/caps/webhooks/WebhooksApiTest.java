package io.microcent.caps.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.microcent.caps.webhooks.CapAlerts.uniqueCustomer;
import static io.microcent.caps.webhooks.WebhooksTestApp.read;
import static io.microcent.platform.test.TestContexts.OPERATOR_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator API of webhooks: configuration, secrets, errors. */
class WebhooksApiTest {

    private static WebhooksTestApp app;

    @BeforeAll
    static void start() {
        app = WebhooksTestApp.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCreatedEndpointShowsItsSecretOnceAndIsListedWithoutIt() {
        String customer = app.createCustomer(uniqueCustomer().raw());

        HttpResponse<String> created = app.call("POST", "/v1/webhooks", """
                {"url":"https://hooks.example.com/microcent","customer":"%s","format":"slack","description":"ops"}"""
                .formatted(customer), OPERATOR_TOKEN);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = read(created);
        String id = webhook.get("id").asText();
        assertThat(id).startsWith("wh_");
        assertThat(webhook.get("secret").asText()).startsWith("whsec_");
        assertThat(created.headers().firstValue("Location")).contains("/v1/webhooks/" + id);
        assertThat(webhook.get("url").asText()).isEqualTo("https://hooks.example.com/microcent");
        assertThat(webhook.get("customer").asText()).isEqualTo(customer);
        assertThat(webhook.get("format").asText()).isEqualTo("slack");
        assertThat(webhook.get("status").asText()).isEqualTo("enabled");

        HttpResponse<String> list = app.call("GET", "/v1/webhooks", null, OPERATOR_TOKEN);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(read(list).get("webhooks")).anySatisfy(listed -> {
            assertThat(listed.get("id").asText()).isEqualTo(id);
            assertThat(listed.get("description").asText()).isEqualTo("ops");
        });
        assertThat(list.body()).doesNotContain("secret", "whsec_");
        app.call("DELETE", "/v1/webhooks/" + id, null, OPERATOR_TOKEN);
    }

    @Test
    void aDeletedEndpointAndItsDeliveryLogAreGone() {
        String id = app.createWebhook("""
                {"url":"https://hooks.example.com/x","customer":"%s"}""".formatted(app.createCustomer(uniqueCustomer().raw()))).get("id").asText();
        assertThat(app.deliveries(id)).isEmpty();

        assertThat(app.call("DELETE", "/v1/webhooks/" + id, null, OPERATOR_TOKEN).statusCode()).isEqualTo(204);

        HttpResponse<String> log = app.call("GET", "/v1/webhooks/" + id + "/deliveries", null, OPERATOR_TOKEN);
        assertThat(log.statusCode()).isEqualTo(404);
        assertThat(read(log).get("code").asText()).isEqualTo("not_found");
        assertThat(app.call("DELETE", "/v1/webhooks/" + id, null, OPERATOR_TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvalidEndpointIsRefusedWithEveryFieldAtFault() {
        HttpResponse<String> refused = app.call("POST", "/v1/webhooks", """
                {"url":"http://hooks.example.com/x","format":"xml"}""", OPERATOR_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = read(refused);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("url", "format");
    }

    @Test
    void anEndpointForACustomerThatDoesNotExistIsRefusedAndNotCreated() {
        String customer = uniqueCustomer().raw();

        HttpResponse<String> refused = app.call("POST", "/v1/webhooks", """
                {"url":"https://hooks.example.com/unknown","customer":"%s"}""".formatted(customer), OPERATOR_TOKEN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = read(refused);
        assertThat(problem.get("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("code").asText())
                .containsExactly("customer:customer_not_found");
        assertThat(read(app.call("GET", "/v1/webhooks", null, OPERATOR_TOKEN)).get("webhooks").findValuesAsText("customer"))
                .doesNotContain(customer);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        HttpResponse<String> refused = app.call("POST", "/v1/webhooks", "{\"url\":", OPERATOR_TOKEN);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused).get("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void withoutTheOperatorTokenNothingIsShownOrChanged() {
        assertThat(app.call("GET", "/v1/webhooks", null, null).statusCode()).isEqualTo(401);
        assertThat(app.call("GET", "/v1/webhooks", null, "wrong").statusCode()).isEqualTo(401);
        assertThat(app.call("POST", "/v1/webhooks", "{\"url\":\"https://hooks.example.com/x\"}", null).statusCode()).isEqualTo(401);
        assertThat(app.call("POST", "/v1/webhooks/deliveries/dlv_0123/replay", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void replayingAnUnknownDeliveryIsNotFound() {
        HttpResponse<String> replay = app.call("POST", "/v1/webhooks/deliveries/dlv_0123456789abcdef01234567/replay", null, OPERATOR_TOKEN);

        assertThat(replay.statusCode()).isEqualTo(404);
        assertThat(read(replay).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void aDeliveryLogLimitOutOfRangeIsAnInvalidParameter() {
        String id = app.createWebhook("""
                {"url":"https://hooks.example.com/x","customer":"%s"}""".formatted(app.createCustomer(uniqueCustomer().raw()))).get("id").asText();

        HttpResponse<String> log = app.call("GET", "/v1/webhooks/" + id + "/deliveries?limit=0", null, OPERATOR_TOKEN);

        assertThat(log.statusCode()).isEqualTo(400);
        assertThat(read(log).get("errors").get(0).get("field").asText()).isEqualTo("limit");
        app.call("DELETE", "/v1/webhooks/" + id, null, OPERATOR_TOKEN);
    }
}
