package io.microcent.invoicing.billing;

import io.microcent.model.topic.Topics;
import io.microcent.platform.kafka.ProjectionOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Whether every usage event accepted before a moment has been counted in invoicing's usage read model, so a
 * period is finalized from complete figures and never from a lagging read model.
 *
 * <p>A barrier in two steps, each against a fixed target so a steady load cannot keep it from completing: when
 * first asked (after the moment), it notes the end of {@code usage.events}; once rating's committed offsets
 * have passed that, it notes the end of {@code usage.rated} (everything rating wrote for those events is
 * before it, as rating writes and commits in one transaction); once invoicing's usage projection has stored
 * offsets past that, the moment is counted. Positions count records, and a {@code usage.rated} record holds a
 * batch of lines: the projection applies a record's lines (those it sets aside included) in the one transaction
 * that stores the offset past it, so a stored offset past a record means every line of it is counted, and
 * nothing here counts lines one by one. The first step holds as long as rating writes each batch in the
 * transaction that commits the offsets of the events in it (a batch held back across commits would let rating's
 * offsets pass events whose lines are not on {@code usage.rated} yet). Transaction markers sit at the end of a transactional partition
 * without being records, so a position short of the end is checked by reading: no record before the end
 * means nothing is missing.
 */
public final class UsageCountedCheck implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageCountedCheck.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIME = Duration.ofSeconds(2);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> probe;
    private final String ratingGroup;
    private final DSLContext db;
    private final ProjectionOffsets projectionOffsets;
    private final String projection;

    private Instant countedUpTo = Instant.MIN;
    private Barrier inFlight;
    private String shortfall = "";
    private long lastShortfallLog;

    private static final class Barrier {
        final Instant moment;
        final Map<TopicPartition, Long> eventsEnd;
        Map<TopicPartition, Long> ratedEnd;

        Barrier(Instant moment, Map<TopicPartition, Long> eventsEnd) {
            this.moment = moment;
            this.eventsEnd = eventsEnd;
        }
    }

    /**
     * @param ratingGroup the consumer group (Kafka Streams application id) that rates {@code usage.events}
     * @param projection  the name invoicing's usage projection stores its offsets under
     */
    public UsageCountedCheck(String bootstrap, String clientId, String ratingGroup, DSLContext db,
                             ProjectionOffsets projectionOffsets, String projection) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin"));
        this.probe = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-probe",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.ratingGroup = ratingGroup;
        this.db = db;
        this.projectionOffsets = projectionOffsets;
        this.projection = projection;
    }

    /** Whether everything accepted before {@code moment} is counted; asks Kafka and the database when not known yet. */
    public synchronized boolean countedUpTo(Instant moment) {
        if (!countedUpTo.isBefore(moment)) {
            return true;
        }
        try {
            if (inFlight == null || inFlight.moment.isBefore(moment)) {
                inFlight = new Barrier(moment, endOffsets(Topics.USAGE_EVENTS.name()));
            }
            if (inFlight.ratedEnd == null) {
                if (!reached(inFlight.eventsEnd, ratingCommitted())) {
                    return waiting(moment, "rating");
                }
                inFlight.ratedEnd = endOffsets(Topics.USAGE_RATED.name());
            }
            if (!reached(inFlight.ratedEnd, projectionOffsets.load(db, projection, inFlight.ratedEnd.keySet()))) {
                return waiting(moment, "invoicing's usage projection");
            }
            countedUpTo = inFlight.moment;
            inFlight = null;
            log.info("usage accepted before {} is counted in invoicing", countedUpTo);
            return true;
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            log.warn("cannot tell yet whether usage before {} is counted: {}", moment, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Says, at most every 30 s, what the barrier waits for: a period that does not close should say why. */
    private boolean waiting(Instant moment, String stage) {
        long now = System.nanoTime();
        if (now - lastShortfallLog > Duration.ofSeconds(30).toNanos()) {
            lastShortfallLog = now;
            log.info("usage accepted before {} is not counted yet: {} is at {}", moment, stage, shortfall);
        }
        return false;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        var latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Map<TopicPartition, Long> ratingCommitted() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ratingGroup)
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                offsets.put(partition, offset.offset());
            }
        });
        return offsets;
    }

    /** Whether {@code positions} reach {@code targets} on every partition, reading where they fall short. */
    private boolean reached(Map<TopicPartition, Long> targets, Map<TopicPartition, Long> positions) {
        for (var target : targets.entrySet()) {
            long position = positions.getOrDefault(target.getKey(), 0L);
            if (position < target.getValue() && recordBefore(target.getKey(), position, target.getValue())) {
                shortfall = "offset " + position + " of " + target.getKey() + ", short of " + target.getValue();
                return false;
            }
        }
        return true;
    }

    /** Whether a committed record lies in {@code [from, to)} of the partition (or that cannot be ruled out yet). */
    private boolean recordBefore(TopicPartition partition, long from, long to) {
        probe.assign(List.of(partition));
        probe.seek(partition, from);
        long deadline = System.nanoTime() + PROBE_TIME.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : probe.poll(Duration.ofMillis(100)).records(partition)) {
                if (record.offset() < to) {
                    return true;
                }
            }
            if (probe.position(partition, CALL_TIMEOUT) >= to) {
                return false; // only transaction markers (or aborted records) in between
            }
        }
        return true;
    }

    @Override
    public synchronized void close() {
        probe.close();
        admin.close();
    }
}
