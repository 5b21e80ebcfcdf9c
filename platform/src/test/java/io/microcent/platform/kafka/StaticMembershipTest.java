package io.microcent.platform.kafka;

import io.microcent.platform.test.TestInfrastructure;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A static member that comes back under its name gets its partitions at once, not after the session timeout. */
class StaticMembershipTest {

    /** Long, so that waiting it out could not pass for "at once". */
    private static final Duration LONG_SESSION = Duration.ofSeconds(90);

    private final String bootstrap = TestInfrastructure.get().kafkaBootstrap();

    @Test
    void anInstanceBackAfterACrashGetsItsPartitionsBeforeTheDeadMembersSessionEnds() {
        String topic = "static-member-" + UUID.randomUUID();
        TopicAdmin.ensureTopics(bootstrap, List.of(new NewTopic(topic, 2, (short) 1)));
        String group = "static-member-" + UUID.randomUUID();

        KafkaConsumer<String, String> crashed = consumer(topic, group, "instance-a");
        awaitAssigned(crashed, Duration.ofSeconds(60));
        // what a crash leaves behind: the broker still counts the member, until its session ends
        crashed.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));

        try (KafkaConsumer<String, String> restarted = consumer(topic, group, "instance-a")) {
            awaitAssigned(restarted, LONG_SESSION.dividedBy(3));
            assertThat(restarted.assignment()).hasSize(2);
        }
    }

    private KafkaConsumer<String, String> consumer(String topic, String group, String instance) {
        Map<String, Object> props = KafkaConfigs.staticMember(KafkaConfigs.committedReader(bootstrap, group, instance), instance);
        assertThat(props).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) KafkaConfigs.SESSION_TIMEOUT.toMillis())
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) KafkaConfigs.HEARTBEAT_INTERVAL.toMillis());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) LONG_SESSION.toMillis());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static void awaitAssigned(KafkaConsumer<String, String> consumer, Duration atMost) {
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return consumer.assignment().size() == 2;
        });
    }
}
