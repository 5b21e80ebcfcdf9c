package io.microcent.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs before it starts. The broker does not auto-create topics,
 * so every topic is declared with its partitions and settings on purpose.
 */
public final class TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicAdmin() {
    }

    /**
     * Creates whichever of {@code topics} do not exist yet; existing ones are left as they are
     * (their partition count and configs are not changed). Safe to call from several services at
     * once: losing a creation race to another caller counts as success.
     */
    public static void ensureTopics(String bootstrap, Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                log.debug("All {} topic(s) already exist", topics.size());
                return;
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    log.info("Created topic {}", result.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InvalidReplicationFactorException tooFewBrokers) {
                        throw new IllegalStateException("could not create topic " + result.getKey() + ": "
                                + tooFewBrokers.getMessage() + " Set " + Replication.FACTOR + " (and "
                                + Replication.MIN_INSYNC + ") to at most the number of brokers; 1 for a single broker",
                                tooFewBrokers);
                    }
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + result.getKey(), e.getCause());
                    }
                    log.debug("Topic {} was created concurrently", result.getKey());
                }
            }
            awaitVisible(admin, results.keySet());
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list topics on " + bootstrap, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " timed out: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** How many partitions {@code topic} has (which fixes the partition of each key). */
    public static int partitions(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe topic " + topic + " on " + bootstrap, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " timed out: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }

    /**
     * The controller acknowledges a creation before the brokers' metadata shows the topic. Kafka
     * Streams refuses to start on a source topic it cannot see yet, so callers get back only once
     * every new topic is described with a leader for each partition.
     */
    private static void awaitVisible(Admin admin, Set<String> topics) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                boolean allLed = described.values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (allLed) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("could not describe topics " + topics, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + topics + " not visible after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }
}
