package io.microcent.invoicing.stripe;

import io.microcent.invoicing.db.tables.records.StripeInvoicesRecord;
import io.microcent.invoicing.write.finalizeinvoice.InvoiceFinalized;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.model.id.CustomerId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.microcent.invoicing.db.Tables.STRIPE_INVOICES;
import static io.microcent.invoicing.db.Tables.STRIPE_INVOICE_LINES;

/**
 * The outbox rows of Stripe sync ({@code stripe_invoices}, {@code stripe_invoice_lines}) and every statement on
 * them. A worker changes a row only while it holds the row's lease ({@link #claimDue}, {@link #claim}), so two
 * instances never sync one invoice at the same time; a lease that ran out means its holder stopped mid-pass.
 */
final class StripeSyncRows {

    /** A claimed row: what to send and what Stripe already has. */
    record SyncRow(InvoiceId invoice, CustomerId customer, String period, long amountDueCents, int attempts, int keyVersion,
                   String stripeCustomerId, String stripeInvoiceId, List<SyncLine> lines) {

        SyncRow withStripeCustomer(String id) {
            return new SyncRow(invoice, customer, period, amountDueCents, attempts, keyVersion, id, stripeInvoiceId, lines);
        }
    }

    /** @param stripeItemId the Stripe invoice item made of this line, or {@code null} while none is known */
    record SyncLine(int index, String description, long amountCents, String stripeItemId) {
    }

    private final DSLContext db;

    /** @param db statements that join the current transaction (the outbox insert must be in the decision's) */
    StripeSyncRows(DSLContext db) {
        this.db = db;
    }

    /** The outbox row of a finalized invoice; a replayed event changes nothing. */
    void insert(InvoiceFinalized event, StripeSyncStatus status, String lastError, Instant now) {
        int inserted = db.insertInto(STRIPE_INVOICES)
                .set(STRIPE_INVOICES.INVOICE_ID, event.invoice().raw())
                .set(STRIPE_INVOICES.CUSTOMER_ID, event.customer().raw())
                .set(STRIPE_INVOICES.PERIOD, event.period().toString())
                .set(STRIPE_INVOICES.AMOUNT_DUE_CENTS, event.amountDueCents())
                .set(STRIPE_INVOICES.STATUS, status.code())
                .set(STRIPE_INVOICES.NEXT_ATTEMPT_AT, status == StripeSyncStatus.PENDING ? utc(now) : null)
                .set(STRIPE_INVOICES.LAST_ERROR, lastError)
                .set(STRIPE_INVOICES.CREATED_AT, utc(now))
                .set(STRIPE_INVOICES.UPDATED_AT, utc(now))
                .onConflict(STRIPE_INVOICES.INVOICE_ID).doNothing()
                .execute();
        if (inserted == 0) {
            return;
        }
        List<InvoiceLineData> lines = event.lines();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineData line = lines.get(i);
            db.insertInto(STRIPE_INVOICE_LINES)
                    .set(STRIPE_INVOICE_LINES.INVOICE_ID, event.invoice().raw())
                    .set(STRIPE_INVOICE_LINES.LINE_INDEX, i)
                    .set(STRIPE_INVOICE_LINES.DESCRIPTION, line.description())
                    .set(STRIPE_INVOICE_LINES.AMOUNT_CENTS, line.amountCents())
                    .execute();
        }
    }

    /**
     * Leases up to {@code limit} pending rows that are due and not leased by a live worker. A row whose lease ran
     * out was interrupted mid-pass: its key version goes up, so the pass starts by looking up what Stripe has.
     */
    List<InvoiceId> claimDue(String owner, Instant now, Instant leaseUntil, int limit) {
        var due = DSL.select(STRIPE_INVOICES.INVOICE_ID).from(STRIPE_INVOICES)
                .where(STRIPE_INVOICES.STATUS.eq(StripeSyncStatus.PENDING.code()))
                .and(STRIPE_INVOICES.NEXT_ATTEMPT_AT.le(utc(now)))
                .and(STRIPE_INVOICES.LEASE_UNTIL.isNull().or(STRIPE_INVOICES.LEASE_UNTIL.lt(utc(now))))
                .orderBy(STRIPE_INVOICES.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked();
        return lease(owner, now, leaseUntil, STRIPE_INVOICES.INVOICE_ID.in(due));
    }

    /** Leases one pending row now, due or not, unless a live worker holds it. */
    boolean claim(InvoiceId invoice, String owner, Instant now, Instant leaseUntil) {
        return !lease(owner, now, leaseUntil, STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw())
                .and(STRIPE_INVOICES.STATUS.eq(StripeSyncStatus.PENDING.code()))
                .and(STRIPE_INVOICES.LEASE_UNTIL.isNull().or(STRIPE_INVOICES.LEASE_UNTIL.lt(utc(now))))).isEmpty();
    }

    private List<InvoiceId> lease(String owner, Instant now, Instant leaseUntil, org.jooq.Condition which) {
        return db.update(STRIPE_INVOICES)
                .set(STRIPE_INVOICES.KEY_VERSION, STRIPE_INVOICES.KEY_VERSION.plus(
                        DSL.when(STRIPE_INVOICES.LEASE_UNTIL.isNotNull(), DSL.inline(1)).otherwise(DSL.inline(0))))
                .set(STRIPE_INVOICES.ATTEMPTS, STRIPE_INVOICES.ATTEMPTS.plus(1))
                .set(STRIPE_INVOICES.LEASE_OWNER, owner)
                .set(STRIPE_INVOICES.LEASE_UNTIL, utc(leaseUntil))
                .set(STRIPE_INVOICES.UPDATED_AT, utc(now))
                .where(which)
                .returning(STRIPE_INVOICES.INVOICE_ID)
                .fetch(r -> InvoiceId.of(r.getInvoiceId()));
    }

    SyncRow load(InvoiceId invoice) {
        StripeInvoicesRecord row = db.selectFrom(STRIPE_INVOICES).where(STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw())).fetchSingle();
        List<SyncLine> lines = db.selectFrom(STRIPE_INVOICE_LINES)
                .where(STRIPE_INVOICE_LINES.INVOICE_ID.eq(invoice.raw()))
                .orderBy(STRIPE_INVOICE_LINES.LINE_INDEX)
                .fetch(l -> new SyncLine(l.getLineIndex(), l.getDescription(), l.getAmountCents(), l.getStripeItemId()));
        return new SyncRow(invoice, CustomerId.of(row.getCustomerId()), row.getPeriod(), row.getAmountDueCents(),
                row.getAttempts(), row.getKeyVersion(), row.getStripeCustomerId(), row.getStripeInvoiceId(), lines);
    }

    void recordCustomer(InvoiceId invoice, String owner, String stripeCustomerId) {
        held(invoice, owner, db.update(STRIPE_INVOICES).set(STRIPE_INVOICES.STRIPE_CUSTOMER_ID, stripeCustomerId));
    }

    void recordInvoice(InvoiceId invoice, String owner, String stripeInvoiceId) {
        held(invoice, owner, db.update(STRIPE_INVOICES).set(STRIPE_INVOICES.STRIPE_INVOICE_ID, stripeInvoiceId));
    }

    void recordItem(InvoiceId invoice, int lineIndex, String stripeItemId) {
        db.update(STRIPE_INVOICE_LINES).set(STRIPE_INVOICE_LINES.STRIPE_ITEM_ID, stripeItemId)
                .where(STRIPE_INVOICE_LINES.INVOICE_ID.eq(invoice.raw()), STRIPE_INVOICE_LINES.LINE_INDEX.eq(lineIndex))
                .execute();
    }

    void synced(InvoiceId invoice, String owner, long stripeTotalCents, long stripeAmountDueCents, Instant now) {
        held(invoice, owner, db.update(STRIPE_INVOICES)
                .set(STRIPE_INVOICES.STATUS, StripeSyncStatus.SYNCED.code())
                .set(STRIPE_INVOICES.STRIPE_TOTAL_CENTS, stripeTotalCents)
                .set(STRIPE_INVOICES.STRIPE_AMOUNT_DUE_CENTS, stripeAmountDueCents)
                .set(STRIPE_INVOICES.LAST_ERROR, (String) null)
                .set(STRIPE_INVOICES.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                .set(STRIPE_INVOICES.UPDATED_AT, utc(now))
                .set(STRIPE_INVOICES.LEASE_OWNER, (String) null)
                .set(STRIPE_INVOICES.LEASE_UNTIL, (OffsetDateTime) null));
    }

    /**
     * The pass failed: still {@code status}, with the error and (when pending) the next attempt's time. The key version
     * goes up, so no later request replays an answer Stripe may have stored under this pass's keys.
     */
    void failedPass(InvoiceId invoice, String owner, StripeSyncStatus status, String error, Instant nextAttemptAt, Instant now) {
        held(invoice, owner, db.update(STRIPE_INVOICES)
                .set(STRIPE_INVOICES.STATUS, status.code())
                .set(STRIPE_INVOICES.KEY_VERSION, STRIPE_INVOICES.KEY_VERSION.plus(1))
                .set(STRIPE_INVOICES.LAST_ERROR, error)
                .set(STRIPE_INVOICES.NEXT_ATTEMPT_AT, nextAttemptAt == null ? null : utc(nextAttemptAt))
                .set(STRIPE_INVOICES.UPDATED_AT, utc(now))
                .set(STRIPE_INVOICES.LEASE_OWNER, (String) null)
                .set(STRIPE_INVOICES.LEASE_UNTIL, (OffsetDateTime) null));
    }

    /** An operator's retry: an {@code off} or {@code failed} row becomes pending, and any pending row is due now. */
    void dueNow(InvoiceId invoice, Instant now) {
        db.update(STRIPE_INVOICES)
                .set(STRIPE_INVOICES.STATUS, StripeSyncStatus.PENDING.code())
                .set(STRIPE_INVOICES.NEXT_ATTEMPT_AT, utc(now))
                .set(STRIPE_INVOICES.UPDATED_AT, utc(now))
                .where(STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw()))
                .and(STRIPE_INVOICES.STATUS.in(StripeSyncStatus.OFF.code(), StripeSyncStatus.FAILED.code(), StripeSyncStatus.PENDING.code()))
                .execute();
    }

    Optional<StripeSyncView> find(InvoiceId invoice) {
        return db.selectFrom(STRIPE_INVOICES).where(STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw()))
                .fetchOptional(StripeSyncRows::toView);
    }

    Map<InvoiceId, StripeSyncView> findAll(Collection<InvoiceId> invoices) {
        return db.selectFrom(STRIPE_INVOICES)
                .where(STRIPE_INVOICES.INVOICE_ID.in(invoices.stream().map(InvoiceId::raw).toList()))
                .fetch()
                .stream()
                .map(StripeSyncRows::toView)
                .collect(Collectors.toMap(StripeSyncView::invoice, view -> view));
    }

    /** The invoice of a Stripe invoice we created. */
    Optional<InvoiceId> invoiceOfStripeInvoice(String stripeInvoiceId) {
        return db.select(STRIPE_INVOICES.INVOICE_ID).from(STRIPE_INVOICES)
                .where(STRIPE_INVOICES.STRIPE_INVOICE_ID.eq(stripeInvoiceId))
                .fetchOptional(r -> InvoiceId.of(r.value1()));
    }

    Map<InvoiceId, Long> stripeTotalsCents(Collection<InvoiceId> invoices) {
        return db.select(STRIPE_INVOICES.INVOICE_ID, STRIPE_INVOICES.STRIPE_TOTAL_CENTS).from(STRIPE_INVOICES)
                .where(STRIPE_INVOICES.INVOICE_ID.in(invoices.stream().map(InvoiceId::raw).toList()))
                .and(STRIPE_INVOICES.STATUS.eq(StripeSyncStatus.SYNCED.code()))
                .fetch()
                .stream()
                .collect(Collectors.toMap(r -> InvoiceId.of(r.value1()), r -> r.value2()));
    }

    private void held(InvoiceId invoice, String owner, org.jooq.UpdateSetMoreStep<StripeInvoicesRecord> update) {
        update.where(STRIPE_INVOICES.INVOICE_ID.eq(invoice.raw()), STRIPE_INVOICES.LEASE_OWNER.eq(owner)).execute();
    }

    private static StripeSyncView toView(StripeInvoicesRecord row) {
        return new StripeSyncView(InvoiceId.of(row.getInvoiceId()), StripeSyncStatus.ofCode(row.getStatus()),
                row.getStripeInvoiceId(), row.getLastError(), row.getStripeTotalCents(), row.getAttempts(),
                row.getNextAttemptAt() == null ? null : row.getNextAttemptAt().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
