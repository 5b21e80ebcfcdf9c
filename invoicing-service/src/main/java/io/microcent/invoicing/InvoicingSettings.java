package io.microcent.invoicing;

import io.microcent.invoicing.stripe.StripeSettings;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.LateUsageSetting;
import io.microcent.platform.config.PlanCatalogSetting;

import java.time.Duration;

/**
 * Invoicing's settings, read at start (invalid values are reported by {@link Env#validate()} with the others).
 *
 * @param plans               the plan catalog ({@link PlanCatalogSetting}), the one rating prices with
 * @param lateUsage           how long a period takes late usage ({@link LateUsageSetting}); it is finalized after
 * @param periodCloseInterval {@value #INTERVAL_VARIABLE}: how often period close runs (default
 *                            {@value #DEFAULT_INTERVAL_SECONDS} s)
 * @param periodCloseThreads  {@value #THREADS_VARIABLE}: customers closed in parallel (default {@value #DEFAULT_THREADS})
 * @param stripe              Stripe sync and webhooks ({@link StripeSettings}; off without an API key)
 */
public record InvoicingSettings(PlanCatalog plans, LateUsagePolicy lateUsage, Duration periodCloseInterval,
                                int periodCloseThreads, StripeSettings stripe) {

    public static final String INTERVAL_VARIABLE = "MICROCENT_PERIOD_CLOSE_INTERVAL_SECONDS";
    public static final int DEFAULT_INTERVAL_SECONDS = 10;
    public static final String THREADS_VARIABLE = "MICROCENT_PERIOD_CLOSE_THREADS";
    public static final int DEFAULT_THREADS = 4;

    public static InvoicingSettings defaults() {
        return new InvoicingSettings(PlanCatalog.defaults(), LateUsagePolicy.DEFAULT,
                Duration.ofSeconds(DEFAULT_INTERVAL_SECONDS), DEFAULT_THREADS, StripeSettings.OFF);
    }

    public static InvoicingSettings read(Env env) {
        return new InvoicingSettings(PlanCatalogSetting.read(env), LateUsageSetting.read(env),
                Duration.ofSeconds(env.integer(INTERVAL_VARIABLE, DEFAULT_INTERVAL_SECONDS, 1, 3_600)),
                env.integer(THREADS_VARIABLE, DEFAULT_THREADS, 1, 64), StripeSettings.read(env));
    }
}
