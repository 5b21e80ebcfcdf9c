package io.microcent.rating.pricebook;

import io.microcent.rating.RatedLog;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.ModelId;
import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.db.Database;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestContexts;
import io.microcent.platform.test.TestInfrastructure;
import io.microcent.rating.RatingModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.microcent.rating.pricebook.RunningRating.WAIT;
import static io.microcent.rating.pricebook.RunningRating.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh installation prices every model of the shipped catalog from its first start, and a later start
 * keeps what the operator changed. Each test runs rating on a database of its own, as a fresh install.
 */
class DefaultPriceBookBrokerTest {

    private static final Instant NOV_5 = Instant.parse("2026-11-05T10:00:00Z");

    private Database freshDatabase;
    private ServiceContext context;

    @BeforeEach
    void freshInstallation() {
        TestInfrastructure infra = TestInfrastructure.get();
        String name = "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        infra.database().dsl().execute("CREATE DATABASE " + name);
        freshDatabase = Database.connect(infra.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), infra.dbUser(), infra.dbPassword());
        ServiceContext shared = TestContexts.forService(RatingModule.NAME);
        context = new ServiceContext(shared.kafkaBootstrap(), freshDatabase, shared.meters(), shared.env(), shared.operatorAuth(),
                shared.stateDir(), shared.instanceId(), shared.clock(), shared.replication());
    }

    @AfterEach
    void closeDatabase() {
        freshDatabase.close();
    }

    @Test
    void aFreshRatingPricesGpt4oFromTheShippedCatalogAndRatesItsUsageAtACost() {
        try (RunningRating rating = RunningRating.start(context)) {
            JsonNode gpt4o = json(rating.send("GET", "/v1/price-book/models/gpt-4o", null));
            assertThat(gpt4o.path("history")).singleElement().satisfies(price -> {
                assertThat(price.get("effectiveFrom").asText()).isEqualTo("2000-01-01T00:00:00Z");
                assertThat(price.get("inputPerToken").asText()).isEqualTo("0.0000025");
                assertThat(price.get("outputPerToken").asText()).isEqualTo("0.00001");
                assertThat(price.get("source").asText()).isEqualTo("import");
            });
            assertThat(context.database().dsl().fetchCount(io.microcent.rating.db.Tables.MODEL_PRICES))
                    .as("every priced model of the catalog").isEqualTo(217);

            CustomerId customer = CustomerId.of("fresh-" + UUID.randomUUID());
            rating.produce(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of("starter"), NOV_5.minusSeconds(3600)));
            rating.produce(Topics.USAGE_EVENTS, customer, new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of("evt-1"), customer,
                    NOV_5, NOV_5, null, null, null, null, null, "openai", ModelId.of("gpt-4o"), 1, 1_000, 100, 0, 0));

            RatedUsage line = await().atMost(WAIT).until(() -> rated(customer), found -> !found.isEmpty()).getFirst();
            // 1,000 × $0.0000025 + 100 × $0.00001 = $0.0035
            assertThat(line.costMicrocents()).isEqualTo(Microcents.ofDollars("0.0035"));
            assertThat(line.unpriced()).isFalse();
        }
    }

    @Test
    void aRestartKeepsAnOperatorsOverrideOfADefaultPrice() {
        try (RunningRating rating = RunningRating.start(context)) {
            // at the very instant of the default price: loading the default again would overwrite it
            var response = rating.send("PUT", "/v1/price-book/models/gpt-4o",
                    "{\"inputPerToken\": \"0.000003\", \"effectiveFrom\": \"2000-01-01T00:00:00Z\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }

        try (RunningRating restarted = RunningRating.start(context)) {
            JsonNode gpt4o = json(restarted.send("GET", "/v1/price-book/models/gpt-4o", null));
            assertThat(gpt4o.path("history")).singleElement().satisfies(price -> {
                assertThat(price.get("inputPerToken").asText()).isEqualTo("0.000003");
                assertThat(price.get("source").asText()).isEqualTo("override");
            });
        }
    }

    private static List<RatedUsage> rated(CustomerId customer) {
        return RatedLog.linesOf(TestInfrastructure.get().kafkaBootstrap(), customer);
    }
}
