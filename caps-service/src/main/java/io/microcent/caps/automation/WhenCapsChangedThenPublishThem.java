package io.microcent.caps.automation;

import io.microcent.caps.read.caps.CapsProjection;
import io.microcent.caps.write.CapEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * When a cap is created, changed or deleted, publishes its customer's caps on {@code caps.definitions},
 * where the caps topology reads them, and waits for Kafka's acknowledgement.
 *
 * <p>It runs in the subscribing processor of {@link CapsProjection} (registered after it, so the read
 * model it publishes from already holds the change), inside the deciding command and before its
 * transaction commits: the operator's request succeeds only once the caps are on the topic, and if Kafka
 * fails the command is rolled back and can simply be retried. The other way round (published, then the
 * commit fails) leaves the topic ahead of the event store until the next change of that customer's caps.
 */
@ProcessingGroup(CapsProjection.PROCESSING_GROUP)
public final class WhenCapsChangedThenPublishThem {

    private final CustomerCapsPublisher publisher;

    public WhenCapsChangedThenPublishThem(CustomerCapsPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(CapEvent event) {
        publisher.publish(event.customer());
    }
}
