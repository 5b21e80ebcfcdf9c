package io.microcent.caps.authorize;

import io.microcent.model.caps.Reservation;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes reservations durable on {@code caps.reservations}: each is written to the partition its customer
 * has on {@code usage.rated}, so that the caps task counting the customer's usage keeps it, and the
 * decision waits for the broker's acknowledgement (a durable producer: all in-sync replicas).
 */
public final class KafkaReservationLog implements ReservationLog {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Producer<String, Reservation> producer;

    public KafkaReservationLog(Producer<String, Reservation> producer) {
        this.producer = producer;
    }

    @Override
    public void record(Reservation reservation) {
        String topic = Topics.CAPS_RESERVATIONS.name();
        try {
            int partition = CustomerPartitions.of(reservation.customer(), producer.partitionsFor(topic).size());
            producer.send(new ProducerRecord<>(topic, partition, reservation.key(), reservation))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDurable("interrupted while recording the reservation", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new NotDurable("the reservation could not be recorded on " + topic, e);
        }
    }
}
