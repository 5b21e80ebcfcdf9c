package io.microcent.model.caps;

import io.microcent.model.id.CustomerId;

import java.util.List;
import java.util.Objects;

/**
 * Every cap of one customer, as published on the compacted {@code caps.definitions} topic under the
 * customer's key. The whole list travels in one record because compaction keeps one value per key; an
 * empty list means the customer has no caps (any more).
 *
 * @param version increases with every publication for the customer; a reader may ignore an older one
 */
public record CustomerCaps(CustomerId customer, long version, List<CapDefinition> caps) {

    public CustomerCaps {
        Objects.requireNonNull(customer, "customer");
        caps = List.copyOf(caps);
        for (CapDefinition cap : caps) {
            if (!cap.customer().equals(customer)) {
                throw new IllegalArgumentException("cap " + cap.id() + " belongs to " + cap.customer() + ", not " + customer);
            }
        }
    }
}
