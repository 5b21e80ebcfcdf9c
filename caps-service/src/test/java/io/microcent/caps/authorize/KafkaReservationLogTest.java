package io.microcent.caps.authorize;

import io.microcent.model.caps.CapPeriodKey;
import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ReservationId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.topic.CustomerPartitions;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.BillingPeriod;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reservation log answers without waiting for the broker, and stops taking reservations while the
 * broker does not acknowledge them.
 */
class KafkaReservationLogTest {

    private static final String TOPIC = Topics.CAPS_RESERVATIONS.name();
    private static final int PARTITIONS = 4;
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final long JUST_OVER_THE_BOUND = KafkaReservationLog.MAX_UNACKNOWLEDGED.toNanos() + 1;

    private final MockProducer<String, Reservation> producer = new MockProducer<>(cluster(), false, null,
            Topics.CAPS_RESERVATIONS.keySerde().serializer(), Topics.CAPS_RESERVATIONS.valueSerde().serializer());
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final KafkaReservationLog log = new KafkaReservationLog(producer, nanos::get);

    @Test
    void aReservationIsHandedToTheProducerOnItsCustomersPartitionWithoutWaitingForTheAcknowledgement() {
        Reservation reservation = reservation();

        log.record(reservation); // returns although nothing was acknowledged

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(record.partition()).isEqualTo(CustomerPartitions.of(ACME, PARTITIONS));
            assertThat(record.key()).isEqualTo(reservation.key());
            assertThat(record.value()).isEqualTo(reservation);
        });
    }

    @Test
    void reservationsAreTakenWhileTheBrokerKeepsAcknowledging() {
        for (int i = 0; i < 5; i++) {
            log.record(reservation());
            nanos.addAndGet(JUST_OVER_THE_BOUND);
            producer.completeNext();
        }
        log.record(reservation());
        nanos.addAndGet(JUST_OVER_THE_BOUND / 2);

        assertThatCode(() -> log.record(reservation())).as("the oldest waits for less than the bound").doesNotThrowAnyException();
    }

    @Test
    void aFirstReservationAfterAQuietSpellIsNotTakenForAStalledBroker() {
        nanos.addAndGet(Duration.ofHours(1).toNanos());

        log.record(reservation());

        assertThatCode(() -> log.record(reservation())).doesNotThrowAnyException();
    }

    @Test
    void reservationsThatWaitedTooLongForAnyAcknowledgementStopNewOnesUntilTheBrokerAnswers() {
        log.record(reservation());
        nanos.addAndGet(JUST_OVER_THE_BOUND);

        assertThatThrownBy(() -> log.record(reservation())).isInstanceOf(ReservationLog.NotDurable.class)
                .hasMessageContaining("acknowledge");

        producer.completeNext();
        assertThatCode(() -> log.record(reservation())).doesNotThrowAnyException();
    }

    @Test
    void aReservationTheBrokerRefusedStopsNewOnesForABound() {
        log.record(reservation());
        producer.errorNext(new TimeoutException("broker away"));

        assertThatThrownBy(() -> log.record(reservation())).isInstanceOf(ReservationLog.NotDurable.class)
                .hasMessageContaining("could not be recorded");

        nanos.addAndGet(JUST_OVER_THE_BOUND);
        assertThatCode(() -> log.record(reservation())).doesNotThrowAnyException();
    }

    @Test
    void aProducerThatCannotTakeTheRecordRefusesTheReservationAndCountsNothingAsWaiting() {
        producer.sendException = new KafkaException("closed");

        assertThatThrownBy(() -> log.record(reservation())).isInstanceOf(ReservationLog.NotDurable.class);

        producer.sendException = null;
        nanos.addAndGet(JUST_OVER_THE_BOUND);
        assertThatCode(() -> log.record(reservation())).as("the refused one is not waiting").doesNotThrowAnyException();
    }

    private static Reservation reservation() {
        return new Reservation(ReservationId.random(), ACME, Map.of(CapPeriodKey.parse("cap_1|2026-11"), Microcents.ofCents(1)),
                BillingPeriod.parse("2026-11"), MeterTotals.NONE, Instant.parse("2026-11-10T12:05:00Z"));
    }

    private static Cluster cluster() {
        Node broker = new Node(1, "localhost", 9092);
        List<PartitionInfo> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new PartitionInfo(TOPIC, p, broker, new Node[]{broker}, new Node[]{broker})).toList();
        return new Cluster("test", List.of(broker), partitions, Set.of(), Set.of());
    }
}
