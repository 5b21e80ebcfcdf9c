package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.write.CustomerAlreadyExists;
import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.invoicing.write.CustomerState;
import io.microcent.invoicing.write.UnknownPlan;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.LateUsagePolicy;

import java.util.List;

/**
 * Decides whether a customer can be registered: only once, only on a plan of the catalog, and with billing
 * starting no later than the request and no earlier than the oldest period still open for late usage
 * (platform {@code LateUsageSetting}): an earlier start would bill a period whose usage can no longer arrive.
 */
public final class RegisterCustomerHandler {

    private final PlanCatalog plans;
    private final LateUsagePolicy lateUsage;

    public RegisterCustomerHandler(PlanCatalog plans, LateUsagePolicy lateUsage) {
        this.plans = plans;
        this.lateUsage = lateUsage;
    }

    public List<CustomerEvent> decide(RegisterCustomer command, CustomerState state) {
        if (state.registered()) {
            throw new CustomerAlreadyExists(command.customer());
        }
        if (plans.find(command.plan()).isEmpty()) {
            throw new UnknownPlan(command.plan());
        }
        if (command.billingStartsAt().isAfter(command.requestedAt())) {
            throw new BillingStartRefused("billingStartsAt " + command.billingStartsAt() + " is in the future");
        }
        BillingPeriod oldestOpen = lateUsage.oldestOpenPeriod(command.requestedAt());
        if (command.billingStartsAt().isBefore(oldestOpen.start())) {
            throw new BillingStartRefused("billingStartsAt must not be before " + oldestOpen.start()
                    + ", the start of the oldest period still open for late usage (" + oldestOpen + ")");
        }
        return List.of(new CustomerRegistered(command.customer(), command.name(), command.plan(), command.requestedAt(),
                command.email(), command.interval(), command.billingStartsAt()));
    }
}
