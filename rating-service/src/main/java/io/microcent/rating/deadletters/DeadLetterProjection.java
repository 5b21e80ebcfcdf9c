package io.microcent.rating.deadletters;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.platform.kafka.ProjectionRunner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.jooq.DSLContext;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.microcent.rating.db.Tables.DEAD_LETTERS;

/**
 * Projects {@code dead-letters} into {@code rating.dead_letters}. It reads bytes (nothing to deserialize),
 * keeps key and value as {@code bytea}, and cleans every header before storing it as text (no NUL, valid
 * UTF-8, bounded length, numbers that do not parse stored as unknown): whatever a dead letter holds, this
 * projection can store it.
 */
final class DeadLetterProjection implements ProjectionRunner.Handler<byte[], byte[]> {

    static final String NAME = "rating-dead-letters";
    private static final int MAX_TEXT = 256;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<byte[], byte[]>> records) {
        var insert = tx.insertInto(DEAD_LETTERS, DEAD_LETTERS.DL_PARTITION, DEAD_LETTERS.DL_OFFSET, DEAD_LETTERS.REASON,
                DEAD_LETTERS.CONSUMER, DEAD_LETTERS.SOURCE_TOPIC, DEAD_LETTERS.SOURCE_PARTITION, DEAD_LETTERS.SOURCE_OFFSET,
                DEAD_LETTERS.CUSTOMER, DEAD_LETTERS.DETAIL, DEAD_LETTERS.DEAD_LETTERED_AT, DEAD_LETTERS.ORIGINAL_TIMESTAMP,
                DEAD_LETTERS.RECORD_KEY, DEAD_LETTERS.RECORD_VALUE);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Headers headers = record.headers();
            Long sourceOffset = number(headers, DeadLetter.SOURCE_OFFSET);
            Long sourcePartition = number(headers, DeadLetter.SOURCE_PARTITION);
            insert = insert.values(record.partition(), record.offset(),
                    orUnknown(text(headers, DeadLetter.REASON, MAX_TEXT)),
                    orUnknown(text(headers, DeadLetter.CONSUMER, MAX_TEXT)),
                    orUnknown(text(headers, DeadLetter.SOURCE_TOPIC, MAX_TEXT)),
                    sourcePartition == null || sourcePartition < 0 || sourcePartition > Integer.MAX_VALUE ? null : sourcePartition.intValue(),
                    sourceOffset == null || sourceOffset < 0 ? null : sourceOffset,
                    text(headers, DeadLetter.CUSTOMER, MAX_TEXT),
                    text(headers, DeadLetter.DETAIL, DeadLetter.MAX_DETAIL),
                    deadLetteredAt(headers, record.timestamp()),
                    record.timestamp() < 0 ? null : record.timestamp(),
                    record.key(), record.value());
        }
        // a dead letter written twice for the same source record (its consumer retried) is kept once
        insert.onConflictDoNothing().execute();
    }

    /** A header as storable text: valid UTF-8 (bad bytes replaced), no NUL, at most {@code max} characters. */
    static String text(Headers headers, String name, int max) {
        String value = DeadLetter.header(headers, name);
        if (value == null) {
            return null;
        }
        String clean = value.replace("\u0000", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static Long number(Headers headers, String name) {
        String value = text(headers, name, 32);
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime deadLetteredAt(Headers headers, long recordTimestamp) {
        String value = text(headers, DeadLetter.TIME, 64);
        Instant at;
        try {
            at = value == null ? Instant.ofEpochMilli(Math.max(0, recordTimestamp)) : Instant.parse(value.strip());
        } catch (DateTimeException e) {
            at = Instant.ofEpochMilli(Math.max(0, recordTimestamp));
        }
        if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
            at = Instant.ofEpochMilli(Math.max(0, recordTimestamp)); // outside what PostgreSQL stores
        }
        return at.atOffset(ZoneOffset.UTC);
    }
}
