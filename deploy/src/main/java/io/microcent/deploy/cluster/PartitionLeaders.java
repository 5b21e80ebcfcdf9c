package io.microcent.deploy.cluster;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Which Kafka node leads most partitions of a topic, as the Admin client tells. */
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
}
