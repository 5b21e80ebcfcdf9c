package io.microcent.ingest.dedup;

import io.microcent.ingest.IngestService;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.EventId;
import io.microcent.platform.service.ServiceContext;
import io.microcent.platform.test.TestContexts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.microcent.ingest.db.Tables.SEEN_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

class SeenEventsStoreTest {

    private static ServiceContext context;
    private static SeenEventsStore store;

    @BeforeAll
    static void migrate() {
        context = TestContexts.forService("ingest-dedup-store");
        context.database().migrate(IngestService.SCHEMA);
        store = new SeenEventsStore(context.database().dsl());
    }

    @Test
    void onlyTheExactCustomerAndIdPairsRecordedAreSeen() {
        CustomerId acme = newCustomer();
        CustomerId globex = newCustomer();
        store.record(List.of(key(acme, "e-1"), key(acme, "e-2"), key(globex, "e-3")), Instant.now());

        // crossed pairs (acme/e-3, globex/e-1) share a customer and an id with recorded keys, but are not recorded
        assertThat(store.alreadySeen(List.of(key(acme, "e-1"), key(acme, "e-3"), key(globex, "e-1"), key(globex, "e-3"),
                key(globex, "e-9")))).containsExactlyInAnyOrder(key(acme, "e-1"), key(globex, "e-3"));
        assertThat(store.alreadySeen(List.of())).isEmpty();
    }

    @Test
    void recordingAgainKeepsTheFirstTime() {
        CustomerId acme = newCustomer();
        Instant first = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
        store.record(List.of(key(acme, "e-1")), first);

        store.record(List.of(key(acme, "e-1"), key(acme, "e-2")), Instant.now());

        assertThat(context.database().dsl().selectFrom(SEEN_EVENTS).where(SEEN_EVENTS.CUSTOMER.eq(acme.raw()))
                .orderBy(SEEN_EVENTS.EVENT_ID).fetch(row -> row.getFirstSeenAt().toInstant()))
                .hasSize(2).first().isEqualTo(first);
    }

    @Test
    void thePurgeDeletesOnlyRecordsOlderThanTheRetention() {
        CustomerId acme = newCustomer();
        Instant now = Instant.now();
        store.record(List.of(key(acme, "41-days")), now.minus(Duration.ofDays(41)));
        store.record(List.of(key(acme, "39-days")), now.minus(Duration.ofDays(39)));

        try (SeenEventsPurge purge = new SeenEventsPurge(store, Duration.ofDays(40), context.clock())) {
            assertThat(purge.purgeOnce()).isGreaterThanOrEqualTo(1);
        }

        assertThat(store.alreadySeen(List.of(key(acme, "41-days"), key(acme, "39-days"))))
                .containsExactly(key(acme, "39-days"));
    }

    private static EventKey key(CustomerId customer, String id) {
        return new EventKey(customer, EventId.of(id));
    }

    private static CustomerId newCustomer() {
        return CustomerId.of("acme-" + UUID.randomUUID());
    }
}
