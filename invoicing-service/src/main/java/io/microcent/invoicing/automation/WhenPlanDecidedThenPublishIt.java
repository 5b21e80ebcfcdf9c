package io.microcent.invoicing.automation;

import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.model.usage.CustomerPlan;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * When a customer's plan is decided and takes effect at once (registration, an upgrade, an immediate
 * change), publishes it on {@code customer.plans}, where rating reads it, and waits for Kafka's
 * acknowledgement. A change deferred to the end of the fee term is published when it falls due, by
 * {@link WhenPlanChangeFallsDueThenPublishIt}.
 *
 * <p>It runs in a subscribing processor, inside the deciding command and before its transaction
 * commits: the operator's request succeeds only once the plan is on the topic, so usage sent right after
 * is rated under it; and if Kafka fails, the command is rolled back and can simply be retried. The other
 * way round (published, then the commit fails) leaves the latest plan on the compacted topic ahead of
 * the event store until the operator retries, which publishes it again.
 */
@ProcessingGroup(WhenPlanDecidedThenPublishIt.PROCESSING_GROUP)
public final class WhenPlanDecidedThenPublishIt {

    public static final String PROCESSING_GROUP = "customer-plans";

    private final PlanPublisher publisher;

    public WhenPlanDecidedThenPublishIt(PlanPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        publisher.publish(new CustomerPlan(event.customer(), event.plan(), event.registeredAt()));
    }

    @EventHandler
    void on(CustomerPlanChanged event) {
        if (event.effectiveOnRequest()) {
            publisher.publish(new CustomerPlan(event.customer(), event.plan(), event.effectiveAt()));
        }
    }
}
