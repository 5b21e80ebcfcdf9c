package io.microcent.invoicing;

import io.microcent.invoicing.automation.PlanPublisher;
import io.microcent.invoicing.automation.WhenPlanChangeFallsDueThenPublishIt;
import io.microcent.invoicing.read.subscriptions.SubscriptionRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.platform.axon.JdbcTransactions;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The automation that publishes deferred plan changes, run by two instances at once on the same database:
 * each due change is published once, and a later round publishes nothing again.
 */
class PlanChangesFallingDueTest {

    private static final Instant NOV_20 = Instant.parse("2026-11-20T10:00:00Z");
    private static final Clock DECEMBER = Clock.fixed(Instant.parse("2026-12-01T00:00:05Z"), ZoneOffset.UTC);

    private static RunningInvoicing invoicing;

    @BeforeAll
    static void start() {
        // the service's own automation stays in November: nothing it holds falls due
        invoicing = RunningInvoicing.start(Clock.fixed(NOV_20, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        if (invoicing != null) {
            invoicing.close();
        }
    }

    @Test
    void two_instances_publish_a_due_downgrade_once_and_record_it() {
        String id = "due-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(invoicing.api.createCustomer(id, "Acme Inc", "enterprise").status()).isEqualTo(201);
        assertThat(invoicing.api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}").status()).isEqualTo(200);
        MockProducer<CustomerId, CustomerPlan> first = producer();
        MockProducer<CustomerId, CustomerPlan> second = producer();

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> automation(first).publishDue());
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> automation(second).publishDue());
        one.join();
        two.join();
        int again = automation(first).publishDue() + automation(second).publishDue();

        List<CustomerPlan> published = Stream.concat(first.history().stream(), second.history().stream())
                .map(ProducerRecord::value).filter(plan -> plan.customer().raw().equals(id)).toList();
        assertThat(published).containsExactly(new CustomerPlan(CustomerId.of(id), PlanId.of("growth"),
                Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(again).isZero();
        assertThat(invoicing.api.get("/v1/customers/" + id).body().get("plan").asText())
                .as("the service's clock is still in November").isEqualTo("enterprise");
    }

    private static WhenPlanChangeFallsDueThenPublishIt automation(MockProducer<CustomerId, CustomerPlan> producer) {
        JdbcTransactions transactions = new JdbcTransactions(invoicing.context.database().dataSource());
        return new WhenPlanChangeFallsDueThenPublishIt(transactions,
                new SubscriptionRepository(transactions.dsl(), PlanCatalog.defaults()), new PlanPublisher(producer), DECEMBER);
    }

    private static MockProducer<CustomerId, CustomerPlan> producer() {
        return new MockProducer<>(true, null, Topics.CUSTOMER_PLANS.keySerde().serializer(), Topics.CUSTOMER_PLANS.valueSerde().serializer());
    }
}
