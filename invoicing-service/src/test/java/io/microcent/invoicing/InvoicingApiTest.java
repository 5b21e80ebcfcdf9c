package io.microcent.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.platform.test.KafkaTestRecords;
import io.microcent.platform.test.TestHttpClient.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.microcent.invoicing.RatedUsages.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InvoicingApiTest {

    /** The service's clock: registrations and plan changes happen at this time, and "this month" is 2026-11. */
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static RunningInvoicing invoicing;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(Clock.fixed(NOW, ZoneOffset.UTC));
        api = invoicing.api;
    }

    @AfterAll
    static void stop() {
        if (invoicing != null) {
            invoicing.close();
        }
    }

    private static String newCustomerId() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void creating_a_customer_answers_201_with_the_customer_and_it_can_be_read_back() {
        String id = newCustomerId();

        Response created = api.createCustomer(id, "Acme Inc", "starter");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/v1/customers/" + id);
        assertThat(created.body().get("id").asText()).isEqualTo(id);
        assertThat(created.body().get("name").asText()).isEqualTo("Acme Inc");
        assertThat(created.body().get("plan").asText()).isEqualTo("starter");
        assertThat(Instant.parse(created.body().get("createdAt").asText())).isEqualTo(NOW);
        assertThat(api.get("/v1/customers/" + id).body()).isEqualTo(created.body());
        // the list is paged (100 by default) and the test database holds every test's customers: find it by id
        assertThat(api.get("/v1/customers?search=" + id).body().get("customers")).containsExactly(created.body());
    }

    @Test
    void the_plan_of_a_new_customer_is_on_customer_plans_as_soon_as_the_creation_answers() {
        String id = newCustomerId();

        assertThat(api.createCustomer(id, "Acme Inc", "growth").status()).isEqualTo(201);

        // no waiting: 201 is only answered after Kafka acknowledged the plan
        JsonNode plan = latestPlanOf(id);
        assertThat(plan.get("customer").asText()).isEqualTo(id);
        assertThat(plan.get("plan").asText()).isEqualTo("growth");
        assertThat(Instant.parse(plan.get("effectiveFrom").asText())).isEqualTo(NOW);
    }

    @Test
    void creating_a_customer_that_exists_answers_409_customer_exists_and_keeps_the_first() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        Response duplicate = api.createCustomer(id, "Someone else", "enterprise");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.body().get("code").asText()).isEqualTo("customer_exists");
        assertThat(api.get("/v1/customers/" + id).body().get("name").asText()).isEqualTo("Acme Inc");
    }

    @Test
    void creating_a_customer_on_a_plan_outside_the_catalog_answers_422_unknown_plan_on_field_plan() {
        String id = newCustomerId();

        Response response = api.createCustomer(id, "Acme Inc", "platinum");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("unknown_plan");
        assertThat(response.firstErrorField()).isEqualTo("plan");
        assertThat(api.get("/v1/customers/" + id).status()).isEqualTo(404);
    }

    @Test
    void every_missing_or_invalid_field_is_listed_as_validation_failed() {
        Response response = api.post("/v1/customers", "{\"id\":\"not a slug!\",\"plan\":\"\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("validation_failed");
        assertThat(response.body().get("errors").findValuesAsText("field")).containsExactly("id", "name", "plan");
    }

    @Test
    void a_name_longer_than_200_characters_is_invalid() {
        Response response = api.createCustomer(newCustomerId(), "n".repeat(201), "starter");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.firstErrorField()).isEqualTo("name");
    }

    @Test
    void a_name_with_nul_control_or_bidi_characters_is_an_invalid_id_not_a_server_error() {
        for (String name : List.of("Acme\\u0000Inc", "Acme\\nInc", "Acme \\u202eInc", "Acme \\ud800")) {
            String id = newCustomerId();
            Response response = api.post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"plan\":\"starter\"}");

            assertThat(response.status()).as(name).isEqualTo(422);
            assertThat(response.body().get("errors").get(0).get("field").asText()).isEqualTo("name");
            assertThat(response.body().get("errors").get(0).get("code").asText()).isEqualTo("invalid_id");
            assertThat(api.get("/v1/customers/" + id).status()).isEqualTo(404);
        }
    }

    @Test
    void every_route_answers_401_without_the_operator_token() {
        ApiClient anonymous = api.withoutToken();
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        assertThat(List.of(
                anonymous.createCustomer(newCustomerId(), "Acme Inc", "starter"),
                anonymous.get("/v1/customers"),
                anonymous.get("/v1/customers/" + id),
                anonymous.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}"),
                anonymous.get("/v1/customers/" + id + "/usage?period=2026-11")))
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(401);
                    assertThat(response.body().get("code").asText()).isEqualTo("unauthenticated");
                });
        assertThat(api.get("/v1/customers/" + id).body().get("plan").asText()).isEqualTo("starter");
    }

    @Test
    void an_unknown_customer_answers_404_customer_not_found() {
        String id = newCustomerId();

        assertThat(List.of(
                api.get("/v1/customers/" + id),
                api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}"),
                api.get("/v1/customers/" + id + "/usage?period=2026-11")))
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(404);
                    assertThat(response.body().get("code").asText()).isEqualTo("customer_not_found");
                });
    }

    @Test
    void changing_the_plan_answers_200_with_the_new_plan_and_publishes_it() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        Response changed = api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("plan").asText()).isEqualTo("growth");
        assertThat(api.get("/v1/customers/" + id).body().get("plan").asText()).isEqualTo("growth");
        assertThat(latestPlanOf(id).get("plan").asText()).isEqualTo("growth");
    }

    @Test
    void changing_to_a_plan_outside_the_catalog_answers_422_unknown_plan_and_changes_nothing() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        Response response = api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"platinum\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("unknown_plan");
        assertThat(api.get("/v1/customers/" + id).body().get("plan").asText()).isEqualTo("starter");
    }

    @Test
    void the_usage_of_a_period_sums_its_rated_usage_and_shows_the_plan_allowance() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        RatedUsages.publish(invoicing.context.kafkaBootstrap(),
                rated(id, Instant.parse("2026-11-02T08:00:00Z"), 600, 0, 0, 1_500),
                rated(id, Instant.parse("2026-11-09T08:00:00Z"), 500, 100, 1_000_000, 2_250),
                rated(id, Instant.parse("2026-11-30T23:59:59Z"), 40, 40, 400_000, 75),
                // the next period: not part of November
                rated(id, Instant.parse("2026-12-01T00:00:00Z"), 9, 9, 90_000, 13));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/customers/" + id + "/usage?period=2026-11").body().get("requests").asLong()).isEqualTo(1_140));
        JsonNode november = api.get("/v1/customers/" + id + "/usage?period=2026-11").body();
        assertThat(november.get("customer").asText()).isEqualTo(id);
        assertThat(november.get("period").asText()).isEqualTo("2026-11");
        assertThat(november.get("includedRequests").asLong()).isEqualTo(1_000);
        assertThat(november.get("overageRequests").asLong()).isEqualTo(140);
        assertThat(november.get("chargeMicrocents").asLong()).isEqualTo(1_400_000);
        assertThat(november.get("costMicrocents").asLong()).isEqualTo(3_825);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/v1/customers/" + id + "/usage?period=2026-12").body().get("requests").asLong()).isEqualTo(9));
    }

    @Test
    void without_a_period_the_usage_is_that_of_the_current_month_and_zero_before_any_usage() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "growth");

        Response usage = api.get("/v1/customers/" + id + "/usage");

        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.body().get("period").asText()).isEqualTo("2026-11");
        assertThat(usage.body().get("requests").asLong()).isZero();
        assertThat(usage.body().get("overageRequests").asLong()).isZero();
        assertThat(usage.body().get("chargeMicrocents").asLong()).isZero();
        assertThat(usage.body().get("costMicrocents").asLong()).isZero();
        assertThat(usage.body().get("includedRequests").asLong()).isEqualTo(10_000);
    }

    @Test
    void a_malformed_period_answers_400_invalid_parameter_naming_period() {
        String id = newCustomerId();
        api.createCustomer(id, "Acme Inc", "starter");

        assertThat(List.of(
                api.get("/v1/customers/" + id + "/usage?period=2026-13"),
                api.get("/v1/customers/" + id + "/usage?period=november"),
                api.get("/v1/customers/" + id + "/usage?period=")))
                .allSatisfy(response -> {
                    assertThat(response.status()).isEqualTo(400);
                    assertThat(response.body().get("code").asText()).isEqualTo("invalid_parameter");
                    assertThat(response.firstErrorField()).isEqualTo("period");
                });
    }

    @Test
    void the_service_reports_ready_on_its_health_endpoint() {
        assertThat(api.get("/health/ready").status()).isEqualTo(200);
    }

    /** The customer's latest record on the compacted plans topic, read from the beginning to the end. */
    static JsonNode latestPlanOf(String customer) {
        return latestPlanOf(customer, invoicing);
    }

    static JsonNode latestPlanOf(String customer, RunningInvoicing on) {
        List<ConsumerRecord<String, String>> records =
                KafkaTestRecords.readAll(on.context.kafkaBootstrap(), Topics.CUSTOMER_PLANS.name(), true);
        String value = records.stream().filter(r -> customer.equals(r.key())).reduce((first, second) -> second)
                .map(ConsumerRecord::value)
                .orElseThrow(() -> new AssertionError("no plan of " + customer + " on " + Topics.CUSTOMER_PLANS.name()));
        try {
            return Json.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
