package io.microcent.invoicing.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.invoicing.stripe.StripeStub.Fault;
import io.microcent.invoicing.stripe.StripeStub.Request;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomer;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.test.TestHttpClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.microcent.invoicing.stripe.RunningStripeSync.line;
import static io.microcent.invoicing.stripe.RunningStripeSync.newCustomer;
import static io.microcent.invoicing.stripe.RunningStripeSync.threeLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StripeSyncTest {

    private static final BillingPeriod NOVEMBER = BillingPeriod.parse("2026-11");
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");

    private RunningStripeSync running;
    private StripeStub stub;

    @BeforeEach
    void start() {
        running = new RunningStripeSync(true, true);
        stub = running.stub;
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void one_stripe_customer_for_two_invoices_one_stripe_invoice_each_with_one_item_per_line() {
        CustomerId customer = newCustomer();
        InvoiceFinalized october = running.finalize(customer, OCTOBER, threeLines());
        InvoiceFinalized november = running.finalize(customer, NOVEMBER, List.of(line("base_fee", "Starter plan", 2_900)));

        assertThat(running.view(october.invoice()).status()).isEqualTo(StripeSyncStatus.PENDING);
        assertThat(running.worker().runOnce()).isEqualTo(2);

        assertThat(stub.customers()).hasSize(1);
        JsonNode stripeCustomer = stub.customers().getFirst();
        assertThat(stripeCustomer.path("metadata").path("microcent_customer_id").asText()).isEqualTo(customer.raw());
        assertThat(stripeCustomer.path("name").asText()).isEqualTo("Customer " + customer);
        assertThat(stripeCustomer.path("email").asText()).isEqualTo(customer + "@example.com");
        assertThat(running.handlers.links).containsExactly(new LinkStripeCustomer(customer, stripeCustomer.path("id").asText()));

        assertThat(stub.invoices()).hasSize(2);
        for (InvoiceFinalized invoice : List.of(october, november)) {
            StripeSyncView view = running.view(invoice.invoice());
            assertThat(view.status()).isEqualTo(StripeSyncStatus.SYNCED);
            assertThat(view.stripeTotalCents()).isEqualTo(invoice.amountDueCents());
            assertThat(view.lastError()).isNull();
            JsonNode stripeInvoice = stub.invoices().stream().filter(i -> i.path("id").asText().equals(view.stripeInvoiceId())).findFirst().orElseThrow();
            assertThat(stripeInvoice.path("status").asText()).isEqualTo("open");
            assertThat(stripeInvoice.path("customer").asText()).isEqualTo(stripeCustomer.path("id").asText());
            assertThat(stripeInvoice.path("metadata").path("microcent_invoice_id").asText()).isEqualTo(invoice.invoice().raw());
            assertThat(stripeInvoice.path("metadata").path("microcent_customer_id").asText()).isEqualTo(customer.raw());
            assertThat(stripeInvoice.path("metadata").path("microcent_period").asText()).isEqualTo(invoice.period().toString());

            List<JsonNode> items = itemsOf(view.stripeInvoiceId());
            assertThat(items).hasSameSizeAs(invoice.lines());
            for (int i = 0; i < items.size(); i++) {
                assertThat(items.get(i).path("amount").asLong()).isEqualTo(invoice.lines().get(i).amountCents());
                assertThat(items.get(i).path("description").asText()).isEqualTo(invoice.lines().get(i).description());
                assertThat(items.get(i).path("metadata").path("microcent_line").asText()).isEqualTo(Integer.toString(i));
            }
            assertThat(items.stream().mapToLong(item -> item.path("amount").asLong()).sum()).isEqualTo(invoice.amountDueCents());
        }
        assertThat(stub.requests("POST", "/v1/invoices")).allSatisfy(r -> {
            assertThat(r.params()).containsEntry("auto_advance", "false").containsEntry("pending_invoice_items_behavior", "exclude")
                    .containsEntry("collection_method", "charge_automatically").containsEntry("currency", "usd");
        });
        assertThat(stub.requests("POST", "/v1/invoiceitems")).allSatisfy(r -> assertThat(r.params()).containsKey("invoice"));
        assertThat(stub.requests("POST", "/v1/invoices/.*/finalize")).hasSize(2)
                .allSatisfy(r -> assertThat(r.params()).as("Stripe collects once final").containsEntry("auto_advance", "true"));
        // the discount is a negative item
        assertThat(itemsOf(running.view(october.invoice()).stripeInvoiceId()).get(2).path("amount").asLong()).isEqualTo(-500);
    }

    @Test
    void every_request_carries_an_idempotency_key_derived_from_our_ids() {
        CustomerId customer = newCustomer();
        InvoiceId invoice = running.finalize(customer, NOVEMBER, threeLines()).invoice();

        running.worker().runOnce();

        assertThat(stub.requests()).extracting(Request::idempotencyKey).containsExactly(
                "microcent:customer:" + customer + ":v0",
                "microcent:" + invoice + ":invoice:v0",
                "microcent:" + invoice + ":item:0:v0",
                "microcent:" + invoice + ":item:1:v0",
                "microcent:" + invoice + ":item:2:v0",
                "microcent:" + invoice + ":finalize:v0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/customers", "/v1/invoices", "/v1/invoiceitems", "/v1/invoices/.*/finalize"})
    void a_500_stored_under_a_key_is_not_replayed_the_retry_continues_from_what_stripe_has(String path) {
        CustomerId customer = newCustomer();
        InvoiceFinalized finalized = running.finalize(customer, NOVEMBER, threeLines());
        InvoiceId invoice = finalized.invoice();
        stub.failNext("POST", path, 1, Fault.SERVER_ERROR_AFTER_WORK); // done at Stripe, but we are told 500

        running.worker().runOnce();

        StripeSyncView failed = running.view(invoice);
        assertThat(failed.status()).isEqualTo(StripeSyncStatus.PENDING);
        assertThat(failed.lastError()).startsWith("Stripe answered 500").doesNotContain("Exception");
        assertThat(failed.nextAttemptAt()).isEqualTo(RunningStripeSync.START.plus(Duration.ofSeconds(30)));
        assertThat(running.worker().runOnce()).as("not due before its backoff").isZero();

        running.clock.advance(Duration.ofSeconds(30));
        running.worker().runOnce();

        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.SYNCED);
        assertThat(stub.customers()).hasSize(1);
        assertThat(stub.invoices()).hasSize(1);
        assertThat(stub.invoiceItems()).hasSize(3);
        assertThat(stub.invoices().getFirst().path("total").asLong()).isEqualTo(finalized.amountDueCents());
        assertThat(running.view(invoice).stripeTotalCents()).isEqualTo(finalized.amountDueCents());
        // no key was sent twice: the stored 500 was never replayed
        List<String> postKeys = stub.requests().stream().filter(r -> r.method().equals("POST")).map(Request::idempotencyKey).toList();
        assertThat(postKeys).doesNotHaveDuplicates();
        assertThat(postKeys).allMatch(key -> key.startsWith("microcent:"));
        assertThat(stub.requests().stream().filter(r -> r.method().equals("GET")))
                .as("the retry looked up what Stripe had").isNotEmpty()
                .allSatisfy(r -> assertThat(r.idempotencyKey()).startsWith("microcent:").endsWith(":v1"));
        assertThat(running.handlers.links).hasSize(1);
    }

    @Test
    void a_429_is_retried_with_new_keys() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        stub.failNext("POST", "/v1/invoiceitems", 1, Fault.RATE_LIMITED);

        running.worker().runOnce();
        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.PENDING);
        assertThat(running.view(invoice).lastError()).startsWith("Stripe answered 429");
        running.clock.advance(Duration.ofSeconds(30));
        running.worker().runOnce();

        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.SYNCED);
        assertThat(stub.invoiceItems()).hasSize(3);
    }

    /** A worker stops (crashes) after its {@code n}th step; another instance takes the row over when the lease ends. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void a_worker_stopped_after_any_step_leaves_nothing_for_the_next_to_create_twice(int stopAfter) {
        InvoiceFinalized finalized = running.finalize(newCustomer(), NOVEMBER, threeLines());
        AtomicInteger steps = new AtomicInteger();
        StripeIntegration crashing = running.worker("worker-crashing", (invoice, step) -> {
            if (steps.incrementAndGet() == stopAfter) {
                throw new SimulatedCrash();
            }
        });
        assertThatThrownBy(() -> crashing.worker().runOnce()).isInstanceOf(SimulatedCrash.class);
        assertThat(running.view(finalized.invoice()).status()).isEqualTo(StripeSyncStatus.PENDING);

        StripeSyncWorker next = running.worker("worker-next", InvoiceSync.Probe.NONE).worker();
        assertThat(next.runOnce()).as("leased by the stopped worker").isZero();
        running.clock.advance(RunningStripeSync.TIMING.lease().plusSeconds(1));
        assertThat(next.runOnce()).isEqualTo(1);

        assertThat(running.view(finalized.invoice()).status()).isEqualTo(StripeSyncStatus.SYNCED);
        assertThat(stub.customers()).hasSize(1);
        assertThat(stub.invoices()).hasSize(1);
        assertThat(stub.invoiceItems()).hasSize(3);
        assertThat(stub.invoices().getFirst().path("status").asText()).isEqualTo("open");
        assertThat(stub.requests("POST", "/v1/invoices/.*/finalize")).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void an_answer_lost_on_the_way_is_found_by_the_next_pass_and_not_created_again() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        stub.failNext("POST", "/v1/invoiceitems", 1, Fault.DROP_AFTER_WORK);

        running.worker().runOnce();
        assertThat(running.view(invoice).lastError()).startsWith("Stripe could not be reached");
        running.clock.advance(Duration.ofSeconds(30));
        running.worker().runOnce();

        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.SYNCED);
        assertThat(stub.invoiceItems()).hasSize(3);
        assertThat(stub.requests("GET", "/v1/invoices/.*/lines")).hasSize(1);
    }

    @Test
    void stripe_unreachable_leaves_the_invoice_pending_and_it_is_synced_when_stripe_returns() {
        InvoiceFinalized finalized = running.finalize(newCustomer(), NOVEMBER, threeLines());
        stub.unreachable(true);

        running.worker().runOnce();
        running.clock.advance(Duration.ofSeconds(30));
        running.worker().runOnce();

        StripeSyncView down = running.view(finalized.invoice());
        assertThat(down.status()).isEqualTo(StripeSyncStatus.PENDING);
        assertThat(down.attempts()).isEqualTo(2);
        // the second pass first looks for a customer the first one may have created
        assertThat(down.lastError()).isEqualTo("Stripe could not be reached while looking up the Stripe customer");
        assertThat(down.nextAttemptAt()).as("backoff doubles").isEqualTo(running.clock.instant().plus(Duration.ofSeconds(60)));

        stub.unreachable(false);
        running.clock.advance(Duration.ofSeconds(60));
        running.worker().runOnce();

        assertThat(running.view(finalized.invoice()).status()).isEqualTo(StripeSyncStatus.SYNCED);
        assertThat(stub.customers()).hasSize(1);
        assertThat(stub.invoiceItems()).hasSize(3);
    }

    @Test
    void nothing_to_collect_is_not_required_and_sends_nothing() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER,
                List.of(line("proration", "Unused Growth plan time", -4_000), line("proration", "Starter plan time", 1_500))).invoice();

        running.worker().runOnce();

        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.NOT_REQUIRED);
        assertThat(stub.requests()).isEmpty();
        Response answer = running.api.post("/v1/invoices/" + invoice + "/sync", "");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("not_required");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void a_refused_request_fails_the_invoice_until_an_operator_retries_it() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        stub.failNext("POST", "/v1/invoiceitems", 1, Fault.REFUSED);

        running.worker().runOnce();
        StripeSyncView failed = running.view(invoice);
        assertThat(failed.status()).isEqualTo(StripeSyncStatus.FAILED);
        assertThat(failed.lastError()).isEqualTo("Stripe answered 400 parameter_invalid while creating the Stripe invoice item of line 0: Invalid request (stub)");
        running.clock.advance(Duration.ofHours(2));
        assertThat(running.worker().runOnce()).as("a failed invoice waits for an operator").isZero();

        Response retried = running.api.post("/v1/invoices/" + invoice + "/sync", "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("invoice").asText()).isEqualTo(invoice.raw());
        assertThat(retried.body().path("status").asText()).isEqualTo("synced");
        assertThat(retried.body().path("stripeTotalCents").asLong()).isEqualTo(3_634);
        assertThat(stub.invoiceItems()).hasSize(3);
    }

    @Test
    void lines_that_do_not_add_up_to_the_amount_due_are_never_sent_even_on_an_operators_retry() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines(), 3_600).invoice();

        running.worker().runOnce();
        Response retried = running.api.post("/v1/invoices/" + invoice + "/sync", "");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("status").asText()).isEqualTo("failed");
        assertThat(retried.body().path("lastError").asText()).isEqualTo("the lines add up to 3634 cents, not the amount due of 3600 cents");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void an_invoice_finalized_while_sync_was_off_is_sent_when_an_operator_asks_once_sync_is_on() {
        InvoiceId invoice;
        try (RunningStripeSync off = new RunningStripeSync(false, false)) {
            invoice = off.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        }
        assertThat(running.worker().runOnce()).as("off invoices are not sent on their own").isZero();

        Response synced = running.api.post("/v1/invoices/" + invoice + "/sync", "");

        assertThat(synced.body().path("status").asText()).isEqualTo("synced");
        assertThat(stub.invoiceItems()).hasSize(3);
    }

    @Test
    void the_scheduled_worker_syncs_a_finalized_invoice_on_its_own() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();

        try (StripeSyncWorker scheduled = running.worker("worker-scheduled", InvoiceSync.Probe.NONE).worker().start()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> running.view(invoice).status() == StripeSyncStatus.SYNCED);
        }
        assertThat(stub.invoices()).hasSize(1);
    }

    @Test
    void stripe_saying_not_to_retry_is_final_even_for_a_500() {
        InvoiceId invoice = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        stub.failNext("POST", "/v1/invoices", 1, Fault.SERVER_ERROR_DO_NOT_RETRY);

        running.worker().runOnce();

        assertThat(running.view(invoice).status()).isEqualTo(StripeSyncStatus.FAILED);
        assertThat(running.view(invoice).lastError()).startsWith("Stripe answered 500 while creating the Stripe invoice");
    }

    @Test
    void the_sync_route_answers_problems_for_unknown_malformed_and_unauthenticated_requests() {
        InvoiceId unknown = InvoiceId.of(newCustomer(), NOVEMBER, 0);
        Response notFound = running.api.post("/v1/invoices/" + unknown + "/sync", "");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body().path("code").asText()).isEqualTo("invoice_not_found");
        Response malformed = running.api.post("/v1/invoices/acme/sync", "");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.firstErrorField()).isEqualTo("id");
        assertThat(running.api.withoutToken().post("/v1/invoices/" + unknown + "/sync", "").status()).isEqualTo(401);
    }

    @Test
    void two_workers_at_once_sync_each_invoice_once() {
        List<InvoiceId> invoices = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            invoices.add(running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice());
        }
        StripeSyncWorker other = running.worker("worker-b", InvoiceSync.Probe.NONE).worker();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(running.worker()::runOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(other::runOnce);

        assertThat(a.join() + b.join()).isEqualTo(6);
        assertThat(invoices).allSatisfy(i -> assertThat(running.view(i).status()).isEqualTo(StripeSyncStatus.SYNCED));
        assertThat(stub.invoices()).hasSize(6);
        assertThat(stub.invoiceItems()).hasSize(18);
    }

    @Test
    void the_outbox_row_is_written_in_the_finalizing_transaction_and_gone_when_it_rolls_back() {
        CustomerId customer = newCustomer();
        InvoiceId invoice = InvoiceId.of(customer, NOVEMBER, 0);

        assertThatThrownBy(() -> running.transactions.executeInTransaction(() -> {
            running.finalize(customer, NOVEMBER, threeLines());
            assertThat(running.stripe.syncs().find(invoice)).as("visible inside the transaction").isPresent();
            throw new IllegalStateException("the decision's transaction fails after the event");
        })).hasMessageContaining("fails after the event");

        assertThat(running.stripe.syncs().find(invoice)).isEmpty();
    }

    @Test
    void reconciliation_reads_stripe_totals_of_synced_invoices() {
        InvoiceId synced = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();
        running.worker().runOnce();
        InvoiceId pending = running.finalize(newCustomer(), NOVEMBER, threeLines()).invoice();

        assertThat(running.stripe.syncs().stripeTotalsCents(List.of(synced, pending))).containsExactly(java.util.Map.entry(synced, 3_634L));
    }

    private List<JsonNode> itemsOf(String stripeInvoiceId) {
        return stub.invoiceItems().stream().filter(i -> i.path("invoice").asText().equals(stripeInvoiceId)).toList();
    }

    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("the worker stops here (test)");
        }
    }
}
