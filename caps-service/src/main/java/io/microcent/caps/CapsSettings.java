package io.microcent.caps;

import io.microcent.model.money.Rate;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.PlanCatalogSetting;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How caps authorizes calls and finds the instance owning a customer. Read from:
 * <ul>
 *   <li>{@code MICROCENT_CAPS_DEFAULT_PRICE_PER_TOKEN} (default {@value #DEFAULT_PRICE_PER_TOKEN} microcents,
 *       an exact decimal): what a token of a model without a price book entry may cost, per input and
 *       output token. Meant to be no cheaper than any model in use ($75 per million tokens).</li>
 *   <li>{@code MICROCENT_PLAN_CATALOG} (default: the catalog Microcent ships with): the plan catalog rating
 *       charges with, so that a charge cap reserves what the customer's plan would charge for a call.</li>
 *   <li>{@code MICROCENT_CAPS_RESERVATION_TTL_SECONDS} (default 300, 1–86400): how long a reservation
 *       holds when its usage is never rated.</li>
 *   <li>{@code MICROCENT_CAPS_ADVERTISED_URL} (no default): how the other caps instances reach this one,
 *       e.g. {@code http://caps-2:8083}; its host and port become Kafka Streams' {@code application.server}.
 *       Required with more than one instance; without it this instance answers every customer itself.</li>
 *   <li>{@code MICROCENT_INGEST_URL} (no default): where ingest-service answers, e.g. {@code http://ingest:8081},
 *       so that {@code /v1/authorize} accepts ingest API keys when caps runs on its own (it asks ingest about
 *       each key). Several comma-separated URLs (instances without a balancer in front) are tried in turn.
 *       Without it, and without a checker plugged in by the launcher, only the operator token.</li>
 *   <li>{@code MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS} (default {@value #DEFAULT_INGEST_KEY_CACHE_TTL_SECONDS},
 *       0–300; 0 asks ingest on every call): how long caps run on its own remembers an ingest key ingest found
 *       active. A revoked key is accepted by {@code /v1/authorize} for at most this long after caps last asked.</li>
 * </ul>
 */
public record CapsSettings(Rate defaultPricePerToken, PlanCatalog plans, Duration reservationTtl, Optional<URI> advertisedUrl,
                           List<URI> ingestUrls, Duration ingestKeyCacheTtl) {

    public static final String DEFAULT_PRICE_PER_TOKEN = "75";
    public static final int DEFAULT_INGEST_KEY_CACHE_TTL_SECONDS = 10;

    public static final CapsSettings DEFAULTS = new CapsSettings(Rate.ofMicrocents(DEFAULT_PRICE_PER_TOKEN),
            PlanCatalog.defaults(), Duration.ofMinutes(5), Optional.empty(), List.of(),
            Duration.ofSeconds(DEFAULT_INGEST_KEY_CACHE_TTL_SECONDS));

    public static CapsSettings from(Env env) {
        Rate perToken = rate(env, "MICROCENT_CAPS_DEFAULT_PRICE_PER_TOKEN", DEFAULT_PRICE_PER_TOKEN);
        PlanCatalog plans = PlanCatalogSetting.read(env); // the catalog rating charges with
        int ttlSeconds = env.integer("MICROCENT_CAPS_RESERVATION_TTL_SECONDS", 300, 1, 86_400);
        Optional<URI> advertisedUrl = httpUrl(env, "MICROCENT_CAPS_ADVERTISED_URL", "http://caps-1:8083", true);
        List<URI> ingestUrls = httpUrls(env, "MICROCENT_INGEST_URL", "http://ingest:8081");
        int keyCacheSeconds = env.integer("MICROCENT_CAPS_INGEST_KEY_CACHE_TTL_SECONDS", DEFAULT_INGEST_KEY_CACHE_TTL_SECONDS, 0, 300);
        return new CapsSettings(perToken, plans, Duration.ofSeconds(ttlSeconds), advertisedUrl, ingestUrls,
                Duration.ofSeconds(keyCacheSeconds));
    }


    private static Rate rate(Env env, String name, String defaultValue) {
        String text = env.string(name, defaultValue);
        try {
            return Rate.ofMicrocents(text);
        } catch (IllegalArgumentException e) { // also NumberFormatException
            env.reject(name + " must be a non-negative decimal number of microcents, got '" + text + "'");
            return Rate.ofMicrocents(defaultValue);
        }
    }

    /** An optional http(s) URL with a host (and a port, when {@code needsPort}), like {@code example}. */
    private static Optional<URI> httpUrl(Env env, String name, String example, boolean needsPort) {
        return env.optional(name).flatMap(text -> httpUrl(env, name, text, example, needsPort));
    }

    /** Comma-separated http(s) URLs; none when unset. */
    private static List<URI> httpUrls(Env env, String name, String example) {
        List<URI> urls = new ArrayList<>();
        env.optional(name).ifPresent(text -> {
            for (String one : text.split(",", -1)) {
                httpUrl(env, name, one.strip(), example, false).ifPresent(urls::add);
            }
        });
        return List.copyOf(urls);
    }

    private static Optional<URI> httpUrl(Env env, String name, String text, String example, boolean needsPort) {
        try {
            URI url = URI.create(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
                    || (needsPort && url.getPort() < 0)) {
                throw new IllegalArgumentException("needs a scheme, a host" + (needsPort ? " and a port" : ""));
            }
            return Optional.of(url);
        } catch (IllegalArgumentException e) {
            env.reject(name + " must look like " + example + ", got '" + text + "'");
            return Optional.empty();
        }
    }
}
