package io.microcent.invoicing.read.history;

import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.read.coupons.RedemptionView;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.write.Actors;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.redeemcoupon.CouponRedeemed;
import io.microcent.model.id.CustomerId;
import io.microcent.model.json.Json;
import io.microcent.platform.axon.CommandSender;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A customer's decisions as the event store holds them, newest first: its own stream, each of its invoices'
 * streams (found through the invoices read model) and its coupon redemptions (found through the redemptions read
 * model; a coupon's stream is shared by all its customers, so only this customer's {@link CouponRedeemed} is kept).
 * Read with {@link EventStore#readEvents(String, long)} from the first event, never from a snapshot.
 */
public final class CustomerHistory {

    /** Newest first; one stream's events (stored one after the other) by sequence when their times are equal. */
    private static final Comparator<HistoryEntry> NEWEST_FIRST = Comparator.comparing(HistoryEntry::time).reversed()
            .thenComparing(HistoryEntry::aggregate)
            .thenComparing(Comparator.comparingLong(HistoryEntry::sequence).reversed());

    private final EventStore events;
    private final InvoiceRepository invoices;
    private final RedemptionRepository redemptions;

    public CustomerHistory(EventStore events, InvoiceRepository invoices, RedemptionRepository redemptions) {
        this.events = events;
        this.invoices = invoices;
        this.redemptions = redemptions;
    }

    /** Every decision about {@code customer}; empty for a customer the event store does not know. */
    public List<HistoryEntry> of(CustomerId customer) {
        List<HistoryEntry> entries = new ArrayList<>();
        read(customer.raw(), "customer/" + customer.raw(), event -> true, entries);
        for (InvoiceRow invoice : invoices.ofCustomers(List.of(customer)).getOrDefault(customer, List.of())) {
            read(invoice.id().aggregateId(), invoice.id().aggregateId(), event -> true, entries);
        }
        for (String coupon : redemptions.viewsOf(customer).stream().map(RedemptionView::coupon).distinct().toList()) {
            String stream = CouponCode.of(coupon).aggregateId();
            read(stream, stream, event -> event.getPayload() instanceof CouponRedeemed redeemed
                    && redeemed.customer().equals(customer), entries);
        }
        entries.sort(NEWEST_FIRST);
        return entries;
    }

    private void read(String aggregateId, String label, Predicate<DomainEventMessage<?>> keep, List<HistoryEntry> into) {
        events.readEvents(aggregateId, 0L).asStream().filter(keep)
                .map(event -> entry(event, label))
                .forEach(into::add);
    }

    private static HistoryEntry entry(DomainEventMessage<?> event, String label) {
        Object actor = event.getMetaData().get(CommandSender.ACTOR);
        return new HistoryEntry(event.getPayloadType().getSimpleName(), label, event.getSequenceNumber(),
                event.getTimestamp(), actor == null ? Actors.UNKNOWN : actor.toString(),
                Json.mapper().valueToTree(event.getPayload()));
    }
}
