package io.microcent.invoicing;

import io.microcent.invoicing.generate.UsageTotal;
import io.microcent.invoicing.read.usage.UsageRepository;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.invoicing.RatedUsages.rated;
import static io.microcent.invoicing.db.Tables.DOMAIN_EVENT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** A new instance on the same database carries on where the stopped one left off. */
class InvoicingRestartTest {

    private static String newCustomerId() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void customers_survive_a_restart_because_the_event_store_is_the_source_of_truth() {
        String id = newCustomerId();
        try (RunningInvoicing first = RunningInvoicing.start(Clock.systemUTC())) {
            assertThat(first.api.createCustomer(id, "Acme Inc", "starter").status()).isEqualTo(201);
            assertThat(first.api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}").status()).isEqualTo(200);
        }

        try (RunningInvoicing second = RunningInvoicing.start(Clock.systemUTC())) {
            assertThat(second.api.get("/v1/customers/" + id).body().get("plan").asText()).isEqualTo("growth");
            // decided by the customer rebuilt from its events, not by the read model
            assertThat(second.api.createCustomer(id, "Acme again", "starter").status()).isEqualTo(409);
            // rebuilt on growth: asking for growth again records nothing, enterprise records a change from growth
            assertThat(second.api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"growth\"}").status()).isEqualTo(200);
            assertThat(storedEvents(id)).containsExactly("CustomerRegistered", "CustomerPlanChanged");
            assertThat(second.api.put("/v1/customers/" + id + "/plan", "{\"plan\":\"enterprise\"}").body().get("plan").asText())
                    .isEqualTo("enterprise");
            assertThat(storedEvents(id)).containsExactly("CustomerRegistered", "CustomerPlanChanged", "CustomerPlanChanged");
        }
    }

    /** The simple names of the customer's events in the event store, in order. */
    private static List<String> storedEvents(String customer) {
        return TestInfrastructure.get().database().dsl()
                .select(DOMAIN_EVENT_ENTRY.PAYLOAD_TYPE).from(DOMAIN_EVENT_ENTRY)
                .where(DOMAIN_EVENT_ENTRY.AGGREGATE_IDENTIFIER.eq(customer))
                .orderBy(DOMAIN_EVENT_ENTRY.SEQUENCE_NUMBER)
                .fetch(type -> type.value1().substring(type.value1().lastIndexOf('.') + 1));
    }

    @Test
    void a_restarted_usage_projection_goes_on_from_its_stored_offsets_without_counting_twice() {
        String id = newCustomerId();
        String usage = "/v1/customers/" + id + "/usage?period=2026-11";
        try (RunningInvoicing first = RunningInvoicing.start(Clock.systemUTC())) {
            first.api.createCustomer(id, "Acme Inc", "starter");
            RatedUsages.publish(first.context.kafkaBootstrap(),
                    rated(id, Instant.parse("2026-11-02T08:00:00Z"), 100, 0, 0, 10),
                    rated(id, Instant.parse("2026-11-03T08:00:00Z"), 200, 0, 0, 20),
                    rated(id, Instant.parse("2026-11-03T09:00:00Z"), 0, List.of(RatedUsages.charge("output_tokens", 50, 30))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(first.api.get(usage).body().get("requests").asLong()).isEqualTo(300));
        }

        try (RunningInvoicing second = RunningInvoicing.start(Clock.systemUTC())) {
            RatedUsages.publish(second.context.kafkaBootstrap(), rated(id, Instant.parse("2026-11-04T08:00:00Z"), 7, 0, 0, 1));
            // A replay from the start would pass through 400 and 600 on its way to 607; never through 307.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(second.api.get(usage).body().get("requests").asLong()).isEqualTo(307));
            assertThat(second.api.get(usage).body().get("costMicrocents").asLong()).isEqualTo(41);
            // the per-charge sums commit with the same offsets: not counted twice either
            assertThat(new UsageRepository(second.context.database().dsl()).chargeTotals(CustomerId.of(id), BillingPeriod.parse("2026-11")))
                    .extracting(total -> total.charge().name(), UsageTotal::quantity)
                    .containsExactlyInAnyOrder(tuple("requests", 307L), tuple("output_tokens", 50L));
        }
    }
}
