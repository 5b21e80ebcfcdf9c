package io.microcent.invoicing.write;

import io.microcent.invoicing.write.changeplan.ChangePlan;
import io.microcent.invoicing.write.changeplan.ChangePlanHandler;
import io.microcent.invoicing.write.changeplan.CustomerPlanChanged;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomer;
import io.microcent.invoicing.write.linkstripecustomer.LinkStripeCustomerHandler;
import io.microcent.invoicing.write.linkstripecustomer.StripeCustomerLinked;
import io.microcent.invoicing.write.registercustomer.CustomerRegistered;
import io.microcent.invoicing.write.registercustomer.RegisterCustomer;
import io.microcent.invoicing.write.registercustomer.RegisterCustomerHandler;
import io.microcent.model.id.CustomerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.List;

/**
 * The customer aggregate, event sourced: its state is rebuilt from its events, and each command is
 * decided by its slice's handler ({@code write/<usecase>}) from that state alone.
 *
 * <p>Every command is accepted for a customer that does not exist yet ({@code CREATE_IF_MISSING}), so
 * the decision itself sees an unregistered customer and answers with the right rejection; a rejected
 * command records nothing, so no empty customer is ever stored.
 */
public class Customer {

    @AggregateIdentifier
    private CustomerId id;
    private CustomerState state = CustomerState.UNREGISTERED;

    /** For Axon, which creates the aggregate empty and then applies its past events. */
    protected Customer() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterCustomer command, RegisterCustomerHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangePlan command, ChangePlanHandler handler) {
        record(handler.decide(command, state));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(LinkStripeCustomer command, LinkStripeCustomerHandler handler) {
        record(handler.decide(command, state));
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        id = event.customer();
        state = CustomerState.registeredOn(event.plan(), event.interval(), event.billingStartsAt());
    }

    @EventSourcingHandler
    void on(CustomerPlanChanged event) {
        state = state.withChange(new CustomerState.RequestedPlanChange(event.plan(), event.requestedAt(), event.timing()));
    }

    @EventSourcingHandler
    void on(StripeCustomerLinked event) {
        state = state.withStripeCustomer(event.stripeCustomerId());
    }

    private static void record(List<CustomerEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }
}
