package io.microcent.platform.http;

import io.javalin.config.RoutesConfig;

/**
 * A service's HTTP API. A service registers its routes here, so the same routes run on the service's own
 * server or, in the all-in-one, side by side with the other services' routes on one port.
 */
@FunctionalInterface
public interface HttpRoutes {

    void register(RoutesConfig routes);
}
