package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.write.CustomerAlreadyExists;
import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.invoicing.write.CustomerState;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.model.plan.PlanCatalog;

import java.util.List;

/** Decides whether a customer can be registered: only once, and only on a plan of the catalog. */
public final class RegisterCustomerHandler {

    private final PlanCatalog plans;

    public RegisterCustomerHandler(PlanCatalog plans) {
        this.plans = plans;
    }

    public List<CustomerEvent> decide(RegisterCustomer command, CustomerState state) {
        if (state.registered()) {
            throw new CustomerAlreadyExists(command.customer());
        }
        if (plans.find(command.plan()).isEmpty()) {
            throw new UnknownPlan(command.plan());
        }
        return List.of(new CustomerRegistered(command.customer(), command.name(), command.plan(), command.requestedAt()));
    }
}
