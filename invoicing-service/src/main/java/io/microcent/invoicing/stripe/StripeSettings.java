package io.microcent.invoicing.stripe;

import io.microcent.platform.config.Env;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Stripe's settings, read and checked at start with every other setting.
 *
 * @param apiKey        {@value #API_KEY}: a secret ({@code sk_…}) or restricted ({@code rk_…}) key; absent, Stripe sync
 *                      is off and finalized invoices show Stripe status {@code off}
 * @param apiBase       {@value #API_BASE}, default {@value #DEFAULT_API_BASE}; tests point it at a stub
 * @param webhookSecret {@value #WEBHOOK_SECRET} ({@code whsec_…}); absent, {@code POST /v1/stripe/webhooks} answers
 *                      409 {@code stripe_not_configured}
 */
public record StripeSettings(Optional<String> apiKey, String apiBase, Optional<String> webhookSecret) {

    public static final String API_KEY = "MICROCENT_STRIPE_API_KEY";
    public static final String API_BASE = "MICROCENT_STRIPE_API_BASE";
    public static final String WEBHOOK_SECRET = "MICROCENT_STRIPE_WEBHOOK_SECRET";
    public static final String DEFAULT_API_BASE = "https://api.stripe.com";

    /** Stripe off: no key, no webhook secret. */
    public static final StripeSettings OFF = new StripeSettings(Optional.empty(), DEFAULT_API_BASE, Optional.empty());

    /** The settings; each problem is recorded in {@code env} and reported by {@link Env#validate()} with the others. */
    public static StripeSettings read(Env env) {
        Optional<String> apiKey = env.optional(API_KEY);
        if (apiKey.isPresent() && !(apiKey.get().startsWith("sk_") || apiKey.get().startsWith("rk_"))) {
            env.reject(API_KEY + " must be a Stripe secret key (sk_…) or restricted key (rk_…)");
        }
        String apiBase = env.string(API_BASE, DEFAULT_API_BASE);
        if (!isHttpBase(apiBase)) {
            env.reject(API_BASE + " must be an http(s) URL without path, query or fragment, e.g. " + DEFAULT_API_BASE
                    + ", got '" + apiBase + "'");
        }
        Optional<String> webhookSecret = env.optional(WEBHOOK_SECRET);
        if (webhookSecret.isPresent() && !webhookSecret.get().startsWith("whsec_")) {
            env.reject(WEBHOOK_SECRET + " must be a Stripe webhook signing secret (whsec_…)");
        }
        return new StripeSettings(apiKey, stripTrailingSlash(apiBase), webhookSecret);
    }

    public boolean syncEnabled() {
        return apiKey.isPresent();
    }

    private static boolean isHttpBase(String text) {
        try {
            URI uri = new URI(text);
            String path = uri.getRawPath();
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && (path == null || path.isEmpty() || path.equals("/")) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public String toString() { // never the secrets
        return "StripeSettings[sync " + (syncEnabled() ? "on" : "off") + ", apiBase " + apiBase + ", webhooks "
                + (webhookSecret.isPresent() ? "on" : "off") + "]";
    }
}
