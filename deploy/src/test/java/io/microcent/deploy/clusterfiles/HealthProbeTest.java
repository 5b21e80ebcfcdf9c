package io.microcent.deploy.clusterfiles;

import io.microcent.deploy.HealthProbe;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.StandaloneRunner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The image's health check, and the paths the cluster files ask, against platform's real HTTP server. */
class HealthProbeTest {

    @Test
    void theProbeSaysHealthyOnlyWhileTheServerIsReady() {
        AtomicBoolean ready = new AtomicBoolean(true);
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(), Map.of("service", ready::get), StandaloneRunner.newMeterRegistry());
        try {
            URI url = URI.create("http://127.0.0.1:" + http.port() + HealthProbe.READY_PATH);
            assertThat(HealthProbe.check(url)).isTrue();
            ready.set(false);
            assertThat(HealthProbe.check(url)).isFalse();
        } finally {
            http.close();
        }
    }

    @Test
    void nothingListeningIsUnhealthy() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertThat(HealthProbe.check(URI.create("http://127.0.0.1:" + freePort + "/health/ready"))).isFalse();
    }

    @Test
    void withoutAnAddressTheProbeAsksThisContainersPort() {
        assertThat(HealthProbe.defaultUrl(Map.of("MICROCENT_PORT", "8083"))).isEqualTo(URI.create("http://127.0.0.1:8083/health/ready"));
        assertThat(HealthProbe.defaultUrl(Map.of())).isEqualTo(URI.create("http://127.0.0.1:8080/health/ready"));
        assertThat(HealthProbe.READY_PATH).isEqualTo(Served.READY);
    }

    @Test
    void everyPathTheClusterFilesAskIsServedAndOthersAreNot() throws IOException {
        HttpServer http = HttpServer.start("127.0.0.1", 0, List.of(), Map.of(), StandaloneRunner.newMeterRegistry());
        try {
            for (String path : Served.PATHS) {
                assertThat(status(http, path)).as(path).isEqualTo(200);
            }
            assertThat(status(http, "/healthz")).isEqualTo(404);
        } finally {
            http.close();
        }
    }

    private static int status(HttpServer http, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + http.port() + path).toURL().openConnection();
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }
}
