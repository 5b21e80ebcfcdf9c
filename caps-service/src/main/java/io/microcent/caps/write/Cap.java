package io.microcent.caps.write;

import io.microcent.caps.write.changecap.CapChanged;
import io.microcent.caps.write.changecap.ChangeCap;
import io.microcent.caps.write.changecap.ChangeCapHandler;
import io.microcent.caps.write.createcap.CapCreated;
import io.microcent.caps.write.createcap.CreateCap;
import io.microcent.caps.write.createcap.CreateCapHandler;
import io.microcent.caps.write.deletecap.CapDeleted;
import io.microcent.caps.write.deletecap.DeleteCap;
import io.microcent.caps.write.deletecap.DeleteCapHandler;
import io.microcent.model.id.CapId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * The cap aggregate, event sourced: its state is rebuilt from its events, and each command is decided by
 * its slice's handler ({@code write/<usecase>}) from that state alone.
 *
 * <p>Every command is accepted for a cap that does not exist yet ({@code CREATE_IF_MISSING}), so the
 * decision itself sees a missing cap and answers with the right rejection; a rejected command records
 * nothing, so no empty cap is ever stored.
 */
public class Cap {

    @AggregateIdentifier
    private CapId id;
    private CurrentCap current = CurrentCap.NONE;

    /** For Axon, which creates the aggregate empty and then applies its past events. */
    protected Cap() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateCap command, CreateCapHandler handler) {
        record(handler.decide(command, current));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCap command, ChangeCapHandler handler) {
        record(handler.decide(command, current));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DeleteCap command, DeleteCapHandler handler) {
        record(handler.decide(command, current));
    }

    @EventSourcingHandler
    void on(CapCreated event) {
        id = event.capId();
        current = CurrentCap.createdFor(event.customer(), new CapSettings(event.amountMicrocents(), event.mode(), event.thresholds()));
    }

    @EventSourcingHandler
    void on(CapChanged event) {
        current = current.withSettings(new CapSettings(event.amountMicrocents(), event.mode(), event.thresholds()));
    }

    @EventSourcingHandler
    void on(CapDeleted event) {
        current = current.asDeleted();
    }

    private static void record(List<CapEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }
}
