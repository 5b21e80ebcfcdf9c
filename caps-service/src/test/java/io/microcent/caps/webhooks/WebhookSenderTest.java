package io.microcent.caps.webhooks;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Every attempt checks the URL again: a name may resolve inside the network by now (DNS rebinding). */
class WebhookSenderTest {

    @Test
    void aNameThatNowResolvesToAPrivateAddressIsNotSentTo() {
        WebhookUrlRule rebound = new WebhookUrlRule(false, host -> new InetAddress[]{Literals.address("169.254.169.254")});
        try (WebhookSender sender = new WebhookSender(rebound, Clock.systemUTC())) {
            AttemptResult result = sender.send(delivery("https://hooks.example.com/x")).join();

            assertThat(result.delivered()).isFalse();
            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("refused: hooks.example.com is a link-local address, not a public address");
        }
    }

    @Test
    void aNameThatDoesNotResolveIsAFailedAttempt() {
        WebhookUrlRule nowhere = new WebhookUrlRule(false, host -> {
            throw new UnknownHostException(host);
        });
        try (WebhookSender sender = new WebhookSender(nowhere, Clock.systemUTC())) {
            assertThat(sender.send(delivery("https://gone.example.com/x")).join().error()).isEqualTo("could not resolve gone.example.com");
        }
    }

    private static ClaimedDelivery delivery(String url) {
        return new ClaimedDelivery(DeliveryId.random(), WebhookId.random(), URI.create(url), "whsec_test", "alert-1", "{}", 1);
    }
}
