package io.microcent.rating.rerate;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import io.microcent.rating.RatingModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.microcent.rating.rerate.RatingUnderTest.WAIT;
import static io.microcent.rating.rerate.RatingUnderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The re-rating API over jobs whose work the test controls (a job runs until the test lets it finish), so that
 * "while one runs" is a fact rather than a race; plans and history on the real Kafka and PostgreSQL.
 */
class RerateJobsApiTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    private static final Map<CustomerId, CountDownLatch> held = new ConcurrentHashMap<>();
    private static final Set<CustomerId> failing = ConcurrentHashMap.newKeySet();

    private static UsageLog log;
    private static RerateJobs jobs;
    private static RatingUnderTest api;

    @BeforeAll
    static void start() {
        ServiceContext context = TestContexts.forService(RatingModule.NAME);
        context.database().migrate("rating");
        log = new UsageLog(context.kafkaBootstrap(), context.instanceId());
        jobs = new RerateJobs(RerateComponent.executor(2), RerateJobsApiTest::work,
                new RerateJobHistory(context.database().dsl(), context.instanceId()), context.clock());
        api = new RatingUnderTest(context, new RerateRoutes(context.operatorAuth(), new CustomerPlans(log),
                PlanCatalog.defaults(), jobs, context.clock()));
    }

    @AfterAll
    static void stop() {
        held.values().forEach(CountDownLatch::countDown);
        if (api != null) {
            api.close();
            jobs.close();
            log.close();
        }
    }

    /** Holds the job until the test counts the customer's latch down; fails it for a failing customer. */
    private static void work(RerateProgress progress, CustomerPlan plan, RerateJobs.Checkpoint checkpoint) {
        if (failing.contains(plan.customer())) {
            throw new RerateException("live rating has not caught up");
        }
        try {
            held.computeIfAbsent(plan.customer(), c -> new CountDownLatch(1)).await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSecondRerateOfTheSameCustomerAndPeriodWhileOneRunsIsAConflict() {
        CustomerId customer = onPlan("starter");
        held.put(customer, new CountDownLatch(1));
        UUID running = started(api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null));

        HttpResponse<String> second = api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null);
        HttpResponse<String> otherPeriod = api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-10", null);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("code").asText()).isEqualTo("conflict");
        assertThat(json(second).get("detail").asText()).contains("/v1/rerate-jobs/" + running);
        assertThat(otherPeriod.statusCode()).as("another period is another job").isEqualTo(202);
        assertThat(progress(running).get("status").asText()).isEqualTo("waiting_for_rating");
        assertThat(progress(running).has("finishedAt")).isFalse();

        held.get(customer).countDown();
        await().atMost(WAIT).until(() -> progress(running).get("status").asText().equals("done"));
        assertThat(api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null).statusCode())
                .as("once the first has finished").isEqualTo(202);
    }

    @Test
    void aFailedJobSaysWhyAndNoLongerBlocksItsPeriod() {
        CustomerId customer = onPlan("growth");
        failing.add(customer);
        UUID job = started(api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null));

        JsonNode failed = await().atMost(WAIT).until(() -> progress(job), view -> view.get("status").asText().equals("failed"));

        assertThat(failed.get("error").asText()).isEqualTo("live rating has not caught up");
        assertThat(failed.has("finishedAt")).isTrue();
        failing.remove(customer);
        held.put(customer, new CountDownLatch(0));
        assertThat(api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null).statusCode()).isEqualTo(202);
    }

    @Test
    void aCustomerOnAPlanRatingDoesNotKnowCannotBeRerated() {
        CustomerId customer = onPlan("platinum");

        HttpResponse<String> response = api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("code").asText()).isEqualTo("unknown_plan");
    }

    @Test
    void aCustomerWhosePlanWasRemovedIsNotFound() {
        CustomerId customer = onPlan("starter");
        api.produce(Topics.CUSTOMER_PLANS, customer, null);

        assertThat(api.send("POST", "/v1/customers/" + customer + "/rerate?period=2026-11", null).statusCode()).isEqualTo(404);
    }

    private static CustomerId onPlan(String plan) {
        CustomerId customer = CustomerId.of("rerate-api-" + UUID.randomUUID());
        api.produce(Topics.CUSTOMER_PLANS, customer, new CustomerPlan(customer, PlanId.of(plan), NOV_1));
        return customer;
    }

    private static UUID started(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return UUID.fromString(json(response).get("jobId").asText());
    }

    private static JsonNode progress(UUID job) {
        HttpResponse<String> response = api.send("GET", "/v1/rerate-jobs/" + job, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
