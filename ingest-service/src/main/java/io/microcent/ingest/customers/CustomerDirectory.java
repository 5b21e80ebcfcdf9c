package io.microcent.ingest.customers;

import io.microcent.model.id.CustomerId;

import java.util.Collection;
import java.util.Set;

/** Which customers exist: events and keys may only name those. */
@FunctionalInterface
public interface CustomerDirectory {

    /**
     * Those of {@code customers} that do not exist (ids are compared exactly: {@code ACME} is not {@code acme}).
     *
     * @throws io.microcent.platform.http.ApiException {@code 503 service_unavailable} when that cannot be told now
     */
    Set<CustomerId> unknownAmong(Collection<CustomerId> customers);
}
