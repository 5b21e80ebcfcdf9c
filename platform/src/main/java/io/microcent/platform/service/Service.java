package io.microcent.platform.service;

import io.microcent.platform.http.HttpRoutes;

/**
 * A running Microcent service: its HTTP API and whether it can serve. The same instance runs alone
 * (its own main and port) or beside the others in the all-in-one.
 */
public interface Service extends AutoCloseable {

    String name();

    HttpRoutes routes();

    /** True once the service can do its job (streams running, consumers assigned, ...). */
    boolean isReady();

    @Override
    void close();
}
