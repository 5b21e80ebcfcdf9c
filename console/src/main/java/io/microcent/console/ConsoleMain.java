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

    public static final int DEFAULT_PORT = 8085;

    private static final Logger log = LoggerFactory.getLogger(ConsoleMain.class);

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        Env env = Env.system();
        Setup setup = Setup.read(env);
        try {
            env.validate();
        } catch (ConfigException e) {
            log.error("the console cannot start: {}", e.getMessage());
            System.exit(2);
        }
        PrometheusMeterRegistry meters = StandaloneRunner.newMeterRegistry();
        HttpServer http = HttpServer.start(setup.host(), setup.port(), List.of(ConsoleRoutes.of(setup.settings())), Map.of(), meters);
        log.info("console on http://{}:{}/console, calling {}", setup.host(), http.port(), setup.settings().serviceUrls());
        Runtime.getRuntime().addShutdownHook(new Thread(http::close, "shutdown"));
    }

    /**
     * Every environment variable the console alone reads, with its default (as {@code StandaloneRunner.settingsOf}
     * gives a service's): deployment files are checked against it.
     */
    public static List<Env.Setting> settings() {
        Env env = new Env(Map.of());
        Setup.read(env);
        return env.settings();
    }

    /** What the console alone reads: one place, so {@link #settings()} lists exactly what {@link #main} reads. */
    private record Setup(ConsoleSettings settings, String host, int port) {
        static Setup read(Env env) {
            return new Setup(ConsoleSettings.from(env, "http://127.0.0.1:8080"),
                    env.string("MICROCENT_HOST", "0.0.0.0"), env.port("MICROCENT_PORT", DEFAULT_PORT));
        }
    }
}
