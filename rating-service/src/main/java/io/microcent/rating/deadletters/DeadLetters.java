package io.microcent.rating.deadletters;

import io.microcent.model.topic.Topics;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.service.ServiceContext;

/**
 * Operators see and re-drive what any consumer set aside: {@code dead-letters} projected into
 * {@code rating.dead_letters} ({@link DeadLetterProjection}), listed and replayed through rating
 * ({@link DeadLetterRoutes}). It lives in rating because replay re-drives usage through rating.
 */
public final class DeadLetters implements AutoCloseable {

    private final ProjectionRunner<byte[], byte[]> projection;
    private final DeadLetterReplayer replayer;
    private final HttpRoutes routes;

    private DeadLetters(ProjectionRunner<byte[], byte[]> projection, DeadLetterReplayer replayer, HttpRoutes routes) {
        this.projection = projection;
        this.replayer = replayer;
        this.routes = routes;
    }

    /** Starts the projection; the rating schema must be migrated. */
    public static DeadLetters start(ServiceContext context) {
        var db = context.database().dsl();
        DeadLetterReplayer replayer = new DeadLetterReplayer(db, context.kafkaBootstrap(), context.instanceId() + "-replay", context.clock());
        try {
            var projection = new ProjectionRunner<>(DeadLetterProjection.NAME, Topics.DEAD_LETTERS, context.kafkaBootstrap(),
                    context.instanceId() + "-dead-letters", db, TableProjectionOffsets.inSchema("rating"), context.meters(),
                    new DeadLetterProjection()).start();
            return new DeadLetters(projection, replayer,
                    new DeadLetterRoutes(context.operatorAuth(), new DeadLetterRepository(db), replayer));
        } catch (RuntimeException e) {
            replayer.close();
            throw e;
        }
    }

    public HttpRoutes routes() {
        return routes;
    }

    public boolean isReady() {
        return projection.isReady();
    }

    @Override
    public void close() {
        projection.close();
        replayer.close();
    }
}
