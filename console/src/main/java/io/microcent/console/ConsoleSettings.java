package io.microcent.console;

import io.microcent.console.api.ServiceName;
import io.microcent.platform.config.Env;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's settings. It reaches every service over HTTP: one base URL for a deployment that serves all
 * APIs on one address (the all-in-one, or a gateway in front of the services), or one per service.
 *
 * @param serviceUrls where each service's API answers
 * @param sessionIdle how long a signed-in session lasts without a request
 */
public record ConsoleSettings(Map<ServiceName, URI> serviceUrls, Duration sessionIdle) {

    public static final String API_URL = "MICROCENT_CONSOLE_API_URL";
    /** Default idle time of a signed-in session: a working day. */
    public static final Duration SESSION_IDLE = Duration.ofHours(8);

    public ConsoleSettings {
        serviceUrls = Map.copyOf(serviceUrls);
    }

    /** Every service at {@code base}: the all-in-one, whose one port serves every API. */
    public static ConsoleSettings allAt(URI base) {
        Map<ServiceName, URI> urls = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            urls.put(service, base);
        }
        return new ConsoleSettings(urls, SESSION_IDLE);
    }

    /**
     * {@code MICROCENT_CONSOLE_API_URL} (default {@code defaultBase}) for every service, unless
     * {@code MICROCENT_CONSOLE_<SERVICE>_URL} names another address for one; problems are recorded on {@code env}.
     */
    public static ConsoleSettings from(Env env, String defaultBase) {
        URI base = url(env, API_URL, Optional.of(defaultBase)).orElse(URI.create(defaultBase));
        Map<ServiceName, URI> urls = new EnumMap<>(ServiceName.class);
        for (ServiceName service : ServiceName.values()) {
            urls.put(service, url(env, service.urlSetting(), Optional.empty()).orElse(base));
        }
        int minutes = env.integer("MICROCENT_CONSOLE_SESSION_MINUTES", (int) SESSION_IDLE.toMinutes(), 5, 7 * 24 * 60);
        return new ConsoleSettings(urls, Duration.ofMinutes(minutes));
    }

    /** The URL setting {@code name} holds (else {@code fallback}); empty when unset or invalid, the problem recorded on {@code env}. */
    private static Optional<URI> url(Env env, String name, Optional<String> fallback) {
        Optional<String> raw = env.optional(name).or(() -> fallback);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.get().endsWith("/") ? raw.get().substring(0, raw.get().length() - 1) : raw.get();
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the other problems
        }
        env.reject(name + " must be an http:// or https:// URL, got '" + raw.get() + "'");
        return Optional.empty();
    }
}
