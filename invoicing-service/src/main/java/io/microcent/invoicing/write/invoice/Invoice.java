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
import io.microcent.invoicing.write.voidinvoice.InvoiceVoided;
import io.microcent.invoicing.write.voidinvoice.VoidInvoice;
import io.microcent.invoicing.write.voidinvoice.VoidInvoiceHandler;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * The invoice aggregate, event sourced: one per customer, period and revision ({@link InvoiceId}). Each command
 * is decided by its slice's handler from the state alone; a rejected command records nothing.
 */
public class Invoice {

    /** {@link InvoiceId#aggregateId()}. */
    @AggregateIdentifier
    private String id;
    private InvoiceState state = InvoiceState.NONE;

    /** For Axon, which creates the aggregate empty and then applies its past events. */
    protected Invoice() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DraftInvoice command, DraftInvoiceHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(FinalizeInvoice command, FinalizeInvoiceHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(VoidInvoice command, VoidInvoiceHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordStripeInvoiceEvent command, RecordStripeInvoiceEventHandler handler) {
        record(handler.decide(command, state));
    }

    @EventSourcingHandler
    void on(InvoiceDrafted event) {
        id = event.invoice().aggregateId();
        state = new InvoiceState(true, event.customer(), event.period(), InvoiceStatus.DRAFT, event.lines());
    }

    @EventSourcingHandler
    void on(InvoiceDraftRefreshed event) {
        state = state.withLines(event.lines());
    }

    @EventSourcingHandler
    void on(InvoiceFinalized event) {
        state = state.withStatus(InvoiceStatus.FINALIZED).withLines(event.lines());
    }

    @EventSourcingHandler
    void on(InvoicePaid event) {
        state = state.withStatus(InvoiceStatus.PAID);
    }

    @EventSourcingHandler
    void on(InvoicePaymentFailed event) {
        state = state.withStatus(InvoiceStatus.PAYMENT_FAILED);
    }

    @EventSourcingHandler
    void on(InvoiceMarkedUncollectible event) {
        state = state.withStatus(InvoiceStatus.UNCOLLECTIBLE);
    }

    @EventSourcingHandler
    void on(InvoiceVoided event) {
        state = state.withStatus(InvoiceStatus.VOID);
    }

    private static void record(List<InvoiceEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }
}
