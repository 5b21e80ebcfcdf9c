package io.microcent.model.topic;

/**
 * Consumer groups other services need to know by name: invoicing waits for rating's committed offsets before it
 * finalizes a period, so both name rating's group from here.
 */
public final class ConsumerGroups {

    /** Rating's Kafka Streams application id, the consumer group of {@code usage.events}. */
    public static final String RATING = "microcent-rating";

    private ConsumerGroups() {
    }
}
