package io.microcent.caps.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret";
    private static final String BODY = "{\"id\":\"cap-1|2026-11|80\",\"type\":\"cap.threshold_crossed\"}";
    private static final Instant SENT = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration TOLERANCE = WebhookSignature.DEFAULT_TOLERANCE;

    @Test
    void theHeaderIsStripesSchemeOverTimestampAndBody() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        // printf '%s' "1795341600.$BODY" | openssl dgst -sha256 -hmac whsec_test-secret
        assertThat(header).isEqualTo("t=1795341600,v1=98f71865bfd41d8a821c34a6a7077066115ccc3d1193d29013117d6b8968d4d7");
    }

    @Test
    void aSignatureMadeWithTheSecretVerifiesWithinTheTolerance() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, TOLERANCE, SENT.plusSeconds(299))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, TOLERANCE, SENT.minusSeconds(299))).isTrue();
    }

    @Test
    void anOldSignatureIsRefusedSoACapturedRequestCannotBeReplayed() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, TOLERANCE, SENT.plus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void aChangedBodyAWrongSecretOrAMovedTimestampDoNotVerify() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        String movedTimestamp = header.replace("t=1795341600", "t=1795341601");

        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("80", "90"), TOLERANCE, SENT)).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, TOLERANCE, SENT)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, movedTimestamp, BODY, TOLERANCE, SENT)).isFalse();
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatchAndUnknownSchemesAreIgnored() {
        String valid = WebhookSignature.header(SECRET, SENT, BODY);
        String header = "t=1795341600,v1=" + "0".repeat(64) + "," + valid.substring(valid.indexOf("v1=")) + ",v0=legacy";

        assertThat(WebhookSignature.verify(SECRET, header, BODY, TOLERANCE, SENT)).isTrue();
    }

    @Test
    void malformedHeadersDoNotVerify() {
        String signature = WebhookSignature.header(SECRET, SENT, BODY).substring("t=1795341600,".length());

        assertThat(WebhookSignature.verify(SECRET, signature, BODY, TOLERANCE, SENT)).as("no timestamp").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1795341600", BODY, TOLERANCE, SENT)).as("no signature").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=soon," + signature, BODY, TOLERANCE, SENT)).as("bad timestamp").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=1795341600,t=1795341600," + signature, BODY, TOLERANCE, SENT)).as("two timestamps").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "", BODY, TOLERANCE, SENT)).as("empty").isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, TOLERANCE, SENT)).as("absent").isFalse();
    }

    @Test
    void newSecretsAreLongRandomAndPrefixed() {
        String first = WebhookSignature.newSecret();

        assertThat(first).startsWith("whsec_").hasSize("whsec_".length() + 43);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(first);
    }
}
