package io.microcent.invoicing.write.invoice;

import io.microcent.invoicing.write.draftinvoice.DraftInvoice;
import io.microcent.invoicing.write.draftinvoice.DraftInvoiceHandler;
import io.microcent.invoicing.write.draftinvoice.InvoiceDraftRefreshed;
import io.microcent.invoicing.write.draftinvoice.InvoiceDrafted;
import io.microcent.invoicing.write.finalizeinvoice.FinalizeInvoice;
import io.microcent.invoicing.write.finalizeinvoice.FinalizeInvoiceHandler;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoiceMarkedUncollectible;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaid;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaymentFailed;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEvent;
import io.microcent.invoicing.write.stripeinvoiceevent.RecordStripeInvoiceEventHandler;
import io.microcent.invoicing.write.stripeinvoiceevent.StripeInvoiceOutcome;
import io.microcent.invoicing.write.voidinvoice.InvoiceVoided;
import io.microcent.invoicing.write.voidinvoice.VoidInvoice;
import io.microcent.invoicing.write.voidinvoice.VoidInvoiceHandler;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class InvoiceTest {

    private static final CustomerId ACME = CustomerId.of("acme");
    private static final BillingPeriod NOVEMBER = BillingPeriod.parse("2026-11");
    private static final InvoiceId ID = InvoiceId.of(ACME, NOVEMBER, 0);
    private static final Instant DRAFTED_AT = Instant.parse("2026-12-01T00:00:05Z");
    private static final Instant LATER = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant FINALIZED_AT = Instant.parse("2026-12-03T00:00:05Z");

    private static final InvoiceLineData FEE = new InvoiceLineData("base_fee", "Starter, November 2026", 1, "9",
            9_000_000, null, "base_fee/2026-11/1m");
    private static final InvoiceLineData USAGE = new InvoiceLineData("usage", "Requests beyond 1,000", 1_200, "0.01",
            2_000_000, null, "usage/2026-11/requests");
    private static final InvoiceLineData MORE_USAGE = new InvoiceLineData("usage", "Requests beyond 1,000", 1_300, "0.01",
            3_000_000, null, "usage/2026-11/requests");
    private static final List<InvoiceLineData> FINAL_LINES = List.of(
            new InvoiceLineData("base_fee", "Starter, November 2026", 1, "9", 9_000_000, 900L, "base_fee/2026-11/1m"),
            new InvoiceLineData("usage", "Requests beyond 1,000", 1_300, "0.01", 3_000_000, 300L, "usage/2026-11/requests"));

    private static final InvoiceDrafted DRAFTED = new InvoiceDrafted(ID, ACME, NOVEMBER, 0, List.of(FEE, USAGE), DRAFTED_AT);
    private static final InvoiceFinalized FINALIZED = new InvoiceFinalized(ID, ACME, NOVEMBER, FINAL_LINES,
            1_200, 0, 1_200, 1_200, 0, FINALIZED_AT, false);

    private AggregateTestFixture<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(new DraftInvoiceHandler());
        fixture.registerInjectableResource(new FinalizeInvoiceHandler());
        fixture.registerInjectableResource(new VoidInvoiceHandler());
        fixture.registerInjectableResource(new RecordStripeInvoiceEventHandler());
    }

    private static FinalizeInvoice finalize(long amountDueCents, Instant at) {
        return new FinalizeInvoice(ID, ACME, NOVEMBER, 0, FINAL_LINES, 1_200, 0, 1_200, amountDueCents, 0, at, false);
    }

    private static RecordStripeInvoiceEvent stripe(StripeInvoiceOutcome outcome, String eventId, Instant at) {
        return new RecordStripeInvoiceEvent(ID, outcome, eventId, at);
    }

    @Test
    void a_period_s_first_draft_creates_the_invoice() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoice(ID, ACME, NOVEMBER, 0, List.of(FEE, USAGE), DRAFTED_AT))
                .expectEvents(DRAFTED);
    }

    @Test
    void a_draft_is_refreshed_only_when_its_lines_change() {
        fixture.given(DRAFTED)
                .when(new DraftInvoice(ID, ACME, NOVEMBER, 0, List.of(FEE, USAGE), LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new DraftInvoice(ID, ACME, NOVEMBER, 0, List.of(FEE, MORE_USAGE), LATER))
                .expectEvents(new InvoiceDraftRefreshed(ID, List.of(FEE, MORE_USAGE), LATER));
    }

    @Test
    void a_final_invoice_s_lines_never_change() {
        fixture.given(DRAFTED, FINALIZED)
                .when(new DraftInvoice(ID, ACME, NOVEMBER, 0, List.of(FEE, MORE_USAGE), LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_draft_is_finalized_once_and_a_second_finalize_is_refused() {
        fixture.given(DRAFTED)
                .when(finalize(1_200, FINALIZED_AT))
                .expectEvents(FINALIZED);
        fixture.given(DRAFTED, FINALIZED)
                .when(finalize(1_200, LATER))
                .expectException(InvoiceStateConflict.class)
                .expectNoEvents();
    }

    @Test
    void finalizing_an_invoice_never_drafted_drafts_it_in_the_same_step_with_exact_lines() {
        List<InvoiceLineData> exact = FINAL_LINES.stream().map(line -> new InvoiceLineData(line.kind(), line.description(),
                line.quantity(), line.unitPrice(), line.amountMicrocents(), null, line.item())).toList();
        fixture.givenNoPriorActivity()
                .when(finalize(1_200, FINALIZED_AT))
                .expectEvents(new InvoiceDrafted(ID, ACME, NOVEMBER, 0, exact, FINALIZED_AT), FINALIZED);
    }

    @Test
    void an_invoice_with_nothing_to_pay_is_paid_when_it_is_finalized() {
        fixture.given(DRAFTED)
                .when(new FinalizeInvoice(ID, ACME, NOVEMBER, 0, FINAL_LINES, 1_200, 1_200, 0, 0, 0, FINALIZED_AT, true))
                .expectEvents(new InvoiceFinalized(ID, ACME, NOVEMBER, FINAL_LINES, 1_200, 1_200, 0, 0, 0, FINALIZED_AT, true),
                        new InvoicePaid(ID, FINALIZED_AT, InvoicePaid.ZERO_AMOUNT));
    }

    @Test
    void stripe_moves_a_final_invoice_to_paid_and_a_late_payment_failure_does_not_undo_it() {
        fixture.given(DRAFTED, FINALIZED)
                .when(stripe(StripeInvoiceOutcome.PAID, "evt_paid", LATER))
                .expectEvents(new InvoicePaid(ID, LATER, "evt_paid"));
        fixture.given(DRAFTED, FINALIZED, new InvoicePaid(ID, LATER, "evt_paid"))
                .when(stripe(StripeInvoiceOutcome.PAYMENT_FAILED, "evt_failed", FINALIZED_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_failed_payment_can_still_be_paid_and_a_repeated_failure_changes_nothing() {
        InvoicePaymentFailed failed = new InvoicePaymentFailed(ID, LATER, "evt_failed");
        fixture.given(DRAFTED, FINALIZED)
                .when(stripe(StripeInvoiceOutcome.PAYMENT_FAILED, "evt_failed", LATER))
                .expectEvents(failed);
        fixture.given(DRAFTED, FINALIZED, failed)
                .when(stripe(StripeInvoiceOutcome.PAYMENT_FAILED, "evt_failed_again", LATER))
                .expectNoEvents();
        fixture.given(DRAFTED, FINALIZED, failed)
                .when(stripe(StripeInvoiceOutcome.PAID, "evt_paid", LATER))
                .expectEvents(new InvoicePaid(ID, LATER, "evt_paid"));
    }

    @Test
    void uncollectible_and_void_come_from_stripe_and_void_is_the_end() {
        fixture.given(DRAFTED, FINALIZED)
                .when(stripe(StripeInvoiceOutcome.MARKED_UNCOLLECTIBLE, "evt_u", LATER))
                .expectEvents(new InvoiceMarkedUncollectible(ID, LATER, "evt_u"));
        InvoiceVoided voided = new InvoiceVoided(ID, LATER, InvoiceVoided.BY_STRIPE, "evt_v");
        fixture.given(DRAFTED, FINALIZED)
                .when(stripe(StripeInvoiceOutcome.VOIDED, "evt_v", LATER))
                .expectEvents(voided);
        fixture.given(DRAFTED, FINALIZED, voided)
                .when(stripe(StripeInvoiceOutcome.PAID, "evt_paid", LATER))
                .expectNoEvents();
    }

    @Test
    void an_operator_voids_an_unpaid_invoice_but_not_a_paid_one() {
        fixture.given(DRAFTED, FINALIZED)
                .when(new VoidInvoice(ID, LATER))
                .expectEvents(new InvoiceVoided(ID, LATER, InvoiceVoided.BY_OPERATOR, null));
        fixture.given(DRAFTED, FINALIZED, new InvoicePaid(ID, LATER, "evt_paid"))
                .when(new VoidInvoice(ID, LATER))
                .expectException(InvoiceStateConflict.class)
                .expectNoEvents();
    }

    @Test
    void commands_for_an_invoice_that_does_not_exist_are_refused_and_store_nothing() {
        fixture.givenNoPriorActivity()
                .when(new VoidInvoice(ID, LATER))
                .expectException(InvoiceNotFound.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(stripe(StripeInvoiceOutcome.PAID, "evt_paid", LATER))
                .expectException(InvoiceNotFound.class)
                .expectNoEvents();
    }

    @Test
    void invoice_ids_are_derived_so_every_instance_names_the_same_invoice() {
        org.junit.jupiter.api.Assertions.assertEquals(InvoiceId.of(ACME, NOVEMBER, 0), InvoiceId.of(CustomerId.of("acme"), BillingPeriod.parse("2026-11"), 0));
        org.junit.jupiter.api.Assertions.assertNotEquals(InvoiceId.of(ACME, NOVEMBER, 0), InvoiceId.of(ACME, NOVEMBER, 1));
        org.junit.jupiter.api.Assertions.assertNotEquals(InvoiceId.of(ACME, NOVEMBER, 0), InvoiceId.of(ACME, NOVEMBER.next(), 0));
        org.junit.jupiter.api.Assertions.assertTrue(InvoiceId.isWellFormed(ID.raw()));
        org.junit.jupiter.api.Assertions.assertFalse(InvoiceId.isWellFormed("in_../../etc"));
    }
}
