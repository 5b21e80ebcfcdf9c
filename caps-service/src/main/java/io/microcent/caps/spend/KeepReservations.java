package io.microcent.caps.spend;

import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The durable copy of the open reservations of this task's customers, from {@code caps.reservations}, in
 * {@link SpendTopology#RESERVATIONS_STORE} (changelogged, so it moves with the task). When the task starts
 * here (after a restart or a rebalance, once the store is restored) every open reservation is restored into
 * authorization's working copy, so it keeps counting until its usage is rated or it expires; when the task
 * leaves, its customers are forgotten here. Expired reservations are removed every minute with a tombstone
 * on {@code caps.reservations}, so the compacted topic forgets them too. A record whose usage was already
 * rated ({@link SpendTopology#RELEASED_STORE}) opens nothing.
 */
final class KeepReservations implements Processor<String, Reservation, String, Reservation> {

    static final Duration EXPIRY_SWEEP = Duration.ofMinutes(1);
    /** How long an early release is remembered: longer than any reservation lives (the TTL is at most a day). */
    static final Duration REMEMBER_RELEASES = Duration.ofDays(2);

    private final Reservations reservations;
    private final ReservationTime time;
    private final Set<CustomerId> customers = new HashSet<>();
    private ProcessorContext<String, Reservation> context;
    private KeyValueStore<String, Reservation> open;
    private KeyValueStore<String, Long> releasedEarly;

    KeepReservations(Reservations reservations, ReservationTime time) {
        this.reservations = reservations;
        this.time = time;
    }

    @Override
    public void init(ProcessorContext<String, Reservation> context) {
        this.context = context;
        this.open = context.getStateStore(SpendTopology.RESERVATIONS_STORE);
        this.releasedEarly = context.getStateStore(SpendTopology.RELEASED_STORE);
        Instant now = now();
        try (KeyValueIterator<String, Reservation> all = open.all()) {
            all.forEachRemaining(entry -> restore(entry.value, now));
        }
        context.schedule(EXPIRY_SWEEP, PunctuationType.WALL_CLOCK_TIME, timestamp -> removeExpired(time.at(timestamp)));
    }

    @Override
    public void process(Record<String, Reservation> record) {
        if (record.key() == null) {
            return;
        }
        Reservation reservation = record.value();
        if (reservation == null) {
            open.delete(record.key()); // released or expired
        } else if (releasedEarly.delete(record.key()) != null) {
            return; // its usage was rated before this record was read; the tombstone is on its way
        } else if (reservation.activeAt(now())) {
            open.put(record.key(), reservation);
            restore(reservation, now());
        } else {
            context.forward(record.withValue(null));
        }
    }

    @Override
    public void close() {
        reservations.forget(customers);
    }

    private void restore(Reservation reservation, Instant now) {
        customers.add(reservation.customer());
        reservations.restore(reservation, now);
    }

    private void removeExpired(Instant now) {
        List<KeyValue<String, Reservation>> expired = new ArrayList<>();
        try (KeyValueIterator<String, Reservation> all = open.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.activeAt(now)) {
                    expired.add(entry);
                }
            });
        }
        for (KeyValue<String, Reservation> entry : expired) {
            open.delete(entry.key);
            context.forward(new Record<>(entry.key, null, now.toEpochMilli()));
        }
        List<String> forgotten = new ArrayList<>();
        long rememberedSince = now.minus(REMEMBER_RELEASES).toEpochMilli();
        try (KeyValueIterator<String, Long> all = releasedEarly.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value < rememberedSince) {
                    forgotten.add(entry.key);
                }
            });
        }
        forgotten.forEach(releasedEarly::delete);
    }

    private Instant now() {
        return time.now(context);
    }
}
