package io.microcent.caps.webhooks;

import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class WebhookRequestTest {

    /** hooks.example.com is public, inside.example.com resolves to a private address, nothing else resolves. */
    static final WebhookUrlRule.Resolver DNS = host -> {
        Map<String, String> table = Map.of("hooks.example.com", "93.184.215.14", "inside.example.com", "10.1.2.3",
                "rebound.example.com", "169.254.169.254", "dual.example.com", "2606:2800:21f:cb07::1");
        String address = table.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[]{Literals.address(address)};
    };
    private static final WebhookUrlRule PUBLIC_ONLY = new WebhookUrlRule(false, DNS);
    private static final WebhookUrlRule LOCAL_ALLOWED = new WebhookUrlRule(true, DNS);

    @Test
    void aCompleteRequestIsAccepted() {
        NewWebhook webhook = new WebhookRequest("https://hooks.example.com/microcent", "acme", null, "slack", "  ops channel ")
                .validate(PUBLIC_ONLY);

        assertThat(webhook.url()).hasToString("https://hooks.example.com/microcent");
        assertThat(webhook.customer()).isEqualTo(CustomerId.of("acme"));
        assertThat(webhook.format()).isEqualTo(WebhookFormat.SLACK);
        assertThat(webhook.description()).isEqualTo("ops channel");
    }

    @Test
    void onlyTheUrlIsRequiredAndJsonIsTheDefaultFormat() {
        NewWebhook webhook = new WebhookRequest("https://hooks.example.com/x", null, null, null, null).validate(PUBLIC_ONLY);

        assertThat(webhook.customer()).isNull();
        assertThat(webhook.format()).isEqualTo(WebhookFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:2800:21f:cb07::1]/hook", "https://not-resolvable-yet.example.com/x"})
    void publicAddressesAndNamesThatDoNotResolveYetAreAccepted(String url) {
        assertThat(new WebhookRequest(url, null, null, null, null).validate(PUBLIC_ONLY).url()).hasToString(url);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            https://169.254.169.254/latest/meta-data/, not_public
            https://10.0.0.1/, not_public
            https://172.16.0.1/, not_public
            https://172.31.255.255/, not_public
            https://192.168.1.1/, not_public
            https://100.64.0.1/, not_public
            https://127.0.0.1/, not_public
            https://127.1/, not_public
            https://localhost/, not_public
            https://api.localhost./, not_public
            https://0.0.0.0/, not_public
            https://224.0.0.1/, not_public
            https://255.255.255.255/, not_public
            http://2130706433/, not_public
            http://0x7f.1/, not_public
            http://0177.0.0.1/, not_public
            http://0x7f000001/, not_public
            http://[::ffff:127.0.0.1]/, not_public
            http://[::ffff:a9fe:a9fe]/, not_public
            https://[::1]/, not_public
            https://[::]/, not_public
            https://[fe80::1]/, not_public
            https://[fd12:3456::1]/, not_public
            https://[ff02::1]/, not_public
            https://[64:ff9b::a00:1]/, not_public
            https://inside.example.com/hook, not_public
            https://user:secret@hooks.example.com/x, credentials
            https://token@hooks.example.com/x, credentials
            http://hooks.example.com/x, insecure
            http://93.184.215.14/x, insecure
            https://4294967296/, invalid
            https://1.2.3.4.5/, invalid
            ftp://hooks.example.com/x, invalid
            /relative, invalid
            https://, invalid
            https://hooks.example.com:0/x, invalid
            https://hooks.example.com:99999/x, invalid
            """)
    void urlsReachingInsideOrCarryingCredentialsAreRefused(String url, String code) {
        assertThat(errorsOf(new WebhookRequest(url, null, null, null, null), PUBLIC_ONLY))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("url", code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/a\u2068b", "https://hooks.example.com/a\ud800b", "https://hooks.example.com/a b",
            " https://hooks.example.com/x", "https://hooks.example.com/x\n", "https://hooks.example.com/\u00e9", "https://hooks.example.com/\u0000"})
    void aUrlIsPrintableAsciiOnly(String url) {
        assertThat(errorsOf(new WebhookRequest(url, null, null, null, null), PUBLIC_ONLY))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("url", "invalid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]:9000/", "http://10.0.0.5:9000/hook",
            "https://inside.example.com/hook"})
    void localReceiversAreAcceptedOnlyWhenAllowed(String url) {
        assertThat(new WebhookRequest(url, null, null, null, null).validate(LOCAL_ALLOWED).url()).hasToString(url);
        assertThat(errorsOf(new WebhookRequest(url, null, null, null, null), PUBLIC_ONLY)).extracting(FieldError::code)
                .containsExactly("not_public");
    }

    @Test
    void credentialsAndPlainHttpToPublicHostsAreRefusedEvenWhenLocalReceiversAreAllowed() {
        assertThat(errorsOf(new WebhookRequest("http://user:pw@127.0.0.1:8080/", null, null, null, null), LOCAL_ALLOWED))
                .extracting(FieldError::code).containsExactly("credentials");
        assertThat(errorsOf(new WebhookRequest("http://hooks.example.com/x", null, null, null, null), LOCAL_ALLOWED))
                .extracting(FieldError::code).containsExactly("insecure");
    }

    @Test
    void theRefusalNamesWhatTheHostIsAndTheSetting() {
        FieldError error = errorsOf(new WebhookRequest("https://169.254.169.254/", null, null, null, null), PUBLIC_ONLY).getFirst();

        assertThat(error.detail()).contains("169.254.169.254 is a link-local address").contains("MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> new WebhookRequest(null, "no spaces allowed", null, "xml", "x".repeat(501)).validate(PUBLIC_ONLY));

        assertThat(refused.code().code()).isEqualTo("validation_failed");
        assertThat(refused.toProblem().errors()).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("url", "required"),
                tuple("customer", "invalid_id"),
                tuple("format", "invalid"),
                tuple("description", "too_long"));
    }

    private static List<FieldError> errorsOf(WebhookRequest request, WebhookUrlRule rule) {
        return catchThrowableOfType(ApiException.class, () -> request.validate(rule)).toProblem().errors();
    }
}
