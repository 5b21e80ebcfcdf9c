package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.write.CustomerEvent;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.PlanId;

import java.time.Instant;

/**
 * A customer was registered, on {@code plan} from {@code registeredAt} on.
 *
 * @param registeredAt the time of the registering command
 */
public record CustomerRegistered(CustomerId customer, String name, PlanId plan, Instant registeredAt) implements CustomerEvent {
}
