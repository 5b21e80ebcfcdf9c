package io.microcent.caps.routing;

import io.microcent.model.id.CustomerId;

import java.net.URI;
import java.util.Optional;

/**
 * Which caps instance decides for a customer: the one whose Kafka Streams tasks own the customer's
 * partition of {@code usage.rated}, because only it holds the customer's spend and reservations.
 */
@FunctionalInterface
public interface CustomerOwnership {

    /** One instance (no advertised URL configured): it owns every customer. */
    CustomerOwnership SINGLE_INSTANCE = customer -> Optional.empty();

    /**
     * Empty when this instance owns the customer, otherwise the base URL of the instance that does. Throws
     * {@link OwnerUnknown} while no instance owns it (rebalancing, starting).
     */
    Optional<URI> remoteOwnerOf(CustomerId customer);

    /** No instance owns the customer's partition right now. */
    final class OwnerUnknown extends RuntimeException {

        public OwnerUnknown(CustomerId customer) {
            super("no caps instance owns customer " + customer + " right now", null, false, false);
        }
    }
}
