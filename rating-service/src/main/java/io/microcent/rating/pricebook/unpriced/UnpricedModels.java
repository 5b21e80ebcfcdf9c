package io.microcent.rating.pricebook.unpriced;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.db.Tables.UNPRICED_MODELS;
import static io.microcent.rating.db.Tables.UNPRICED_MODEL_CUSTOMERS;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

/** Reads {@code rating.unpriced_models}: what {@code GET /v1/price-book/unpriced} lists, most recently seen first. */
public final class UnpricedModels {

    /**
     * @param provider  as the events named it; absent when they named none
     * @param events    unpriced events of this model so far
     * @param firstSeen ingest time of the first one
     * @param lastSeen  ingest time of the latest one
     * @param customers who sent them, sorted
     */
    public record UnpricedModel(String model, String provider, long events, Instant firstSeen, Instant lastSeen,
                                List<String> customers) {
    }

    private record Key(String model, String provider) {
    }

    public List<UnpricedModel> list(DSLContext db) {
        Map<Key, List<String>> customers = db.selectFrom(UNPRICED_MODEL_CUSTOMERS)
                .orderBy(UNPRICED_MODEL_CUSTOMERS.CUSTOMER)
                .fetch().stream()
                .collect(groupingBy(row -> new Key(row.getModel(), row.getProvider()),
                        mapping(row -> row.getCustomer(), toList())));
        return db.selectFrom(UNPRICED_MODELS)
                .orderBy(UNPRICED_MODELS.LAST_SEEN.desc(), UNPRICED_MODELS.MODEL, UNPRICED_MODELS.PROVIDER)
                .fetch(row -> new UnpricedModel(row.getModel(), row.getProvider().isEmpty() ? null : row.getProvider(),
                        row.getEvents(), row.getFirstSeen().toInstant(), row.getLastSeen().toInstant(),
                        customers.getOrDefault(new Key(row.getModel(), row.getProvider()), List.of())));
    }
}
