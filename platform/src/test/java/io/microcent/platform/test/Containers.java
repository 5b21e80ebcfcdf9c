package io.microcent.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Everything that touches Testcontainers, kept apart so that {@link TestInfrastructure} still
 * works in a module whose test classpath lacks Testcontainers (the platform test-jar does not
 * bring its test-scoped dependencies along): then Docker simply counts as unavailable.
 */
final class Containers {

    private static final Logger log = LoggerFactory.getLogger(Containers.class);

    /** The broker image matches the Kafka version the services are built against. */
    private static final String KAFKA_IMAGE = "apache/kafka:4.3.1";
    private static final String POSTGRES_IMAGE = "postgres:17";

    record Postgres(String jdbcUrl, String user, String password) {
    }

    private Containers() {
    }

    /** True only if a Docker engine answers; never throws, whatever is missing. */
    static boolean dockerAvailable() {
        if (!anyDockerConfiguration()) {
            // Testcontainers would log an ERROR on every test run of a machine without Docker
            log.info("No Docker socket or Testcontainers configuration found");
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) { // NoClassDefFoundError without Testcontainers, anything else without Docker
            log.debug("No Docker for Testcontainers: {}", e.toString());
            return false;
        }
    }

    /** Cheap look for the places Testcontainers finds an engine through, before asking it. */
    private static boolean anyDockerConfiguration() {
        String home = System.getProperty("user.home");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".docker", "desktop", "docker.sock"))
                || (runtimeDir != null && Files.exists(Path.of(runtimeDir, "docker.sock")));
    }

    static String startKafka(List<AutoCloseable> started) {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        started.add(kafka::stop);
        kafka.start();
        return kafka.getBootstrapServers();
    }

    static Postgres startPostgres(List<AutoCloseable> started) {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        started.add(postgres::stop);
        postgres.start();
        return new Postgres(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }
}
