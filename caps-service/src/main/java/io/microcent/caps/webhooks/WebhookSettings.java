package io.microcent.caps.webhooks;

import io.microcent.platform.config.Env;

import java.time.Duration;

/**
 * How webhooks are delivered. Read from:
 * <ul>
 *   <li>{@code MICROCENT_WEBHOOK_BACKOFF_BASE_MS} (default 30000): the wait after a first failed attempt; each next wait is 4× longer, at most 720× base.</li>
 *   <li>{@code MICROCENT_WEBHOOK_MAX_ATTEMPTS} (default 8, 1–20): attempts before a delivery is marked failed.</li>
 *   <li>{@code MICROCENT_WEBHOOK_POLL_MS} (default 1000, 10–60000): how often an idle dispatcher looks for due deliveries.</li>
 *   <li>{@code MICROCENT_WEBHOOK_ALLOW_PRIVATE_NETWORKS} (default false): whether endpoints may be on this machine or a
 *       private network (local receivers for development and tests); off, only public addresses ({@link WebhookUrlRule}).</li>
 * </ul>
 */
public record WebhookSettings(RetrySchedule retries, Duration pollInterval, boolean allowPrivateNetworks) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(new RetrySchedule(Duration.ofSeconds(30), 8), Duration.ofSeconds(1),
            false);

    public static WebhookSettings from(Env env) {
        int baseMs = env.integer("MICROCENT_WEBHOOK_BACKOFF_BASE_MS", 30_000, 1, 86_400_000);
        int maxAttempts = env.integer("MICROCENT_WEBHOOK_MAX_ATTEMPTS", 8, 1, 20);
        int pollMs = env.integer("MICROCENT_WEBHOOK_POLL_MS", 1_000, 10, 60_000);
        boolean allowPrivate = env.flag(WebhookUrlRule.ALLOW_PRIVATE_SETTING, false);
        return new WebhookSettings(new RetrySchedule(Duration.ofMillis(baseMs), maxAttempts), Duration.ofMillis(pollMs), allowPrivate);
    }

    /** Where webhooks may be sent, resolving names with the system's DNS. */
    WebhookUrlRule urlRule() {
        return new WebhookUrlRule(allowPrivateNetworks, WebhookUrlRule.Resolver.DNS);
    }
}
