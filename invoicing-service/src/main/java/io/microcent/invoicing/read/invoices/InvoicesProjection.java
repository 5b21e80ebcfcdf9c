package io.microcent.invoicing.read.invoices;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.microcent.invoicing.write.draftinvoice.InvoiceDraftRefreshed;
import io.microcent.invoicing.write.draftinvoice.InvoiceDrafted;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceLines;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoiceMarkedUncollectible;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaid;
import io.microcent.invoicing.write.stripeinvoiceevent.InvoicePaymentFailed;
import io.microcent.invoicing.write.voidinvoice.InvoiceVoided;
import io.microcent.model.json.Json;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.microcent.invoicing.db.Tables.INVOICES;

/**
 * Keeps {@code invoicing.invoices} from the invoice events, in the deciding command's transaction (a
 * subscribing processor): an invoice the API reports as finalized is readable as finalized. Idempotent, so the
 * table can be rebuilt by replaying the events.
 */
@ProcessingGroup(InvoicesProjection.PROCESSING_GROUP)
public final class InvoicesProjection {

    public static final String PROCESSING_GROUP = "invoices";

    private final DSLContext db;

    /** @param db statements that join the current transaction */
    public InvoicesProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(InvoiceDrafted event) {
        OffsetDateTime at = utc(event.draftedAt());
        db.insertInto(INVOICES)
                .set(INVOICES.ID, event.invoice().raw())
                .set(INVOICES.CUSTOMER, event.customer().raw())
                .set(INVOICES.PERIOD, event.period().toString())
                .set(INVOICES.REVISION, event.revision())
                .set(INVOICES.STATUS, InvoiceStatus.DRAFT.jsonName())
                .set(lines(event.lines()))
                .set(INVOICES.CREATED_AT, at)
                .set(INVOICES.UPDATED_AT, at)
                .onConflict(INVOICES.ID).doNothing()
                .execute();
    }

    @EventHandler
    void on(InvoiceDraftRefreshed event) {
        db.update(INVOICES)
                .set(lines(event.lines()))
                .set(INVOICES.UPDATED_AT, utc(event.refreshedAt()))
                .where(INVOICES.ID.eq(event.invoice().raw()))
                .execute();
    }

    @EventHandler
    void on(InvoiceFinalized event) {
        OffsetDateTime at = utc(event.finalizedAt());
        db.update(INVOICES)
                .set(INVOICES.STATUS, InvoiceStatus.FINALIZED.jsonName())
                .set(lines(event.lines()))
                .set(INVOICES.SUBTOTAL_CENTS, event.subtotalCents())
                .set(INVOICES.DISCOUNT_CENTS, event.discountCents())
                .set(INVOICES.TOTAL_CENTS, event.totalCents())
                .set(INVOICES.AMOUNT_DUE_CENTS, event.amountDueCents())
                .set(INVOICES.CREDIT_CENTS, event.creditCents())
                .set(INVOICES.EARLY, event.early())
                .set(INVOICES.FINALIZED_AT, at)
                .set(INVOICES.UPDATED_AT, at)
                .where(INVOICES.ID.eq(event.invoice().raw()))
                .execute();
    }

    @EventHandler
    void on(InvoicePaid event) {
        db.update(INVOICES)
                .set(INVOICES.STATUS, InvoiceStatus.PAID.jsonName())
                .set(INVOICES.PAID_AT, utc(event.paidAt()))
                .set(INVOICES.UPDATED_AT, utc(event.paidAt()))
                .where(INVOICES.ID.eq(event.invoice().raw()))
                .execute();
    }

    @EventHandler
    void on(InvoicePaymentFailed event) {
        status(event.invoice(), InvoiceStatus.PAYMENT_FAILED, event.failedAt());
    }

    @EventHandler
    void on(InvoiceMarkedUncollectible event) {
        status(event.invoice(), InvoiceStatus.UNCOLLECTIBLE, event.markedAt());
    }

    @EventHandler
    void on(InvoiceVoided event) {
        db.update(INVOICES)
                .set(INVOICES.STATUS, InvoiceStatus.VOID.jsonName())
                .set(INVOICES.VOIDED_AT, utc(event.voidedAt()))
                .set(INVOICES.UPDATED_AT, utc(event.voidedAt()))
                .where(INVOICES.ID.eq(event.invoice().raw()))
                .execute();
    }

    private void status(InvoiceId invoice, InvoiceStatus status, Instant at) {
        db.update(INVOICES)
                .set(INVOICES.STATUS, status.jsonName())
                .set(INVOICES.UPDATED_AT, utc(at))
                .where(INVOICES.ID.eq(invoice.raw()))
                .execute();
    }

    /** The lines and their exact subtotal, discount and total, as every event that sets lines writes them. */
    private static Map<Field<?>, Object> lines(List<InvoiceLineData> lines) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(INVOICES.LINES, json(lines));
        columns.put(INVOICES.SUBTOTAL_MICROCENTS, InvoiceLines.subtotalMicrocents(lines));
        columns.put(INVOICES.DISCOUNT_MICROCENTS, InvoiceLines.discountMicrocents(lines));
        columns.put(INVOICES.TOTAL_MICROCENTS, InvoiceLines.totalMicrocents(lines));
        return columns;
    }

    static JSONB json(List<InvoiceLineData> lines) {
        try {
            return JSONB.valueOf(Json.mapper().writeValueAsString(lines));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invoice lines are always serializable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
