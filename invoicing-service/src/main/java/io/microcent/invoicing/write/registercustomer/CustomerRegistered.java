package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A customer was registered, on {@code plan} from {@code registeredAt} on.
 *
 * <p>Events stored before email, interval and billing start existed have none of them: they read as no
 * email, {@link BillingInterval#MONTH} and billing from {@code registeredAt}, what those customers had.
 *
 * @param registeredAt    the time of the registering command
 * @param email           where invoices go; {@code null} when none was given
 * @param interval        how often the base fee is invoiced
 * @param billingStartsAt the first instant the base fee pays for (at most the registration time)
 */
public record CustomerRegistered(CustomerId customer, String name, PlanId plan, Instant registeredAt, String email,
                                 BillingInterval interval, Instant billingStartsAt) implements CustomerEvent {

    public CustomerRegistered {
        if (interval == null) {
            interval = BillingInterval.MONTH;
        }
        if (billingStartsAt == null) {
            billingStartsAt = registeredAt;
        }
    }
}
