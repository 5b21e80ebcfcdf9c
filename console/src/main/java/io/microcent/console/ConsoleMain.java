package io.microcent.console;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import io.microcent.platform.http.HttpServer;
import io.microcent.platform.service.StandaloneRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The console alone, against any deployment's APIs: {@code MICROCENT_CONSOLE_API_URL} (and per-service
 * overrides) say where they answer. It keeps no data; sign in with that deployment's operator or viewer token.
 */
public final class ConsoleMain {

    private static final Logger log = LoggerFactory.getLogger(ConsoleMain.class);

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        Env env = Env.system();
        ConsoleSettings settings = ConsoleSettings.from(env, "http://127.0.0.1:8080");
        String host = env.string("MICROCENT_HOST", "0.0.0.0");
        int port = env.port("MICROCENT_PORT", 8085);
        try {
            env.validate();
        } catch (ConfigException e) {
            log.error("the console cannot start: {}", e.getMessage());
            System.exit(2);
        }
        PrometheusMeterRegistry meters = StandaloneRunner.newMeterRegistry();
        HttpServer http = HttpServer.start(host, port, List.of(ConsoleRoutes.of(settings)), Map.of(), meters);
        log.info("console on http://{}:{}/console, calling {}", host, http.port(), settings.serviceUrls());
        Runtime.getRuntime().addShutdownHook(new Thread(http::close, "shutdown"));
    }
}
