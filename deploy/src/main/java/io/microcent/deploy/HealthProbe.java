package io.microcent.deploy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The container health check: {@code java -cp microcent.jar io.microcent.deploy.HealthProbe [url]} exits 0 when
 * {@code url} answers 200, 1 otherwise. The image then needs no curl or wget (which a JRE base image may lack);
 * the JVM it starts is small ({@code -Xmx16m}) and loads one class of the jar. Without {@code url} it asks
 * {@code http://127.0.0.1:$MICROCENT_PORT/health/ready} (port 8080, the all-in-one's, when unset).
 */
public final class HealthProbe {

    public static final String READY_PATH = "/health/ready";
    static final int TIMEOUT_MS = 3_000;

    private HealthProbe() {
    }

    public static void main(String[] args) {
        URI url = args.length > 0 ? URI.create(args[0]) : defaultUrl(System.getenv());
        System.exit(check(url) ? 0 : 1);
    }

    /** The readiness URL of the process in this container, from its {@code MICROCENT_PORT}. */
    public static URI defaultUrl(Map<String, String> env) {
        String port = Optional.ofNullable(env.get("MICROCENT_PORT")).filter(p -> !p.isBlank()).orElse("8080").trim();
        return URI.create("http://127.0.0.1:" + port + READY_PATH);
    }

    /** True when {@code url} answers 200 within the timeout; what went wrong is printed for {@code docker inspect}. */
    public static boolean check(URI url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            try {
                int status = connection.getResponseCode();
                System.out.println(url + " answered " + status);
                return status == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException | IllegalArgumentException e) {
            System.out.println(url + " did not answer: " + e.getMessage());
            return false;
        }
    }
}
