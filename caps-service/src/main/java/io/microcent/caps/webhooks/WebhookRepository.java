package io.microcent.caps.webhooks;

import io.microcent.caps.db.tables.records.WebhooksRecord;
import io.microcent.model.id.CustomerId;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.microcent.caps.db.Tables.WEBHOOKS;
import static io.microcent.caps.webhooks.Timestamps.instant;
import static io.microcent.caps.webhooks.Timestamps.utc;

/** The configured endpoints, in {@code caps.webhooks}. */
final class WebhookRepository {

    private final DSLContext db;

    WebhookRepository(DSLContext db) {
        this.db = db;
    }

    Webhook create(NewWebhook request, String secret, Instant now) {
        WebhooksRecord record = db.newRecord(WEBHOOKS);
        record.setId(WebhookId.random().raw());
        record.setUrl(request.url().toString());
        record.setCustomer(request.customer() == null ? null : request.customer().raw());
        record.setEvents(request.events() == null ? null : request.events().toArray(String[]::new));
        record.setFormat(request.format().code());
        record.setDescription(request.description());
        record.setSecret(secret);
        record.setCreatedAt(utc(now));
        record.store();
        return toWebhook(record);
    }

    /** Every endpoint, oldest first. */
    List<Webhook> all() {
        return db.selectFrom(WEBHOOKS).orderBy(WEBHOOKS.CREATED_AT, WEBHOOKS.ID).fetch(WebhookRepository::toWebhook);
    }

    Optional<Webhook> find(WebhookId id) {
        return db.selectFrom(WEBHOOKS).where(WEBHOOKS.ID.eq(id.raw())).fetchOptional(WebhookRepository::toWebhook);
    }

    /** Deletes the endpoint and its delivery log; false if there was none. */
    boolean delete(WebhookId id) {
        return db.deleteFrom(WEBHOOKS).where(WEBHOOKS.ID.eq(id.raw())).execute() == 1;
    }

    /** The enabled endpoints, read inside a delivery projection's transaction. */
    static List<Subscriber> subscribers(DSLContext tx) {
        return tx.select(WEBHOOKS.ID, WEBHOOKS.CUSTOMER, WEBHOOKS.FORMAT, WEBHOOKS.EVENTS)
                .from(WEBHOOKS)
                .where(WEBHOOKS.DISABLED_AT.isNull())
                .fetch(row -> new Subscriber(WebhookId.of(row.value1()),
                        row.value2() == null ? null : CustomerId.of(row.value2()),
                        format(row.value3()), events(row.value4())));
    }

    /** Stops deliveries to an endpoint that said it is gone for good. */
    static void disable(DSLContext tx, WebhookId id, String reason, Instant now) {
        tx.update(WEBHOOKS)
                .set(WEBHOOKS.DISABLED_AT, utc(now))
                .set(WEBHOOKS.DISABLED_REASON, reason)
                .where(WEBHOOKS.ID.eq(id.raw()))
                .and(WEBHOOKS.DISABLED_AT.isNull())
                .execute();
    }

    private static Webhook toWebhook(WebhooksRecord record) {
        return new Webhook(WebhookId.of(record.getId()), record.getUrl(),
                record.getCustomer() == null ? null : CustomerId.of(record.getCustomer()),
                events(record.getEvents()), format(record.getFormat()), record.getDescription(), instant(record.getCreatedAt()),
                record.getDisabledAt() == null ? Webhook.ENABLED : Webhook.DISABLED,
                instant(record.getDisabledAt()), record.getDisabledReason());
    }

    private static List<String> events(String[] stored) {
        return stored == null ? null : List.of(stored);
    }

    private static WebhookFormat format(String code) {
        return WebhookFormat.parse(code).orElseThrow(() -> new IllegalStateException("unknown stored webhook format " + code));
    }
}
