package io.microcent.deploy.clusterfiles;

import java.util.List;

/**
 * The paths every Microcent process serves for its orchestrator, as the cluster files name them; platform's
 * {@code HttpServer} has no constants for them, so {@code HealthProbeTest} asks a running one that each answers.
 */
final class Served {

    static final String READY = "/health/ready";
    static final String LIVE = "/health/live";
    static final String METRICS = "/metrics";
    static final List<String> PATHS = List.of(READY, LIVE, METRICS);

    private Served() {
    }
}
