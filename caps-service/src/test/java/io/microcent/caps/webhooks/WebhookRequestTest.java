package io.microcent.caps.webhooks;

import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class WebhookRequestTest {

    @Test
    void aCompleteRequestIsAccepted() {
        NewWebhook webhook = new WebhookRequest("https://hooks.example.com/microcent", "acme", "slack", "  ops channel ").validate();

        assertThat(webhook.url()).hasToString("https://hooks.example.com/microcent");
        assertThat(webhook.customer()).isEqualTo(CustomerId.of("acme"));
        assertThat(webhook.format()).isEqualTo(WebhookFormat.SLACK);
        assertThat(webhook.description()).isEqualTo("ops channel");
    }

    @Test
    void onlyTheUrlIsRequiredAndJsonIsTheDefaultFormat() {
        NewWebhook webhook = new WebhookRequest("https://hooks.example.com/x", null, null, null).validate();

        assertThat(webhook.customer()).isNull();
        assertThat(webhook.format()).isEqualTo(WebhookFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9000/"})
    void plainHttpIsAcceptedForThisMachineOnly(String url) {
        assertThat(new WebhookRequest(url, null, null, null).validate().url()).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/x", "ftp://hooks.example.com/x", "/relative", "https://", "not a url"})
    void otherUrlsAreRefused(String url) {
        assertThat(errorsOf(new WebhookRequest(url, null, null, null))).extracting(FieldError::field).containsExactly("url");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new WebhookRequest(null, "no spaces allowed", "xml", "x".repeat(501)).validate());

        assertThat(refused.code().code()).isEqualTo("validation_failed");
        assertThat(refused.toProblem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("url", "required"),
                tuple("customer", "invalid_id"),
                tuple("format", "invalid"),
                tuple("description", "too_long"));
    }

    private static List<FieldError> errorsOf(WebhookRequest request) {
        return catchThrowableOfType(ApiException.class, request::validate).toProblem().errors();
    }
}
