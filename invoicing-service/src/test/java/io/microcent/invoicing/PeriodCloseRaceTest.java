package io.microcent.invoicing;

import io.microcent.invoicing.automation.WhenPeriodEndsThenInvoiceIt;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.platform.time.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Two instances close the same month at the same moment, each in batches of customers per transaction: the
 * aggregates' conflicts roll batches back and close their customers one by one, and every customer ends with
 * exactly one invoice for the month, finalized exactly once.
 */
class PeriodCloseRaceTest {

    @Test
    void two_instances_closing_one_month_finalize_each_invoice_once() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-10T00:00:00Z"));
        try (RunningInvoicing first = RunningInvoicing.start(clock); RunningInvoicing second = RunningInvoicing.start(clock)) {
            String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 120; i++) { // more than two batches
                customers.add(prefix + i);
                first.api.createCustomer(prefix + i, "Race " + i, "starter");
            }
            clock.set(Instant.parse("2026-12-03T00:00:01Z")); // past November's grace

            var runs = List.of(CompletableFuture.supplyAsync(() -> first.service.periodClose().runOnce()),
                    CompletableFuture.supplyAsync(() -> second.service.periodClose().runOnce()));
            List<WhenPeriodEndsThenInvoiceIt.Run> done = runs.stream().map(CompletableFuture::join).toList();
            first.service.periodClose().runOnce(); // anything left by a failure is finalized now, once

            var db = first.context.database().dsl();
            for (String customer : customers) {
                var invoices = db.select(field(name("status"), String.class)).from(table(name("invoicing", "invoices")))
                        .where(field(name("customer")).eq(customer)).and(field(name("period")).eq("2026-11")).fetch();
                assertThat(invoices).as(customer).hasSize(1);
                assertThat(invoices.getFirst().value1()).as(customer).isEqualTo("finalized");
            }
            // one InvoiceFinalized per invoice in the event store, whoever decided it
            var ids = db.select(org.jooq.impl.DSL.inline("invoice/").concat(field(name("id"), String.class)))
                    .from(table(name("invoicing", "invoices"))).where(field(name("customer"), String.class).startsWith(prefix));
            int finalizedEvents = db.fetchCount(db.selectFrom(table(name("invoicing", "domain_event_entry")))
                    .where(field(name("payload_type")).eq(InvoiceFinalized.class.getName()))
                    .and(field(name("aggregate_identifier"), String.class).in(ids)));
            assertThat(finalizedEvents).isEqualTo(customers.size());
            assertThat(done).hasSize(2);
        }
    }
}
