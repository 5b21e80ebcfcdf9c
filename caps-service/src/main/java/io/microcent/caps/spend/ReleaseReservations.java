package io.microcent.caps.spend;

import io.microcent.model.caps.Reservation;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each rated line carrying a reservation id releases the durable copy of that reservation, under the line's own
 * customer (the working copy is released where the line is counted, {@link CountSpendAndCheckCaps}) and
 * tombstones it on {@code caps.reservations}. When the copy is not there yet (the usage was read before the
 * reservation's record, a race), the release is remembered ({@link SpendTopology#RELEASED_STORE}), so that the
 * record, read later, does not open the reservation again; the tombstone is written anyway.
 */
final class ReleaseReservations implements Processor<CustomerId, RatedBatch, String, Reservation> {

    private final ReservationTime time;
    private ProcessorContext<String, Reservation> context;
    private KeyValueStore<String, Reservation> open;
    private KeyValueStore<String, Long> releasedEarly;

    ReleaseReservations(ReservationTime time) {
        this.time = time;
    }

    @Override
    public void init(ProcessorContext<String, Reservation> context) {
        this.context = context;
        this.open = context.getStateStore(SpendTopology.RESERVATIONS_STORE);
        this.releasedEarly = context.getStateStore(SpendTopology.RELEASED_STORE);
    }

    @Override
    public void process(Record<CustomerId, RatedBatch> record) {
        if (record.value() == null) {
            return; // logged where usage is counted
        }
        for (RatedUsage line : record.value().lines()) {
            UsageEvent event = line.event();
            if (event.reservationId() != null) {
                release(Reservation.keyOf(event.customer(), event.reservationId()), record.timestamp());
            }
        }
    }

    private void release(String key, long timestamp) {
        if (open.delete(key) == null) {
            releasedEarly.put(key, time.now(context).toEpochMilli()); // compared with KeepReservations' now
        }
        context.forward(new Record<>(key, null, timestamp));
    }
}
