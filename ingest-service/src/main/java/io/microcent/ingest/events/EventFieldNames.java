package io.microcent.ingest.events;

/**
 * Where a format puts the three fields every event has, so that a rule checked after parsing (a
 * timestamp in the future, a customer the key may not send for) names the field the sender wrote.
 */
public record EventFieldNames(String id, String customer, String timestamp) {

    /** Microcent's own JSON. */
    public static final EventFieldNames MICROCENT_JSON = new EventFieldNames("id", "customer", "timestamp");
    /** CloudEvents: the customer is the event's {@code subject}, the timestamp its {@code time}. */
    public static final EventFieldNames CLOUDEVENTS = new EventFieldNames("id", "subject", "time");
}
