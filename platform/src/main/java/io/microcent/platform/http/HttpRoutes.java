package io.microcent.platform.http;

import io.javalin.config.RoutesConfig;

import java.util.List;

/**
 * A service's HTTP API. A service registers its routes here, so the same routes run on the service's own
 * server or, in the all-in-one, side by side with the other services' routes on one port. The routes carry
 * the OpenAPI fragments that describe them, so whichever server hosts them documents them at
 * {@code /openapi.json}.
 */
@FunctionalInterface
public interface HttpRoutes {

    void register(RoutesConfig routes);

    /** Classpath resources of the OpenAPI 3.1 fragments that describe these routes. */
    default List<String> openApiFragments() {
        return List.of();
    }

    /**
     * Path prefixes under which these routes serve pages for people rather than API (the console): they are
     * not part of {@code /openapi.json}.
     */
    default List<String> pagePrefixes() {
        return List.of();
    }

    /** {@code routes}, described by the OpenAPI fragment at classpath resource {@code fragment}. */
    static HttpRoutes documented(String fragment, HttpRoutes routes) {
        return new HttpRoutes() {
            @Override
            public void register(RoutesConfig config) {
                routes.register(config);
            }

            @Override
            public List<String> openApiFragments() {
                return java.util.stream.Stream.concat(routes.openApiFragments().stream(), java.util.stream.Stream.of(fragment))
                        .distinct().toList();
            }
        };
    }

    /** Every one of {@code routes}, with all their fragments: an area of a service can document itself. */
    static HttpRoutes all(List<HttpRoutes> routes) {
        List<HttpRoutes> copy = List.copyOf(routes);
        return new HttpRoutes() {
            @Override
            public void register(RoutesConfig config) {
                copy.forEach(r -> r.register(config));
            }

            @Override
            public List<String> openApiFragments() {
                return copy.stream().flatMap(r -> r.openApiFragments().stream()).distinct().toList();
            }
        };
    }
}
