package io.microcent.caps.read.caps;

import io.microcent.caps.write.changecap.CapChanged;
import io.microcent.caps.write.createcap.CapCreated;
import io.microcent.caps.write.deletecap.CapDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static io.microcent.caps.db.Tables.CAP_DEFINITIONS;

/**
 * Keeps {@code caps.cap_definitions} from the cap events. It runs in a subscribing processor, in the transaction of
 * the command that decided the event, so a cap the API reports as created is already readable, and
 * before the customer's caps are published (see {@code WhenCapsChangedThenPublishThem}, registered after
 * it in the same processing group). Writes are idempotent, so the table can be rebuilt by replaying the events.
 */
@ProcessingGroup(CapsProjection.PROCESSING_GROUP)
public final class CapsProjection {

    public static final String PROCESSING_GROUP = "caps";

    private final DSLContext db;

    /** @param db statements that join the current transaction */
    public CapsProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(CapCreated event) {
        OffsetDateTime at = utc(event.at());
        Integer[] thresholds = event.thresholds().toArray(Integer[]::new);
        db.insertInto(CAP_DEFINITIONS)
                .set(CAP_DEFINITIONS.ID, event.capId().raw())
                .set(CAP_DEFINITIONS.CUSTOMER, event.customer().raw())
                .set(CAP_DEFINITIONS.SCOPE, event.scope().wireName())
                .set(CAP_DEFINITIONS.SCOPE_ID, event.scopeId())
                .set(CAP_DEFINITIONS.AMOUNT_MICROCENTS, event.amountMicrocents().value())
                .set(CAP_DEFINITIONS.PERIOD, event.period().wireName())
                .set(CAP_DEFINITIONS.MEASURE, event.measure().wireName())
                .set(CAP_DEFINITIONS.MODE, event.mode().wireName())
                .set(CAP_DEFINITIONS.THRESHOLDS, thresholds)
                .set(CAP_DEFINITIONS.CREATED_AT, at)
                .set(CAP_DEFINITIONS.CREATED_BY, event.actor().name())
                .set(CAP_DEFINITIONS.UPDATED_AT, at)
                .set(CAP_DEFINITIONS.UPDATED_BY, event.actor().name())
                .onConflict(CAP_DEFINITIONS.ID)
                .doNothing()
                .execute();
    }

    @EventHandler
    void on(CapChanged event) {
        db.update(CAP_DEFINITIONS)
                .set(CAP_DEFINITIONS.AMOUNT_MICROCENTS, event.amountMicrocents().value())
                .set(CAP_DEFINITIONS.MODE, event.mode().wireName())
                .set(CAP_DEFINITIONS.THRESHOLDS, event.thresholds().toArray(Integer[]::new))
                .set(CAP_DEFINITIONS.UPDATED_AT, utc(event.at()))
                .set(CAP_DEFINITIONS.UPDATED_BY, event.actor().name())
                .where(CAP_DEFINITIONS.ID.eq(event.capId().raw()))
                .execute();
    }

    @EventHandler
    void on(CapDeleted event) {
        db.deleteFrom(CAP_DEFINITIONS).where(CAP_DEFINITIONS.ID.eq(event.capId().raw())).execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
