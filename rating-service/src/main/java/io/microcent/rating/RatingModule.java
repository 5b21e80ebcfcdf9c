package io.microcent.rating;

import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.config.Env;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.service.ServiceModule;
import io.microcent.rating.stream.RatingRules;

/**
 * Rating as a service module. Settings:
 * <ul>
 *   <li>{@code MICROCENT_RATING_STREAM_THREADS} (default 1, 1–32): Kafka Streams threads of this instance.</li>
 * </ul>
 */
public final class RatingModule implements ServiceModule {

    public static final String NAME = "rating";

    private int streamThreads = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Env env) {
        streamThreads = env.integer("MICROCENT_RATING_STREAM_THREADS", 1, 1, 32);
    }

    @Override
    public Service start(ServiceContext context) {
        // The catalog Microcent ships with; plans become editable data when invoicing publishes them.
        return RatingService.start(context, RatingRules.of(PlanCatalog.defaults()), streamThreads);
    }
}
