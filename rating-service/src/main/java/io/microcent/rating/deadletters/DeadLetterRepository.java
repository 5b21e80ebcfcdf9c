package io.microcent.rating.deadletters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.microcent.model.json.Json;
import io.microcent.model.topic.Topics;
import io.microcent.rating.db.tables.records.DeadLettersRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static io.microcent.rating.db.Tables.DEAD_LETTERS;

/** Reads and marks the projected dead letters. */
final class DeadLetterRepository {

    /** What the listing and replay filter on; {@code null} fields match everything. */
    record Filter(String reason, String customer) {
        Condition condition() {
            Condition condition = DSL.trueCondition();
            if (reason != null) {
                condition = condition.and(DEAD_LETTERS.REASON.eq(reason));
            }
            if (customer != null) {
                condition = condition.and(DEAD_LETTERS.CUSTOMER.eq(customer));
            }
            return condition;
        }
    }

    /** The records replay republishes: usage events with a value, not replayed yet. */
    static final Condition REPLAYABLE = DEAD_LETTERS.SOURCE_TOPIC.eq(Topics.USAGE_EVENTS.name())
            .and(DEAD_LETTERS.RECORD_VALUE.isNotNull());

    /** JSON only when the whole value is JSON ({@code 12abc} is not the number 12). */
    private static final ObjectReader STRICT_JSON = Json.mapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final DSLContext db;

    DeadLetterRepository(DSLContext db) {
        this.db = db;
    }

    /** Newest first (in the order they were recorded), ids below {@code before} when given. */
    List<DeadLetterView> list(Filter filter, Long before, int limit) {
        Condition condition = filter.condition();
        if (before != null) {
            condition = condition.and(DEAD_LETTERS.ID.lt(before));
        }
        return db.selectFrom(DEAD_LETTERS).where(condition).orderBy(DEAD_LETTERS.ID.desc()).limit(limit)
                .fetch(DeadLetterRepository::toView);
    }

    /** Locks up to {@code limit} replayable, not yet replayed records, oldest first; inside the caller's transaction. */
    static List<DeadLettersRecord> lockReplayable(DSLContext tx, Filter filter, int limit) {
        return tx.selectFrom(DEAD_LETTERS)
                .where(filter.condition()).and(REPLAYABLE).and(DEAD_LETTERS.REPLAYED_AT.isNull())
                .orderBy(DEAD_LETTERS.ID).limit(limit)
                .forUpdate().skipLocked()
                .fetch();
    }

    static void markReplayed(DSLContext tx, List<Long> ids, Instant at) {
        tx.update(DEAD_LETTERS).set(DEAD_LETTERS.REPLAYED_AT, at.atOffset(ZoneOffset.UTC)).where(DEAD_LETTERS.ID.in(ids)).execute();
    }

    /** The records the filter matches that replay never republishes (not usage events). */
    int countNotReplayable(Filter filter) {
        return db.fetchCount(DEAD_LETTERS, filter.condition().andNot(REPLAYABLE));
    }

    private static DeadLetterView toView(DeadLettersRecord row) {
        String key = readableText(row.getRecordKey());
        JsonNode value = json(row.getSourceTopic(), row.getRecordValue());
        return new DeadLetterView(row.getId(), row.getReason(), row.getConsumer(), row.getSourceTopic(),
                row.getSourcePartition(), row.getSourceOffset(), row.getCustomer(), row.getDetail(),
                instant(row.getDeadLetteredAt()), Topics.USAGE_EVENTS.name().equals(row.getSourceTopic()) && row.getRecordValue() != null,
                instant(row.getReplayedAt()),
                key, key == null && row.getRecordKey() != null ? base64(row.getRecordKey()) : null,
                value, value == null && row.getRecordValue() != null ? base64(row.getRecordValue()) : null);
    }

    /** The bytes as text when they are valid UTF-8 without control characters, else null. */
    private static String readableText(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.chars().anyMatch(Character::isISOControl) ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The value as JSON when it is a JSON document or a binary usage record ({@link Topics#valueAsText}), else null. */
    private static JsonNode json(String topic, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return STRICT_JSON.readValue(Topics.valueAsText(topic, bytes));
        } catch (IOException | SerializationException e) {
            return null;
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
