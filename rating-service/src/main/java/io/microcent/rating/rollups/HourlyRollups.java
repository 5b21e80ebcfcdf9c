package io.microcent.rating.rollups;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.platform.kafka.ProjectionOffsets;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.RatedLines;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.service.ServiceContext;

/**
 * The running hourly (and daily) rollup: {@link HourlyRollupProjection} fed from {@code usage.rated}, read as
 * batches of rated lines, by a {@link ProjectionRunner}, which sets a line that fails alone aside alone
 * ({@link RatedLines}). Instances of rating share the topic's partitions through the projection's consumer group;
 * since usage is keyed by customer, no two instances ever add to the same row.
 */
public final class HourlyRollups implements AutoCloseable {

    private final ProjectionRunner<CustomerId, RatedBatch> runner;

    private HourlyRollups(ProjectionRunner<CustomerId, RatedBatch> runner) {
        this.runner = runner;
    }

    /** Starts consuming; the rating schema must be migrated. */
    public static HourlyRollups start(ServiceContext context) {
        return start(context, TableProjectionOffsets.inSchema("rating"));
    }

    static HourlyRollups start(ServiceContext context, ProjectionOffsets offsets) {
        return new HourlyRollups(new ProjectionRunner<>(HourlyRollupProjection.NAME, Topics.USAGE_RATED_BATCHES,
                context.kafkaBootstrap(), context.instanceId() + "-rollups", context.database().dsl(), offsets,
                context.meters(), new HourlyRollupProjection(), RatedLines.ITEMS).start());
    }

    /** True once the projection has joined its consumer group and polled, and has not stopped on an error. */
    public boolean isReady() {
        return runner.isReady();
    }

    @Override
    public void close() {
        runner.close();
    }
}
