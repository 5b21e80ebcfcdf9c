package io.microcent.rating.pricebook.unpriced;

import io.microcent.model.id.CustomerId;
import io.microcent.model.topic.Topics;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.platform.test.TestContexts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.microcent.rating.db.Tables.UNPRICED_MODELS;
import static io.microcent.rating.db.Tables.UNPRICED_MODEL_CUSTOMERS;
import static io.microcent.rating.rollups.RatedUsages.newCustomer;
import static io.microcent.rating.rollups.RatedUsages.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The unpriced-models projection counts every unpriced line of a batch under the line's own customer. */
class UnpricedUsageProjectionTest {

    private static final Instant NOV_5 = Instant.parse("2026-11-05T09:10:00Z");

    private static DSLContext db;
    private final UnpricedUsageProjection projection = new UnpricedUsageProjection();

    @BeforeAll
    static void migrate() {
        var context = TestContexts.forService("rating");
        context.database().migrate("rating");
        db = context.database().dsl();
    }

    @Test
    void everyUnpricedLineOfABatchCountsOnceUnderItsOwnCustomerAndARecordOfOneLineReadsAsABatchOfOne() {
        String model = "unlisted-" + UUID.randomUUID();
        CustomerId first = newCustomer();
        CustomerId second = newCustomer();
        RatedBatch batch = new RatedBatch(List.of(
                unpriced(first, model, NOV_5),
                unpriced(second, model, NOV_5.plusSeconds(60)),
                usage(second, NOV_5).model("openai", model).build(),
                unpriced(first, model, NOV_5.plusSeconds(120))));
        RatedBatch olderRecordOfOneLine = RatedBatch.of(unpriced(second, model, NOV_5.plusSeconds(180)));

        db.transaction(tx -> projection.apply(tx.dsl(), List.of(record(first, batch, 0), record(second, olderRecordOfOneLine, 1))));

        assertThat(db.select(UNPRICED_MODELS.EVENTS).from(UNPRICED_MODELS).where(UNPRICED_MODELS.MODEL.eq(model)).fetchOne().value1())
                .as("the priced line of the batch is not listed").isEqualTo(4L);
        assertThat(db.select(UNPRICED_MODEL_CUSTOMERS.CUSTOMER, UNPRICED_MODEL_CUSTOMERS.EVENTS).from(UNPRICED_MODEL_CUSTOMERS)
                .where(UNPRICED_MODEL_CUSTOMERS.MODEL.eq(model)).orderBy(UNPRICED_MODEL_CUSTOMERS.EVENTS)
                .fetch(r -> tuple(r.value1(), r.value2())))
                .as("each line counts under its own customer, not the record key's")
                .containsExactlyInAnyOrder(tuple(first.raw(), 2L), tuple(second.raw(), 2L));
    }

    private static RatedUsage unpriced(CustomerId customer, String model, Instant at) {
        RatedUsage line = usage(customer, at).model("openai", model).build();
        return new RatedUsage(line.event(), line.period(), line.plan(), line.includedRequests(), line.overageRequests(),
                line.costMicrocents(), line.chargeMicrocents(), true, false);
    }

    private static ConsumerRecord<CustomerId, RatedBatch> record(CustomerId key, RatedBatch batch, long offset) {
        return new ConsumerRecord<>(Topics.USAGE_RATED_BATCHES.name(), 0, offset, key, batch);
    }
}
