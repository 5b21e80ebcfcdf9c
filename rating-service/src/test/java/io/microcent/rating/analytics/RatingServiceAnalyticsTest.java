package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.Service;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.RatingModule;
import io.microcent.rating.rollups.RatedUsages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rating service runs the hourly rollups and serves the analytics API among its routes. */
class RatingServiceAnalyticsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void ratedUsageReachesTheAnalyticsApiOfTheRunningRatingService() {
        ServiceContext context = TestContexts.forService(RatingModule.NAME);
        RatingModule module = new RatingModule();
        module.configure(context.env());
        context.env().validate();
        CustomerId customer = newCustomer();
        try (Service rating = module.start(context);
             HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(rating.routes()), Map.of(), context.meters())) {
            // no wait for readiness: the rollups do not depend on the streams, which may still be rebalancing
            RatedUsages.publish(context.kafkaBootstrap(), List.of(usage(customer, Instant.parse("2026-11-05T09:10:00Z"))
                    .model("openai", "gpt-4o").requests(3).cost(300, 900).build()));

            OperatorApi api = OperatorApi.on(http.port());
            await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1/customers/" + customer + "/usage/breakdown?period=2026-11")
                    .body().path("models").path(0).path("costMicrocents").asLong()).isEqualTo(300));
            assertThat(api.get("/v1/analytics/activity?from=2026-11-05&to=2026-11-05&customer=" + customer)
                    .body().path("activity").path(0).path("requestCount").asLong()).isEqualTo(3);
        }
    }
}
