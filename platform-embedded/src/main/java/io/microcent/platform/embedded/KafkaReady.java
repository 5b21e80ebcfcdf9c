package io.microcent.platform.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until Kafka answers metadata requests with enough registered brokers. */
final class KafkaReady {

    private static final Logger log = LoggerFactory.getLogger(KafkaReady.class);

    private KafkaReady() {
    }

    /** Returns once {@code bootstrap} reports at least {@code brokers} registered brokers; throws after {@code timeout}. */
    static void await(String bootstrap, int brokers, Duration timeout) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS);
                    if (nodes.size() >= brokers) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    log.debug("Kafka at {} not ready yet: {}", bootstrap, e.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + bootstrap + " not ready with " + brokers + " brokers after " + timeout);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
