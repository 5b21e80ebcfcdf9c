package io.microcent.invoicing;

import io.microcent.platform.time.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.PlanChange;
import io.microcent.invoicing.generate.Subscription;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.invoicing.db.Tables.SUBSCRIPTION_PLAN_CHANGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers' subscriptions through the real service: email, interval and billing start at registration,
 * plan changes timed by the generator's rules, a deferred change published when it falls due on the service
 * clock, the subscriptions read model, and the plan catalog.
 */
class SubscriptionsApiTest {

    private static final Instant NOV_20 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant DEC_1 = Instant.parse("2026-12-01T00:00:00Z");

    private static final MovableClock clock = new MovableClock(NOV_20);
    private static RunningInvoicing invoicing;
    private static ApiClient api;
    private static SubscriptionRepository subscriptions;

    @BeforeAll
    static void start() {
        invoicing = RunningInvoicing.start(clock);
        api = invoicing.api;
        subscriptions = new SubscriptionRepository(invoicing.context.database().dsl(), PlanCatalog.defaults());
    }

    @AfterAll
    static void stop() {
        if (invoicing != null) {
            invoicing.close();
        }
    }

    private static String newCustomerId() {
        return "sub-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response register(String id, String plan, String extraFields) {
        return api.post("/v1/customers", "{\"id\":\"" + id + "\",\"name\":\"Acme Inc\",\"plan\":\"" + plan + "\"" + extraFields + "}");
    }

    @Test
    void a_customer_registers_with_email_yearly_billing_and_a_start_earlier_this_month() {
        String id = newCustomerId();

        Response created = register(id, "growth",
                ",\"email\":\"billing@acme.test\",\"billingInterval\":\"year\",\"billingStartsAt\":\"2026-11-01T00:00:00Z\"");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("email").asText()).isEqualTo("billing@acme.test");
        assertThat(body.get("billingInterval").asText()).isEqualTo("year");
        assertThat(body.get("billingStartsAt").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(body.get("plan").asText()).isEqualTo("growth");
        assertThat(body.has("pendingPlanChange")).isFalse();
        assertThat(api.get("/v1/customers/" + id).body()).isEqualTo(body);
        assertThat(subscriptions.find(CustomerId.of(id))).get().satisfies(subscription -> {
            assertThat(subscription.plan().id()).isEqualTo(PlanId.of("growth"));
            assertThat(subscription.interval()).isEqualTo(BillingInterval.YEAR);
            assertThat(subscription.billingStartsAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
            assertThat(subscription.changes()).isEmpty();
        });
    }

    @Test
    void without_the_new_fields_billing_is_monthly_from_the_registration_and_no_email_is_shown() {
        String id = newCustomerId();

        JsonNode body = register(id, "starter", "").body();

        assertThat(body.get("billingInterval").asText()).isEqualTo("month");
        assertThat(Instant.parse(body.get("billingStartsAt").asText())).isEqualTo(clock.instant());
        assertThat(body.has("email")).isFalse();
        assertThat(body.has("stripeCustomerId")).isFalse();
    }

    @Test
    void bad_email_interval_and_billing_start_are_listed_together_as_validation_failed() {
        Response response = register(newCustomerId(), "starter",
                ",\"email\":\"not-an-address\",\"billingInterval\":\"week\",\"billingStartsAt\":\"yesterday\"");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("code").asText()).isEqualTo("validation_failed");
        assertThat(response.body().get("errors").findValuesAsText("field"))
                .containsExactly("email", "billingInterval", "billingStartsAt");
        assertThat(register(newCustomerId(), "starter", ",\"email\":\"" + "a".repeat(250) + "@b.io\"").firstErrorField())
                .isEqualTo("email");
    }

    @Test
    void a_billing_start_in_a_closed_period_or_in_the_future_answers_422_naming_billing_starts_at() {
        String id = newCustomerId();
        for (String start : List.of("2026-10-31T23:59:59Z", clock.instant().plusSeconds(60).toString())) {
            Response response = register(id, "starter", ",\"billingStartsAt\":\"" + start + "\"");

            assertThat(response.status()).as(start).isEqualTo(422);
            assertThat(response.body().get("code").asText()).isEqualTo("validation_failed");
            assertThat(response.firstErrorField()).isEqualTo("billingStartsAt");
        }
        assertThat(api.get("/v1/customers/" + id).status()).isEqualTo(404);
    }

    @Test
    void an_unknown_timing_answers_422_naming_timing() {
        String id = newCustomerId();
        register(id, "growth", "");

        Response response = api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"starter\",\"timing\":\"tomorrow\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.firstErrorField()).isEqualTo("timing");
    }

    @Test
    void an_immediate_downgrade_is_in_force_and_on_customer_plans_when_the_request_answers() {
        String id = newCustomerId();
        register(id, "growth", "");

        Response changed = api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"starter\",\"timing\":\"immediately\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("plan").asText()).isEqualTo("starter");
        assertThat(changed.body().has("pendingPlanChange")).isFalse();
        assertThat(InvoicingApiTest.latestPlanOf(id, invoicing).get("plan").asText()).isEqualTo("starter");
    }

    @Test
    void a_downgrade_waits_for_the_end_of_the_month_and_is_published_when_it_falls_due() {
        String id = newCustomerId();
        register(id, "growth", "");
        Instant requestedAt = clock.instant();

        Response changed = api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"starter\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("plan").asText()).as("still in force").isEqualTo("growth");
        assertThat(changed.body().get("pendingPlanChange").get("plan").asText()).isEqualTo("starter");
        assertThat(changed.body().get("pendingPlanChange").get("effectiveAt").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(InvoicingApiTest.latestPlanOf(id, invoicing).get("plan").asText()).as("rating keeps growth").isEqualTo("growth");
        assertThat(subscriptions.find(CustomerId.of(id)).orElseThrow().changes())
                .containsExactly(new PlanChange(PlanCatalog.defaults().find(PlanId.of("starter")).orElseThrow(), requestedAt,
                        PlanChange.Timing.DEFAULT));

        clock.set(DEC_1.plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(InvoicingApiTest.latestPlanOf(id, invoicing).get("plan").asText()).isEqualTo("starter"));
        JsonNode published = InvoicingApiTest.latestPlanOf(id, invoicing);
        assertThat(published.get("effectiveFrom").asText()).isEqualTo("2026-12-01T00:00:00Z");
        JsonNode customer = api.get("/v1/customers/" + id).body();
        assertThat(customer.get("plan").asText()).isEqualTo("starter");
        assertThat(customer.has("pendingPlanChange")).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(invoicing.context.database().dsl()
                .select(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_PLAN).from(SUBSCRIPTION_PLAN_CHANGES)
                .where(SUBSCRIPTION_PLAN_CHANGES.CUSTOMER.eq(id)).fetchOne(SUBSCRIPTION_PLAN_CHANGES.PUBLISHED_PLAN))
                .isEqualTo("starter"));
        clock.set(NOV_20);
    }

    @Test
    void subscriptions_are_paged_by_customer_id_for_period_close() {
        String before = "page-" + UUID.randomUUID().toString().substring(0, 6);
        String prefix = before + "-";
        for (String suffix : List.of("c", "a", "b")) {
            register(prefix + suffix, "starter", "");
        }

        List<Subscription> firstTwo = subscriptions.page(CustomerId.of(before), 2);
        List<Subscription> next = subscriptions.page(firstTwo.getLast().customer(), 1);

        assertThat(firstTwo).extracting(s -> s.customer().raw()).containsExactly(prefix + "a", prefix + "b");
        assertThat(next).extracting(s -> s.customer().raw()).containsExactly(prefix + "c");
        assertThat(subscriptions.page(null, 1)).hasSize(1);
    }

    @Test
    void the_plans_are_listed_with_fees_charges_and_an_explanation() {
        Response plans = api.get("/v1/plans");

        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.body().get("plans").findValuesAsText("id")).containsExactly("starter", "growth", "enterprise");
        JsonNode starter = plans.body().get("plans").get(0);
        assertThat(starter.get("name").asText()).isNotBlank();
        assertThat(starter.get("monthlyFee").asText()).isEqualTo("9.00");
        assertThat(starter.get("monthlyFeeMicrocents").asLong()).isEqualTo(9_000_000);
        JsonNode requests = starter.get("charges").get(0);
        assertThat(requests.get("meter").asText()).isEqualTo("requests");
        assertThat(requests.get("model").asText()).isEqualTo("allowance");
        assertThat(requests.get("included").asLong()).isEqualTo(1_000);
        assertThat(requests.get("unitPrice").asText()).isEqualTo("0.01");
        assertThat(requests.get("explained").asText()).isEqualTo("1,000 requests included, then $0.01 per request");
        assertThat(starter.has("tokenPassThrough")).isTrue();
        assertThat(api.withoutToken().get("/v1/plans").status()).isEqualTo(401);
    }
}
