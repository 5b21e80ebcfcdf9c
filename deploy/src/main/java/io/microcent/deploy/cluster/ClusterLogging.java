package io.microcent.deploy.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The logging of the cluster's processes: the all-in-one's quiet defaults, plus what tells where a failover's
 * time goes (Kafka Streams' state changes and rebalances, the controller fencing a node, leader elections).
 */
final class ClusterLogging {

    private ClusterLogging() {
    }

    static Path write(Path workDir) {
        Path file = workDir.resolve("logback-cluster.xml");
        String xml = """
                <configuration>
                  <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %-28logger{0} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.apache.kafka" level="WARN"/>
                  <logger name="org.apache.kafka.streams.KafkaStreams" level="INFO"/>
                  <logger name="org.apache.kafka.streams.processor.internals.StreamThread" level="INFO"/>
                  <logger name="org.apache.kafka.streams.processor.internals.StoreChangelogReader" level="INFO"/>
                  <logger name="org.apache.kafka.controller.BrokerHeartbeatManager" level="INFO"/>
                  <logger name="org.apache.kafka.controller.ReplicationControlManager" level="INFO"/>
                  <logger name="org.apache.kafka.raft.QuorumState" level="INFO"/>
                  <logger name="org.apache.kafka.coordinator.group" level="INFO"/>
                  <logger name="org.apache.kafka.coordinator.transaction" level="INFO"/>
                  <logger name="kafka.coordinator.transaction" level="INFO"/>
                  <logger name="kafka" level="WARN"/>
                  <logger name="state.change.logger" level="WARN"/>
                  <logger name="org.eclipse.jetty" level="WARN"/>
                  <logger name="io.javalin" level="WARN"/>
                  <logger name="org.axonframework" level="WARN"/>
                  <logger name="org.flywaydb" level="WARN"/>
                  <logger name="org.jooq" level="WARN"/>
                  <logger name="com.zaxxer.hikari" level="WARN"/>
                  <root level="INFO"><appender-ref ref="CONSOLE"/></root>
                </configuration>
                """;
        try {
            Files.writeString(file, xml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
