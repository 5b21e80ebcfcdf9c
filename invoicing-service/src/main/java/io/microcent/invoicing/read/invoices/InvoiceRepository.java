package io.microcent.invoicing.read.invoices;

import com.fasterxml.jackson.core.type.TypeReference;
import io.microcent.invoicing.api.PageCursor;
import io.microcent.invoicing.db.tables.records.InvoicesRecord;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.INVOICES;
import static io.microcent.invoicing.db.Tables.STRIPE_INVOICES;

/** Reads {@code invoicing.invoices}. */
public final class InvoiceRepository {

    private static final TypeReference<List<InvoiceLineData>> LINES = new TypeReference<>() {
    };

    private final DSLContext db;

    public InvoiceRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<InvoiceRow> find(InvoiceId id) {
        return db.selectFrom(INVOICES).where(INVOICES.ID.eq(id.raw())).fetchOptional().map(InvoiceRepository::row);
    }

    /** Whether the customer has an invoice that bills (finalized, paid, failed or uncollectible: not draft, not void). */
    public boolean hasBilled(CustomerId customer) {
        return db.fetchExists(db.selectOne().from(INVOICES).where(INVOICES.CUSTOMER.eq(customer.raw()))
                .and(INVOICES.STATUS.notIn(InvoiceStatus.DRAFT.jsonName(), InvoiceStatus.VOID.jsonName())));
    }

    /**
     * Filter for {@link #page}: any of them may be {@code null}.
     *
     * @param stripeStatus where the invoice stands in Stripe, as the views show it ({@code off} also for an invoice
     *                     the Stripe sync has no row of: a draft, or one finalized before sync existed)
     * @param search       part of the invoice id or the customer id, any case
     */
    public record Filter(InvoiceStatus status, CustomerId customer, BillingPeriod period, String stripeStatus, String search) {

        public static Filter ofCustomer(CustomerId customer) {
            return new Filter(null, customer, null, null, null);
        }
    }

    /** The Stripe status an invoice shows: its sync row's, or {@code off} without one (as {@code StripeStatuses}). */
    private static final Field<String> STRIPE_STATUS = DSL.coalesce(STRIPE_INVOICES.STATUS, DSL.inline("off"));

    /** A page position: the creation time and id of the last invoice of the previous page. */
    public record Cursor(Instant createdAt, InvoiceId id) {

        /** Opaque to clients: {@code <epoch micros>.<invoice id>} ({@link PageCursor}). */
        public String encode() {
            long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L), createdAt.getNano() / 1_000);
            return PageCursor.encode(micros + "." + id.raw());
        }

        /** @throws IllegalArgumentException when {@code text} is not a cursor this API gave out */
        public static Cursor decode(String text) {
            return PageCursor.decode(text, plain -> {
                int dot = plain.indexOf('.');
                long micros = Long.parseLong(plain.substring(0, dot));
                return new Cursor(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), InvoiceId.of(plain.substring(dot + 1)));
            });
        }
    }

    /** Newest first, at most {@code limit}, after {@code cursor} when given. */
    public List<InvoiceRow> page(Filter filter, Cursor cursor, int limit) {
        List<Condition> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add(INVOICES.STATUS.eq(filter.status().jsonName()));
        }
        if (filter.customer() != null) {
            where.add(INVOICES.CUSTOMER.eq(filter.customer().raw()));
        }
        if (filter.period() != null) {
            where.add(INVOICES.PERIOD.eq(filter.period().toString()));
        }
        if (filter.stripeStatus() != null) {
            where.add(STRIPE_STATUS.eq(filter.stripeStatus()));
        }
        if (filter.search() != null) {
            where.add(INVOICES.ID.containsIgnoreCase(filter.search()).or(INVOICES.CUSTOMER.containsIgnoreCase(filter.search())));
        }
        if (cursor != null) {
            where.add(DSL.row(INVOICES.CREATED_AT, INVOICES.ID)
                    .lt(OffsetDateTime.ofInstant(cursor.createdAt(), java.time.ZoneOffset.UTC), cursor.id().raw()));
        }
        return db.select(INVOICES.fields()).from(INVOICES)
                .leftJoin(STRIPE_INVOICES).on(STRIPE_INVOICES.INVOICE_ID.eq(INVOICES.ID))
                .where(where)
                .orderBy(INVOICES.CREATED_AT.desc(), INVOICES.ID.desc())
                .limit(limit)
                .fetchInto(INVOICES)
                .map(InvoiceRepository::row);
    }

    /**
     * A period's invoices counted and summed per status and per Stripe status, in one aggregate query (grouping
     * sets). Sums are numeric in PostgreSQL and must fit a {@code long} here.
     */
    public PeriodSummary summary(BillingPeriod period) {
        Field<String> status = INVOICES.STATUS;
        Field<Integer> byStatus = DSL.grouping(status);
        Field<Integer> count = DSL.count();
        Field<java.math.BigDecimal> total = DSL.sum(INVOICES.TOTAL_MICROCENTS);
        Field<java.math.BigDecimal> due = DSL.sum(INVOICES.AMOUNT_DUE_CENTS);
        List<PeriodSummary.StatusTotals> statuses = new ArrayList<>();
        List<PeriodSummary.StripeCount> stripe = new ArrayList<>();
        db.select(status, STRIPE_STATUS, byStatus, count, total, due)
                .from(INVOICES)
                .leftJoin(STRIPE_INVOICES).on(STRIPE_INVOICES.INVOICE_ID.eq(INVOICES.ID))
                .where(INVOICES.PERIOD.eq(period.toString()))
                .groupBy(DSL.groupingSets(List.of(status), List.of(STRIPE_STATUS)))
                .orderBy(status, STRIPE_STATUS)
                .fetch()
                .forEach(row -> {
                    if (row.get(byStatus) == 0) {
                        // a draft has no amount due yet: its cents are fixed when it is finalized
                        statuses.add(new PeriodSummary.StatusTotals(row.get(status), row.get(count),
                                row.get(total).longValueExact(), row.get(due) == null ? null : row.get(due).longValueExact()));
                    } else {
                        stripe.add(new PeriodSummary.StripeCount(row.get(STRIPE_STATUS), row.get(count)));
                    }
                });
        return new PeriodSummary(period.toString(), statuses, stripe);
    }

    /** Every invoice of each customer, oldest period first; customers without one are absent. */
    public Map<CustomerId, List<InvoiceRow>> ofCustomers(Collection<CustomerId> customers) {
        Map<CustomerId, List<InvoiceRow>> byCustomer = new LinkedHashMap<>();
        if (customers.isEmpty()) {
            return byCustomer;
        }
        db.selectFrom(INVOICES)
                // one array parameter, however many customers (a month's reconciliation asks for all of them)
                .where(INVOICES.CUSTOMER.eq(DSL.any(DSL.val(customers.stream().map(CustomerId::raw).distinct().toArray(String[]::new)))))
                .orderBy(INVOICES.CUSTOMER, INVOICES.PERIOD, INVOICES.REVISION)
                .fetch(InvoiceRepository::row)
                .forEach(row -> byCustomer.computeIfAbsent(row.customer(), c -> new ArrayList<>()).add(row));
        return byCustomer;
    }

    /** Every invoice of {@code period}, by customer and revision. */
    public List<InvoiceRow> ofPeriod(BillingPeriod period) {
        return db.selectFrom(INVOICES).where(INVOICES.PERIOD.eq(period.toString()))
                .orderBy(INVOICES.CUSTOMER, INVOICES.REVISION)
                .fetch(InvoiceRepository::row);
    }

    private static InvoiceRow row(InvoicesRecord r) {
        return new InvoiceRow(InvoiceId.of(r.getId()), CustomerId.of(r.getCustomer()), BillingPeriod.parse(r.getPeriod()),
                r.getRevision(), InvoiceStatus.fromJson(r.getStatus()), lines(r.getLines().data()),
                r.getSubtotalMicrocents(), r.getDiscountMicrocents(), r.getTotalMicrocents(),
                r.getSubtotalCents(), r.getDiscountCents(), r.getTotalCents(), r.getAmountDueCents(), r.getCreditCents(),
                r.getEarly(), r.getCreatedAt().toInstant(), instant(r.getFinalizedAt()), instant(r.getPaidAt()),
                instant(r.getVoidedAt()));
    }

    private static Optional<Instant> instant(OffsetDateTime at) {
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    }

    private static List<InvoiceLineData> lines(String json) {
        try {
            return Json.mapper().readValue(json, LINES);
        } catch (IOException e) {
            throw new UncheckedIOException("invoice lines in the read model are not readable", e);
        }
    }
}
