package io.microcent.ingest.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topic;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.http.ApiException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produces accepted events to {@code usage.events} and returns only once Kafka has acknowledged every
 * record of them (the producer is idempotent with {@code acks=all}, so an acknowledged record is durable).
 *
 * <p>A request's events travel as few records as possible: one {@link UsageBatch} per partition (and per
 * {@link PartitionBatches#MAX_EVENTS} events), written to the partition its customers have and keyed by its
 * first event's customer ({@link PartitionBatches}), so Kafka's per-record costs are paid per batch.
 * All records of a request are handed to the producer first, and then the request waits once for all
 * acknowledgements. If any record fails, the whole request is answered 503 and the client sends it again.
 * Some of its records may already be in the log then, and none of its events is recorded as seen (that
 * happens only after every acknowledgement), so the retry produces them again; rating's deduplication by
 * event id counts them once.
 */
public final class UsageEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(UsageEventPublisher.class);
    private static final Topic<CustomerId, UsageBatch> TOPIC = Topics.USAGE_EVENT_BATCHES;

    /**
     * Longer than the producer's delivery timeout (30 s in KafkaConfigs.durableProducer), by which every
     * record handed to it has completed one way or the other; this wait is only a last resort.
     */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(40);

    private final Producer<CustomerId, UsageBatch> producer;
    private final Counter acceptedEvents;
    private final Timer produceLatency;

    public UsageEventPublisher(Producer<CustomerId, UsageBatch> producer, MeterRegistry meters) {
        this.producer = producer;
        this.acceptedEvents = Counter.builder("microcent.ingest.events.accepted")
                .description("Usage events acknowledged by Kafka and answered 202")
                .register(meters);
        this.produceLatency = Timer.builder("microcent.ingest.produce.latency")
                .description("From handing a request's events to the producer until Kafka acknowledged all of them")
                .publishPercentileHistogram()
                .register(meters);
    }

    /**
     * Produces {@code events} in batches per partition, with the Kafka record timestamp set to the ingest time
     * (not the event time: rating orders usage by record timestamp, and event times may be late or
     * out of order). Throws 503 unless Kafka acknowledged every record.
     */
    public void publish(List<UsageEvent> events, Instant ingestedAt) {
        long recordTimestamp = ingestedAt.toEpochMilli();
        long startedAt = System.nanoTime();
        try {
            // the producer's cached metadata; the first request of a process waits for it (max.block.ms)
            List<PartitionBatches.Chunk> chunks = PartitionBatches.of(events, producer.partitionsFor(TOPIC.name()).size());
            AllAcknowledged acks = new AllAcknowledged(chunks.size());
            for (PartitionBatches.Chunk chunk : chunks) {
                producer.send(new ProducerRecord<>(TOPIC.name(), chunk.partition(), recordTimestamp, chunk.key(), chunk.batch()), acks);
            }
            await(acks, events.size());
        } catch (KafkaException e) {
            throw unavailable(events.size(), e);
        }
        produceLatency.record(System.nanoTime() - startedAt, TimeUnit.NANOSECONDS);
        acceptedEvents.increment(events.size());
    }

    private static void await(AllAcknowledged acks, int events) {
        try {
            acks.done.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(events, e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(events, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(events, e);
        }
    }

    private static ApiException unavailable(int events, Throwable cause) {
        log.warn("Could not produce {} usage event(s) to {}; answering 503 so that the client retries: {}",
                events, TOPIC.name(), cause.toString());
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "the events could not be stored right now; nothing may be assumed accepted, send the same request again");
    }

    /**
     * One callback for all records of a request (rather than a future per record): completes when the
     * last record is acknowledged, or exceptionally with the first failure.
     */
    private static final class AllAcknowledged implements Callback {

        private final AtomicInteger pending;
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        AllAcknowledged(int records) {
            this.pending = new AtomicInteger(records);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                done.completeExceptionally(exception);
            } else if (pending.decrementAndGet() == 0) {
                done.complete(null);
            }
        }
    }
}
