package io.microcent.invoicing.stripe;

import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeSettingsTest {

    @Test
    void nothing_set_is_stripe_off_on_stripes_own_api() {
        StripeSettings settings = StripeSettings.read(new Env(Map.of()));

        assertThat(settings.syncEnabled()).isFalse();
        assertThat(settings.webhookSecret()).isEmpty();
        assertThat(settings.apiBase()).isEqualTo("https://api.stripe.com");
    }

    @Test
    void a_key_a_base_and_a_secret_are_taken_and_never_printed() {
        StripeSettings settings = StripeSettings.read(new Env(Map.of(StripeSettings.API_KEY, "sk_test_123",
                StripeSettings.API_BASE, "http://127.0.0.1:12111/", StripeSettings.WEBHOOK_SECRET, "whsec_abc")));

        assertThat(settings.syncEnabled()).isTrue();
        assertThat(settings.apiKey()).contains("sk_test_123");
        assertThat(settings.apiBase()).isEqualTo("http://127.0.0.1:12111");
        assertThat(settings.webhookSecret()).isEqualTo(Optional.of("whsec_abc"));
        assertThat(settings.toString()).doesNotContain("sk_test_123").doesNotContain("whsec_abc");
    }

    @Test
    void every_bad_setting_is_reported_at_once() {
        Env env = new Env(Map.of(StripeSettings.API_KEY, "pk_live_publishable", StripeSettings.API_BASE, "api.stripe.com/v1",
                StripeSettings.WEBHOOK_SECRET, "secret"));
        StripeSettings.read(env);

        assertThatThrownBy(env::validate).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith(StripeSettings.API_KEY))
                .anySatisfy(p -> assertThat(p).startsWith(StripeSettings.API_BASE))
                .anySatisfy(p -> assertThat(p).startsWith(StripeSettings.WEBHOOK_SECRET)));
    }
}
