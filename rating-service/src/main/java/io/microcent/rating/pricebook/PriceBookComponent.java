package io.microcent.rating.pricebook;

import io.microcent.model.topic.Topics;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.kafka.TableProjectionOffsets;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.service.ServiceContext;
import io.microcent.rating.pricebook.api.PriceBookRoutes;
import io.microcent.rating.pricebook.unpriced.UnpricedModels;
import io.microcent.rating.pricebook.unpriced.UnpricedUsageProjection;
import io.microcent.rating.pricebook.write.PriceBookPublisher;
import io.microcent.rating.pricebook.write.PriceBookRepository;
import io.microcent.rating.pricebook.write.PriceBookWriter;

/**
 * The price book inside the rating service: its operator API, the publisher that keeps
 * {@code price.book} in step with the database, and the projection of unpriced usage. Expects the
 * {@code rating} schema migrated.
 */
public final class PriceBookComponent implements AutoCloseable {

    private final PriceBookPublisher publisher;
    private final ProjectionRunner<?, ?> unpricedProjection;
    private final HttpRoutes routes;

    private PriceBookComponent(PriceBookPublisher publisher, ProjectionRunner<?, ?> unpricedProjection, HttpRoutes routes) {
        this.publisher = publisher;
        this.unpricedProjection = unpricedProjection;
        this.routes = routes;
    }

    /**
     * Loads the {@link DefaultPriceBook} if the price book was never initialised, publishes every model's
     * history again (idempotent on the compacted topic), so that the rating topology started next reads a
     * complete price book, and starts the unpriced-usage projection.
     */
    public static PriceBookComponent start(ServiceContext context) {
        var db = context.database().dsl();
        var repository = new PriceBookRepository();
        var publisher = new PriceBookPublisher(context.kafkaBootstrap(), context.instanceId() + "-price-book");
        try {
            var writer = new PriceBookWriter(db, repository, publisher, context.clock());
            writer.loadDefaultsOnce(DefaultPriceBook::catalog, DefaultPriceBook.EFFECTIVE_FROM);
            writer.republishAll();
            var projection = new ProjectionRunner<>(UnpricedUsageProjection.NAME, Topics.USAGE_RATED_BATCHES,
                    context.kafkaBootstrap(), context.instanceId() + "-unpriced", db, TableProjectionOffsets.inSchema("rating"), context.meters(),
                    new UnpricedUsageProjection()).start();
            var routes = new PriceBookRoutes(context.operatorAuth(), db, repository, writer, new UnpricedModels(), context.clock());
            return new PriceBookComponent(publisher, projection, routes);
        } catch (RuntimeException e) {
            publisher.close();
            throw e;
        }
    }

    public HttpRoutes routes() {
        return routes;
    }

    public boolean isReady() {
        return unpricedProjection.isReady();
    }

    @Override
    public void close() {
        unpricedProjection.close();
        publisher.close();
    }
}
