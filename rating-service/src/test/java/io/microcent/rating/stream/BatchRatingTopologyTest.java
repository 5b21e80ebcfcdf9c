package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetter;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A record of {@code usage.events} holds a batch of events of the customers of one partition: each event is
 * deduplicated and rated on its own, under its own customer's plan and totals, and the record's lines leave as
 * one rated batch; an event that cannot be rated is set aside alone.
 */
class BatchRatingTopologyTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final CustomerId ACME = CustomerId.of("acme");
    private static final CustomerId GLOBEX = CustomerId.of("globex");

    @TempDir
    Path stateDir;

    private RatingDriver rating;

    @BeforeEach
    void start() {
        rating = new RatingDriver(RatingRules.of(PlanCatalog.defaults()), stateDir, NOV_1);
        rating.onPlan(ACME, "starter", NOV_1); // 1,000 requests included, then $0.01 each
        rating.onPlan(GLOBEX, "growth", NOV_1); // 10,000 included, then $0.005 each
    }

    @AfterEach
    void stop() {
        rating.close();
    }

    @Test
    void aBatchOfTwoCustomersIsRatedEachUnderItsOwnPlanAndTotalsIntoOneRecord() {
        rating.sendBatch(event("a-1", ACME, 999), event("g-1", GLOBEX, 1_500), event("a-2", ACME, 2));

        List<TestRecord<CustomerId, RatedBatch>> records = rating.rated.readRecordsToList();

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(ACME);
            assertThat(record.value().lines()).extracting(line -> line.event().id().raw(), RatedUsage::plan,
                            RatedUsage::includedRequests, RatedUsage::overageRequests)
                    .containsExactly(tuple("a-1", PlanId.of("starter"), 999L, 0L),
                            tuple("g-1", PlanId.of("growth"), 1_500L, 0L),
                            tuple("a-2", PlanId.of("starter"), 1L, 1L));
        });
        // the totals of the batch were kept: the next record goes on from them, per customer
        rating.sendBatch(event("g-2", GLOBEX, 8_501), event("a-3", ACME, 1));
        assertThat(rating.rated.readValuesToList()).extracting(RatedUsage::includedRequests, RatedUsage::overageRequests)
                .containsExactly(tuple(8_500L, 1L), tuple(0L, 1L));
    }

    @Test
    void aRepeatWithinABatchAndAcrossBatchesIsDroppedButTheSameIdOfAnotherCustomerIsNot() {
        UsageEvent first = event("e-1", ACME, 600);
        rating.sendBatch(first, event("e-2", ACME, 300), first, event("e-1", GLOBEX, 1));
        rating.sendBatch(event("e-2", ACME, 300), event("e-3", ACME, 200));

        List<TestRecord<CustomerId, RatedBatch>> records = rating.rated.readRecordsToList();

        assertThat(records).extracting(record -> record.value().lines().stream()
                        .map(line -> line.event().customer().raw() + "/" + line.event().id().raw()).toList())
                .containsExactly(List.of("acme/e-1", "acme/e-2", "globex/e-1"), List.of("acme/e-3"));
        assertThat(records.get(1).value().lines().getFirst()).as("the repeats counted nothing: 600 + 300 + 200")
                .extracting(RatedUsage::includedRequests, RatedUsage::overageRequests).containsExactly(100L, 100L);
        assertThat(rating.droppedDuplicates()).isEqualTo(2.0);
    }

    @Test
    void aRecordWhoseFirstEventsAreDroppedIsKeyedByItsFirstLinesCustomer() {
        rating.sendBatch(event("e-1", ACME, 1));
        rating.rated.readValuesToList();

        rating.sendBatch(event("e-1", ACME, 1), event("g-1", GLOBEX, 1));

        assertThat(rating.rated.readRecord().key()).isEqualTo(GLOBEX);
        assertThat(rating.rated.isEmpty()).isTrue();
    }

    @Test
    void aBatchOfOnlyRepeatsWritesNothing() {
        UsageEvent event = event("e-1", ACME, 1);
        rating.sendBatch(event);
        rating.rated.readValuesToList();

        rating.sendBatch(event, event);

        assertThat(rating.rated.isEmpty()).isTrue();
        assertThat(rating.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aBadEventOfABatchIsSetAsideAloneWithItsReasonAndTheRestIsRated() {
        CustomerId stranger = CustomerId.of("stranger");
        UsageEvent unknown = event("s-1", stranger, 1);
        UsageEvent negative = event("a-bad", ACME, -1);
        rating.sendBatch(event("a-1", ACME, 1), unknown, negative, event("a-2", ACME, 1));

        List<TestRecord<CustomerId, UsageEvent>> dead = rating.deadLetters.readRecordsToList();

        assertThat(dead).extracting(TestRecord::key, TestRecord::value, record -> DeadLetter.header(record.headers(), DeadLetter.REASON),
                        record -> DeadLetter.header(record.headers(), DeadLetter.CUSTOMER),
                        record -> DeadLetter.header(record.headers(), DeadLetter.SOURCE_OFFSET))
                .containsExactly(tuple(stranger, unknown, "customer_unknown", "stranger", "0"),
                        tuple(ACME, negative, "quantity_negative", "acme", "0"));
        assertThat(rating.rated.readValuesToList()).extracting(line -> line.event().id().raw(), RatedUsage::includedRequests)
                .containsExactly(tuple("a-1", 1L), tuple("a-2", 1L));
    }

    @Test
    void onlyTheFirstEventOfABatchMustBeTheRecordKeysCustomer() {
        rating.sendUnder(ACME, event("g-1", GLOBEX, 1), event("a-1", ACME, 1), event("g-2", GLOBEX, 1));

        TestRecord<CustomerId, UsageEvent> dead = rating.deadLetters.readRecord();
        assertThat(DeadLetter.header(dead.headers(), DeadLetter.REASON)).isEqualTo("customer_key_mismatch");
        assertThat(dead.key()).as("the key it came under").isEqualTo(ACME);
        assertThat(dead.value().id()).isEqualTo(EventId.of("g-1"));
        assertThat(rating.rated.readValuesToList()).extracting(line -> line.event().id().raw()).containsExactly("a-1", "g-2");
    }

    private static UsageEvent event(String id, CustomerId customer, long requests) {
        Instant at = NOV_1.plusSeconds(60);
        return new UsageEvent(UsageEvent.SCHEMA_VERSION, EventId.of(id), customer, at, at, null, null, null, null, null,
                null, null, requests, 0, 0, 0, 0);
    }
}
