package io.microcent.rating;

import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.config.Env;
import io.microcent.platform.config.LateUsageSetting;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;
import io.microcent.rating.dedup.RatedEventIds;
import io.microcent.rating.rerate.RerateSettings;
import io.microcent.platform.config.PlanCatalogSetting;
import io.microcent.rating.stream.RatingRules;
import io.microcent.rating.pricebook.PriceBookPricer;

import java.time.Duration;

/**
 * Rating as a service module. Settings:
 * <ul>
 *   <li>{@code MICROCENT_RATING_STREAM_THREADS} (default 1, 1–32): Kafka Streams threads of this instance.</li>
 *   <li>{@code MICROCENT_PLAN_CATALOG} (default: the catalog Microcent ships with): a JSON file with the
 *       plan catalog ({@link PlanCatalogSetting}).</li>
 *   <li>{@code MICROCENT_DEDUP_RETENTION_DAYS} (default 40, 35–3650): how long rated event ids are remembered,
 *       measured on ingest time, so that a repeat of an event is dropped ({@link RatedEventIds}).</li>
 *   <li>{@code MICROCENT_RERATE_THREADS} (default 2, 1–8) and {@code MICROCENT_RERATE_CATCH_UP_MINUTES} (default 10,
 *       1–1440): re-rating jobs running at once on this instance, and how long a job waits for live rating
 *       ({@link RerateSettings}).</li>
 *   <li>{@code MICROCENT_LATE_USAGE_GRACE_HOURS} (default 48): how long a month stays open for late usage; the
 *       same setting ingest refuses older usage by ({@link LateUsageSetting}).</li>
 * </ul>
 */
public final class RatingModule implements ServiceModule {

    public static final String NAME = "rating";

    private int streamThreads = 1;
    private PlanCatalog plans = PlanCatalog.defaults();
    private Duration dedupRetention = RatedEventIds.DEFAULT_RETENTION;
    private RerateSettings rerate = RerateSettings.DEFAULT;
    private LateUsagePolicy lateUsage = LateUsagePolicy.DEFAULT;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        lateUsage = LateUsageSetting.read(env); // the same grace ingest applies
        streamThreads = env.integer("MICROCENT_RATING_STREAM_THREADS", 1, 1, 32);
        plans = PlanCatalogSetting.read(env);
        dedupRetention = Duration.ofDays(env.integer("MICROCENT_DEDUP_RETENTION_DAYS",
                (int) RatedEventIds.DEFAULT_RETENTION.toDays(), (int) RatedEventIds.MIN_RETENTION.toDays(), 3650));
        rerate = RerateSettings.read(env);
    }

    @Override
    public Service start(ServiceContext context) {
        return RatingService.start(context, new RatingRules(plans, PriceBookPricer.INSTANCE, lateUsage),
                streamThreads, dedupRetention, rerate);
    }
}
