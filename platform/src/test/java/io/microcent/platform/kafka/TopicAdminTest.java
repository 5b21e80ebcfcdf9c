package io.microcent.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicAdminTest {

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrap();

    @Test
    void createsMissingTopicsWithTheirSettingsAndLeavesExistingOnesAlone() throws Exception {
        String compacted = "topic-admin-" + UUID.randomUUID();
        String plain = "topic-admin-" + UUID.randomUUID();
        NewTopic compactedTopic = new NewTopic(compacted, 3, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        TopicAdmin.ensureTopics(bootstrap, List.of(compactedTopic));
        // second call: one topic exists (declared differently now) and one is new; neither may fail
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(compacted, 6, (short) 1), new NewTopic(plain, 2, (short) 1)));
        TopicAdmin.ensureTopics(bootstrap, List.of(compactedTopic, new NewTopic(plain, 2, (short) 1)));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> described = admin.describeTopics(List.of(compacted, plain)).allTopicNames().get();
            assertThat(described.get(compacted).partitions()).hasSize(3);
            assertThat(described.get(plain).partitions()).hasSize(2);

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
            String cleanupPolicy = admin.describeConfigs(List.of(resource)).all().get()
                    .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(cleanupPolicy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aReplicationFactorAboveTheBrokerCountSaysWhichSettingToLower() {
        NewTopic topic = new Replication((short) 3, 2, 0).applyTo(new NewTopic("topic-admin-" + UUID.randomUUID(), 1, (short) 1));

        assertThatThrownBy(() -> TopicAdmin.ensureTopics(bootstrap, List.of(topic)))
                .hasMessageContaining(Replication.FACTOR).hasMessageContaining("1 for a single broker");
    }

    @Test
    void everyMicrocentTopicCarriesTheMinimumOfInSyncReplicas() throws Exception {
        String name = "topic-admin-" + UUID.randomUUID();
        NewTopic compacted = new NewTopic(name, 2, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        TopicAdmin.ensureTopics(bootstrap, List.of(Replication.SINGLE_BROKER.applyTo(compacted)));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            var configs = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(configs.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");
            assertThat(configs.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
