package io.microcent.deploy.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Which Kafka node leads most partitions of a topic, and whether every partition is fully replicated, as the Admin client tells. */
final class PartitionLeaders {

    private PartitionLeaders() {
    }

    static int nodeLeadingMostOf(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().map(TopicPartitionInfo::leader).filter(java.util.Objects::nonNull)
                    .collect(Collectors.groupingBy(node -> node.id(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElseThrow(() -> new IllegalStateException(topic + " has no leader"));
        } catch (Exception e) {
            throw new IllegalStateException("could not describe " + topic, e);
        }
    }

    /**
     * Waits until every partition of every topic has all its replicas in sync: a node restarted a moment ago may
     * still be catching up, and killing another one then would leave partitions below their minimum in-sync
     * replicas (or without any leader), which is two failures at once, not one.
     */
    static void awaitFullyReplicated(String bootstrap, java.time.Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                try {
                    var topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                    long behind = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                            .flatMap(t -> t.partitions().stream()).filter(p -> p.isr().size() < p.replicas().size()).count();
                    if (behind == 0) {
                        return;
                    }
                } catch (Exception e) {
                    // not answering yet: asked again below
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions still under-replicated after " + within);
                }
                Pause.of(java.time.Duration.ofMillis(500));
            }
        }
    }
}
