package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Makes reservations durable on {@code caps.reservations}: each is written to the partition its customer
 * has on {@code usage.rated}, so that the caps task counting the customer's usage keeps it.
 *
 * <p>A decision does not wait for its record's acknowledgement: a broker round trip per call would be most
 * of its latency, and the reservation already counts in this instance's {@link ReservationBook} from the
 * moment it is made. What the wait bought was durability before the answer; what is given up is this: if
 * the instance dies in the millisecond between an answer and the broker's acknowledgement, the next owner
 * of the customer does not know that reservation, only the call's usage once it is rated. To keep that gap
 * bounded, the log refuses new reservations ({@link NotDurable}, answered 503) while records have waited
 * longer than {@link #MAX_UNACKNOWLEDGED} without any acknowledgement, or within that long of a record that
 * could not be written: when the broker is away, calls stop being allowed within a second instead of piling
 * up reservations nobody else would know.
 */
public final class KafkaReservationLog implements ReservationLog {

    static final Duration MAX_UNACKNOWLEDGED = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(KafkaReservationLog.class);
    private static final long NEVER = Long.MIN_VALUE;

    private final Producer<String, Reservation> producer;
    private final LongSupplier nanoTime;
    private final long maxUnacknowledgedNanos = MAX_UNACKNOWLEDGED.toNanos();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    /** When the records waiting last made progress: the first was sent after none waited, or one was acknowledged. */
    private volatile long progressAt;
    private volatile long failedAt = NEVER;
    private volatile int partitions;

    public KafkaReservationLog(Producer<String, Reservation> producer) {
        this(producer, System::nanoTime);
    }

    KafkaReservationLog(Producer<String, Reservation> producer, LongSupplier nanoTime) {
        this.producer = producer;
        this.nanoTime = nanoTime;
        this.progressAt = nanoTime.getAsLong();
    }

    @Override
    public void record(Reservation reservation) {
        long now = nanoTime.getAsLong();
        requireDurableLately(now);
        String topic = Topics.CAPS_RESERVATIONS.name();
        if (unacknowledged.getAndIncrement() == 0) {
            progressAt = now;
        }
        try {
            int partition = CustomerPartitions.of(reservation.customer(), partitions(topic));
            producer.send(new ProducerRecord<>(topic, partition, reservation.key(), reservation), (metadata, error) -> {
                unacknowledged.decrementAndGet();
                if (error == null) {
                    progressAt = nanoTime.getAsLong();
                } else {
                    failedAt = nanoTime.getAsLong();
                    // the reservation still counts on this instance until its usage is rated or it expires
                    log.warn("reservation {} of customer {} could not be recorded on {}: {}", reservation.id(),
                            reservation.customer(), topic, error.toString());
                }
            });
        } catch (RuntimeException e) { // e.g. no metadata within max.block.ms, the producer closed
            unacknowledged.decrementAndGet();
            throw new NotDurable("the reservation could not be recorded on " + topic, e);
        }
    }

    private void requireDurableLately(long now) {
        long failed = failedAt;
        if (failed != NEVER && now - failed < maxUnacknowledgedNanos) {
            throw new NotDurable("a reservation could not be recorded on " + Topics.CAPS_RESERVATIONS.name()
                    + " within the last " + MAX_UNACKNOWLEDGED.toMillis() + " ms", null);
        }
        if (unacknowledged.get() > 0 && now - progressAt > maxUnacknowledgedNanos) {
            throw new NotDurable("reservations have waited over " + MAX_UNACKNOWLEDGED.toMillis()
                    + " ms for " + Topics.CAPS_RESERVATIONS.name() + " to acknowledge them", null);
        }
    }

    /** The topic's partition count, asked once: it only grows by an operator's hand, and caps restarts for that. */
    private int partitions(String topic) {
        int known = partitions;
        if (known == 0) {
            known = producer.partitionsFor(topic).size();
            partitions = known;
        }
        return known;
    }
}
