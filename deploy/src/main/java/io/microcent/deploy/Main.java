package io.microcent.deploy;

import io.microcent.platform.config.ClockSetting;
import io.microcent.platform.config.ConfigException;
import io.microcent.platform.config.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar microcent.jar [--demo]}: starts the all-in-one and keeps it running until Ctrl-C.
 */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        // Axon asks a remote server for updates by default; Microcent never calls out.
        System.setProperty("axoniq.update-checker.disabled", "true");
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println("usage: java -jar microcent.jar [--demo]   (settings: see README, MICROCENT_* variables)");
            return;
        }
        Env env = Env.system();
        Clock clock = ClockSetting.read(env); // an invalid start is reported by AllInOne.start
        AllInOne platform;
        try {
            platform = AllInOne.start(env, clock);
        } catch (ConfigException e) {
            log.error("Microcent cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("shutting down");
            long stoppingAt = System.nanoTime();
            platform.close();
            log.info("stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
        }, "microcent-shutdown"));

        long startedMs = ManagementFactory.getRuntimeMXBean().getUptime();
        String base = "http://localhost:" + platform.port();
        log.info("Microcent is up in {} ms: {}  (health: {}/health/ready, metrics: {}/metrics)", startedMs, base, base, base);
        if (arguments.contains("--demo")) {
            new Demo(base, platform.operatorToken(), clock).load();
        }
    }
}
