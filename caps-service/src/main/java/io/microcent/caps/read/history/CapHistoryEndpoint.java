package io.microcent.caps.read.history;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.caps.api.Requests;
import io.microcent.caps.write.CapEvent;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CapId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/caps/{id}/history}: every decision about a cap, oldest first, with who made it and when,
 * read straight from the event store (the history of a deleted cap too).
 */
public final class CapHistoryEndpoint implements HttpRoutes {

    /**
     * @param sequence the event's position in the cap's history, from 0
     * @param type     {@code CapCreated}, {@code CapChanged} or {@code CapDeleted}
     * @param actor    who asked for the change ({@code X-Microcent-Actor}, or {@code operator})
     * @param at       when the change was asked for
     * @param event    the event as stored: every setting it decided
     */
    public record Entry(long sequence, String type, String actor, Instant at, CapEvent event) {
    }

    public record History(CapId capId, List<Entry> events) {
    }

    private final OperatorAuth auth;
    private final EventStore events;

    public CapHistoryEndpoint(OperatorAuth auth, EventStore events) {
        this.auth = auth;
        this.events = events;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/caps/{id}/history", this::history);
    }

    private void history(Context ctx) {
        auth.require(ctx);
        CapId id = Requests.capId(ctx);
        List<Entry> entries = events.readEvents(id.raw()).asStream().map(CapHistoryEndpoint::entry).toList();
        if (entries.isEmpty()) {
            throw new ApiException(ErrorCode.CAP_NOT_FOUND, "no cap " + id);
        }
        ctx.json(new History(id, entries));
    }

    private static Entry entry(DomainEventMessage<?> message) {
        CapEvent event = (CapEvent) message.getPayload();
        return new Entry(message.getSequenceNumber(), event.getClass().getSimpleName(), event.actor().name(), event.at(), event);
    }
}
