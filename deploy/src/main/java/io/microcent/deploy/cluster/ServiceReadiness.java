package io.microcent.deploy.cluster;

/** A service instance is ready when its {@code /health/ready} answers 200. */
final class ServiceReadiness {

    private ServiceReadiness() {
    }

    static boolean ready(String baseUrl) {
        return Http.get(baseUrl + "/health/ready", "").status() == 200;
    }
}
