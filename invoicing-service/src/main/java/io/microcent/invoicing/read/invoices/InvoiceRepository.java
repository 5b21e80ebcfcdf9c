package io.microcent.invoicing.read.invoices;

import com.fasterxml.jackson.core.type.TypeReference;
import io.microcent.invoicing.db.tables.records.InvoicesRecord;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceLineData;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.model.usage.BillingPeriod;
import org.jooq.Condition;
import org.jooq.DSLContext;
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

    /** Filter for {@link #page}: any of them may be {@code null}. */
    public record Filter(InvoiceStatus status, CustomerId customer, BillingPeriod period) {
    }

    /** A page position: the creation time and id of the last invoice of the previous page. */
    public record Cursor(Instant createdAt, InvoiceId id) {

        /** Opaque to clients: {@code <epoch micros>.<invoice id>}, base64url. */
        public String encode() {
            long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L), createdAt.getNano() / 1_000);
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "." + id.raw()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when {@code text} is not a cursor this API gave out */
        public static Cursor decode(String text) {
            try {
                String plain = new String(java.util.Base64.getUrlDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
                int dot = plain.indexOf('.');
                long micros = Long.parseLong(plain.substring(0, dot));
                return new Cursor(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS), InvoiceId.of(plain.substring(dot + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a cursor from a previous page", e);
            }
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
        if (cursor != null) {
            where.add(DSL.row(INVOICES.CREATED_AT, INVOICES.ID)
                    .lt(OffsetDateTime.ofInstant(cursor.createdAt(), java.time.ZoneOffset.UTC), cursor.id().raw()));
        }
        return db.selectFrom(INVOICES).where(where)
                .orderBy(INVOICES.CREATED_AT.desc(), INVOICES.ID.desc())
                .limit(limit)
                .fetch(InvoiceRepository::row);
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
