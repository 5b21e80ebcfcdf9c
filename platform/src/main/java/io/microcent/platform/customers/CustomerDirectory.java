package io.microcent.platform.customers;

import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Which customers exist: events, keys, caps, webhooks and authorizations may only name those. */
@FunctionalInterface
public interface CustomerDirectory {

    /**
     * Those of {@code customers} that do not exist (ids are compared exactly: {@code ACME} is not {@code acme}).
     *
     * @throws ApiException {@code 503 service_unavailable} when that cannot be told now
     */
    Set<CustomerId> unknownAmong(Collection<CustomerId> customers);

    /**
     * Refuses a request naming a customer that does not exist: {@code 422 validation_failed} with
     * {@code field} at fault, code {@code customer_not_found} (the one shape every API answers it with).
     *
     * @throws ApiException 422 as above, or {@code 503 service_unavailable} when that cannot be told now
     */
    default void requireExists(String field, CustomerId customer) {
        if (!unknownAmong(List.of(customer)).isEmpty()) {
            throw ApiException.invalid(List.of(FieldError.of(field, ErrorCode.CUSTOMER_NOT_FOUND.code(),
                    "customer " + customer + " does not exist; create the customer first")));
        }
    }
}
