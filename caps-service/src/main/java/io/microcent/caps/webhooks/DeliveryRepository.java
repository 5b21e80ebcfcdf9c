package io.microcent.caps.webhooks;

import io.microcent.caps.db.tables.records.WebhookDeliveriesRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.microcent.caps.db.Tables.WEBHOOKS;
import static io.microcent.caps.db.Tables.WEBHOOK_DELIVERIES;
import static io.microcent.caps.webhooks.Timestamps.instant;
import static io.microcent.caps.webhooks.Timestamps.utc;

/**
 * The delivery outbox, {@code caps.webhook_deliveries}: filled by the delivery projections (cap alerts, invoice transitions), worked off by the
 * dispatchers of every instance, read as the delivery log.
 */
final class DeliveryRepository {

    /** Room for a status code, the start of an answer and a network error, within the column. */
    private static final int MAX_ERROR_LENGTH = 1000;

    private final DSLContext db;

    DeliveryRepository(DSLContext db) {
        this.db = db;
    }

    /** Queues {@code event} for {@code subscriber}, due now; does nothing if this endpoint already has it. */
    static Query enqueue(DSLContext tx, Subscriber subscriber, WebhookEvent event, String body, Instant now) {
        return tx.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.ID, DeliveryId.random().raw())
                .set(WEBHOOK_DELIVERIES.WEBHOOK_ID, subscriber.id().raw())
                .set(WEBHOOK_DELIVERIES.EVENT_ID, event.id())
                .set(WEBHOOK_DELIVERIES.EVENT_TYPE, event.type())
                .set(WEBHOOK_DELIVERIES.BODY, body)
                .set(WEBHOOK_DELIVERIES.STATUS, DeliveryStatus.PENDING.code())
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, utc(now))
                .set(WEBHOOK_DELIVERIES.CREATED_AT, utc(now))
                .onConflict(WEBHOOK_DELIVERIES.WEBHOOK_ID, WEBHOOK_DELIVERIES.EVENT_ID)
                .doNothing();
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints for one attempt each. Rows another
     * instance is claiming are skipped ({@code FOR UPDATE SKIP LOCKED}), and a claimed row is pushed
     * {@code lease} into the future, so no other dispatcher takes it while this one sends it, and it
     * comes back by itself if this instance dies mid-attempt.
     */
    List<ClaimedDelivery> claimDue(Instant now, int limit, Duration lease) {
        return db.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            var due = tx.select(WEBHOOK_DELIVERIES.ID, WEBHOOK_DELIVERIES.WEBHOOK_ID, WEBHOOK_DELIVERIES.EVENT_ID,
                            WEBHOOK_DELIVERIES.BODY, WEBHOOK_DELIVERIES.ATTEMPTS, WEBHOOKS.URL, WEBHOOKS.SECRET)
                    .from(WEBHOOK_DELIVERIES)
                    .join(WEBHOOKS).on(WEBHOOKS.ID.eq(WEBHOOK_DELIVERIES.WEBHOOK_ID))
                    .where(WEBHOOK_DELIVERIES.STATUS.eq(DeliveryStatus.PENDING.code()))
                    .and(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT.le(utc(now)))
                    .and(WEBHOOKS.DISABLED_AT.isNull())
                    .orderBy(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT)
                    .limit(limit)
                    .forUpdate().of(WEBHOOK_DELIVERIES).skipLocked()
                    .fetch();
            if (due.isEmpty()) {
                return List.of();
            }
            tx.update(WEBHOOK_DELIVERIES)
                    .set(WEBHOOK_DELIVERIES.ATTEMPTS, WEBHOOK_DELIVERIES.ATTEMPTS.plus(1))
                    .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, utc(now.plus(lease)))
                    .where(WEBHOOK_DELIVERIES.ID.in(due.getValues(WEBHOOK_DELIVERIES.ID)))
                    .execute();
            return due.map(row -> new ClaimedDelivery(DeliveryId.of(row.value1()), WebhookId.of(row.value2()),
                    URI.create(row.value6()), row.value7(), row.value3(), row.value4(), row.value5() + 1));
        });
    }

    /**
     * Records how a claimed attempt ended. Ignored when the row moved on meanwhile (a replay restarted
     * it), so a late answer never overwrites a newer attempt.
     */
    static void finish(DSLContext tx, ClaimedDelivery claim, AttemptResult result, DeliveryStatus status,
                       Instant nextAttemptAt, Instant deliveredAt) {
        tx.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, status.code())
                .set(WEBHOOK_DELIVERIES.LAST_STATUS_CODE, result.statusCode())
                .set(WEBHOOK_DELIVERIES.LAST_ERROR, truncate(result.error()))
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, utc(nextAttemptAt))
                .set(WEBHOOK_DELIVERIES.DELIVERED_AT, utc(deliveredAt))
                .where(WEBHOOK_DELIVERIES.ID.eq(claim.id().raw()))
                .and(WEBHOOK_DELIVERIES.ATTEMPTS.eq(claim.attempt()))
                .and(WEBHOOK_DELIVERIES.STATUS.eq(DeliveryStatus.PENDING.code()))
                .execute();
    }

    /** An endpoint's deliveries, newest first. */
    List<Delivery> forWebhook(WebhookId webhook, int limit) {
        return db.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.WEBHOOK_ID.eq(webhook.raw()))
                .orderBy(WEBHOOK_DELIVERIES.CREATED_AT.desc(), WEBHOOK_DELIVERIES.ID)
                .limit(limit)
                .fetch(DeliveryRepository::toDelivery);
    }

    Optional<Delivery> find(DeliveryId id) {
        return db.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.ID.eq(id.raw()))
                .fetchOptional(DeliveryRepository::toDelivery);
    }

    /** Makes a delivery due now with a fresh set of attempts, whatever its state. */
    Optional<Delivery> replay(DeliveryId id, Instant now) {
        return db.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, DeliveryStatus.PENDING.code())
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, 0)
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, utc(now))
                .setNull(WEBHOOK_DELIVERIES.DELIVERED_AT)
                .where(WEBHOOK_DELIVERIES.ID.eq(id.raw()))
                .returning()
                .fetchOptional()
                .map(DeliveryRepository::toDelivery);
    }

    private static Delivery toDelivery(WebhookDeliveriesRecord record) {
        return new Delivery(DeliveryId.of(record.getId()), WebhookId.of(record.getWebhookId()), record.getEventId(),
                record.getEventType(), DeliveryStatus.of(record.getStatus()), record.getAttempts(),
                record.getLastStatusCode(), record.getLastError(), instant(record.getNextAttemptAt()),
                instant(record.getDeliveredAt()), instant(record.getCreatedAt()), record.getBody());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
