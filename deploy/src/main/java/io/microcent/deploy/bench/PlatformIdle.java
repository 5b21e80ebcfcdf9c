package io.microcent.deploy.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Waits until the platform's consumers (Kafka Streams applications and projections) have read everything
 * written to their topics, so that a measured phase does not share the machine with the previous phase's
 * backlog.
 */
final class PlatformIdle {

    /**
     * Records a group may still be behind by per partition and count as caught up: a transaction's commit marker
     * takes an offset that no consumer position has to pass.
     */
    private static final long MARKER_SLACK = 1;

    private PlatformIdle() {
    }

    /** @param groups the platform's consumer groups; @param partitions the partitions they committed offsets on */
    record Caught(Duration waited, int groups, int partitions) {
    }

    private record Lag(long records, int groups, int partitions) {
    }

    /** Waits at most {@code timeout}; throws if the platform did not catch up by then. */
    static Caught await(String bootstrap, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (Lag lag = lag(admin); ; lag = lag(admin)) {
                if (lag.records() == 0) {
                    return new Caught(Duration.ofNanos(System.nanoTime() - start), lag.groups(), lag.partitions());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the platform's consumers are still " + lag.records() + " records behind after " + timeout);
                }
                Thread.sleep(250);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the consumer groups' offsets", e.getCause());
        }
    }

    /** Records the platform's groups have yet to read, beyond the marker slack, over all their partitions. */
    private static Lag lag(Admin admin) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        int groups = 0;
        for (GroupListing group : admin.listGroups().all().get()) {
            if (group.groupId().startsWith("bench-")) {
                continue; // the bench's own readers
            }
            groups++;
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    committed.merge(partition, offset.offset(), Math::min);
                }
            });
        }
        if (committed.isEmpty()) {
            return new Lag(0, groups, 0);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> group : committed.entrySet()) {
            behind += Math.max(0, ends.get(group.getKey()).offset() - group.getValue() - MARKER_SLACK);
        }
        return new Lag(behind, groups, committed.size());
    }
}
