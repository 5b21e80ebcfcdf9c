package io.microcent.ingest.dedup;

import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;

import static io.microcent.ingest.db.Tables.SEEN_EVENTS;

/**
 * The {@code ingest.seen_events} table. Every operation is one statement for a whole request, however
 * many events it has: the keys travel as two bound arrays (customers, event ids) that PostgreSQL
 * unnests side by side, so a request of 10,000 events costs two parameters, not 20,000.
 */
public final class SeenEventsStore {

    private final DSLContext db;

    public SeenEventsStore(DSLContext db) {
        this.db = db;
    }

    /** Those of {@code keys} that were recorded as seen before. */
    public Set<EventKey> alreadySeen(Collection<EventKey> keys) {
        KeyTable requested = KeyTable.of(keys);
        return db.select(SEEN_EVENTS.CUSTOMER, SEEN_EVENTS.EVENT_ID)
                .from(requested.table())
                .join(SEEN_EVENTS)
                .on(SEEN_EVENTS.CUSTOMER.eq(requested.customer()).and(SEEN_EVENTS.EVENT_ID.eq(requested.eventId())))
                .fetchSet(row -> new EventKey(CustomerId.of(row.value1()), EventId.of(row.value2())));
    }

    /** Records {@code keys} as seen at {@code at}; keys recorded before keep their first time. */
    public void record(Collection<EventKey> keys, Instant at) {
        KeyTable seen = KeyTable.of(keys);
        // PostgreSQL keeps microseconds and would round; truncating keeps the record at or before the ingest time
        OffsetDateTime firstSeenAt = at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        db.insertInto(SEEN_EVENTS, SEEN_EVENTS.CUSTOMER, SEEN_EVENTS.EVENT_ID, SEEN_EVENTS.FIRST_SEEN_AT)
                .select(DSL.select(seen.customer(), seen.eventId(), DSL.val(firstSeenAt))
                        .from(seen.table())
                        // one order for every writer: two requests inserting overlapping keys in opposite
                        // orders could otherwise each wait for the other's uncommitted row (a deadlock)
                        .orderBy(seen.customer(), seen.eventId()))
                .onConflictDoNothing()
                .execute();
    }

    /** Deletes the records first seen before {@code cutoff}; returns how many. */
    public int deleteSeenBefore(Instant cutoff) {
        return db.deleteFrom(SEEN_EVENTS)
                .where(SEEN_EVENTS.FIRST_SEEN_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    /**
     * {@code unnest(customers) with ordinality} joined to {@code unnest(event ids) with ordinality} on
     * the ordinality: the keys as a table of (customer, event_id) rows.
     */
    private record KeyTable(Table<?> table, Field<String> customer, Field<String> eventId) {

        static KeyTable of(Collection<EventKey> keys) {
            String[] customers = new String[keys.size()];
            String[] eventIds = new String[keys.size()];
            int i = 0;
            for (EventKey key : keys) {
                customers[i] = key.customer().raw();
                eventIds[i] = key.id().raw();
                i++;
            }
            Table<?> customerColumn = unnest(customers, SEEN_EVENTS.CUSTOMER.getDataType()).as("k_customer", "customer", "n");
            Table<?> eventIdColumn = unnest(eventIds, SEEN_EVENTS.EVENT_ID.getDataType()).as("k_event", "event_id", "n");
            Field<Long> customerPosition = customerColumn.field("n", Long.class);
            Field<Long> eventIdPosition = eventIdColumn.field("n", Long.class);
            return new KeyTable(
                    customerColumn.join(eventIdColumn).on(customerPosition.eq(eventIdPosition)),
                    customerColumn.field("customer", String.class),
                    eventIdColumn.field("event_id", String.class));
        }

        private static Table<?> unnest(String[] values, DataType<String> type) {
            return DSL.unnest(DSL.val(values, type.getArrayDataType())).withOrdinality();
        }
    }
}
