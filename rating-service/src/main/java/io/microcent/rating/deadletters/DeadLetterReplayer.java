package io.microcent.rating.deadletters;

import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.KafkaConfigs;
import io.microcent.rating.db.tables.records.DeadLettersRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends set-aside usage events through rating again: each is republished to {@code usage.events} with its
 * original key, value and timestamp, and marked replayed in the same database transaction that locked it,
 * only after Kafka acknowledged it. Rating's authoritative dedup by event id ({@code rated-event-ids}) makes
 * this exactly once: an event already rated is dropped, so replaying twice (or a crash between the
 * acknowledgement and the commit) never counts usage twice. An event still unratable (its customer still
 * unknown) is simply set aside again, as a new dead letter.
 */
final class DeadLetterReplayer implements AutoCloseable {

    /** What a replay did. @param more whether more replayable records match than this call replayed */
    record Summary(int replayed, int notReplayable, boolean more) {
    }

    /** Kafka did not acknowledge the replay; nothing was marked replayed. */
    static final class NotReplayed extends RuntimeException {
        NotReplayed(Throwable cause) {
            super("usage.events did not acknowledge the replay; nothing was marked replayed", cause);
        }
    }

    private final DSLContext db;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;

    DeadLetterReplayer(DSLContext db, String bootstrap, String clientId, Clock clock) {
        this.db = db;
        this.producer = new KafkaProducer<>(KafkaConfigs.durableProducer(bootstrap, clientId),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.clock = clock;
    }

    Summary replay(DeadLetterRepository.Filter filter, int limit, DeadLetterRepository repository) {
        int[] replayed = new int[1];
        boolean[] more = new boolean[1];
        db.transaction(config -> {
            List<DeadLettersRecord> rows = DeadLetterRepository.lockReplayable(config.dsl(), filter, limit + 1);
            more[0] = rows.size() > limit;
            List<DeadLettersRecord> batch = rows.subList(0, Math.min(limit, rows.size()));
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (DeadLettersRecord row : batch) {
                acks.add(producer.send(new ProducerRecord<>(Topics.USAGE_EVENTS.name(), null, row.getOriginalTimestamp(),
                        row.getRecordKey(), row.getRecordValue())));
            }
            awaitAll(acks);
            DeadLetterRepository.markReplayed(config.dsl(), batch.stream().map(DeadLettersRecord::getId).toList(), clock.instant());
            replayed[0] = batch.size();
        });
        return new Summary(replayed[0], repository.countNotReplayable(filter), more[0]);
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReplayed(e);
        } catch (ExecutionException e) {
            throw new NotReplayed(e.getCause());
        } catch (TimeoutException e) {
            throw new NotReplayed(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
