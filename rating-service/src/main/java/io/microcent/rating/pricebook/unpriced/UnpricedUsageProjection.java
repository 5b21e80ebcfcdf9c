package io.microcent.rating.pricebook.unpriced;

import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.RatedBatch;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageEvent;
import io.microcent.platform.kafka.ProjectionRunner;
import io.microcent.platform.kafka.RatedLines;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.microcent.rating.db.Tables.UNPRICED_MODELS;
import static io.microcent.rating.db.Tables.UNPRICED_MODEL_CUSTOMERS;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;

/**
 * Keeps {@code rating.unpriced_models}: the models of {@code usage.rated} lines flagged {@code unpriced},
 * with how many events, when they were first and last ingested, and which customers sent them. Runs in
 * the {@link ProjectionRunner}'s transaction with the offsets, so every line counts exactly once. Lines
 * with tokens but no model at all are flagged on the topic but have no model to list here. A record is a
 * batch of lines, each of its own customer; a record of one line, as written before batches, is a batch of one.
 */
public final class UnpricedUsageProjection implements ProjectionRunner.Handler<CustomerId, RatedBatch> {

    public static final String NAME = "rating-unpriced-models";

    /** An event's provider as the table keys it: '' when none was sent. */
    static String providerKey(String provider) {
        return provider == null ? "" : provider;
    }

    private record ModelKey(String model, String provider) {
    }

    private record CustomerKey(ModelKey model, String customer) {
    }

    private record Seen(long events, Instant first, Instant last) {
        static Seen of(UsageEvent event) {
            return new Seen(1, event.ingestedAt(), event.ingestedAt());
        }

        Seen plus(Seen other) {
            return new Seen(events + other.events, first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    @Override
    public void apply(DSLContext tx, List<ConsumerRecord<CustomerId, RatedBatch>> records) {
        Map<ModelKey, Seen> models = new LinkedHashMap<>();
        Map<CustomerKey, Long> customers = new LinkedHashMap<>();
        for (RatedUsage rated : RatedLines.of(records)) {
            if (!rated.unpriced() || rated.event().model() == null) {
                continue;
            }
            UsageEvent event = rated.event();
            ModelKey model = new ModelKey(event.model().raw(), providerKey(event.provider()));
            models.merge(model, Seen.of(event), Seen::plus);
            customers.merge(new CustomerKey(model, event.customer().raw()), 1L, Long::sum);
        }
        if (models.isEmpty()) {
            return;
        }
        List<Query> upserts = new ArrayList<>();
        models.forEach((model, seen) -> upserts.add(addModel(tx, model, seen)));
        customers.forEach((customer, events) -> upserts.add(addCustomer(tx, customer, events)));
        tx.batch(upserts).execute();
    }

    private static Query addModel(DSLContext tx, ModelKey model, Seen seen) {
        return tx.insertInto(UNPRICED_MODELS)
                .set(UNPRICED_MODELS.MODEL, model.model())
                .set(UNPRICED_MODELS.PROVIDER, model.provider())
                .set(UNPRICED_MODELS.EVENTS, seen.events())
                .set(UNPRICED_MODELS.FIRST_SEEN, seen.first().atOffset(ZoneOffset.UTC))
                .set(UNPRICED_MODELS.LAST_SEEN, seen.last().atOffset(ZoneOffset.UTC))
                .onConflict(UNPRICED_MODELS.MODEL, UNPRICED_MODELS.PROVIDER)
                .doUpdate()
                .set(UNPRICED_MODELS.EVENTS, UNPRICED_MODELS.EVENTS.plus(excluded(UNPRICED_MODELS.EVENTS)))
                .set(UNPRICED_MODELS.FIRST_SEEN, least(UNPRICED_MODELS.FIRST_SEEN, excluded(UNPRICED_MODELS.FIRST_SEEN)))
                .set(UNPRICED_MODELS.LAST_SEEN, greatest(UNPRICED_MODELS.LAST_SEEN, excluded(UNPRICED_MODELS.LAST_SEEN)));
    }

    private static Query addCustomer(DSLContext tx, CustomerKey customer, long events) {
        return tx.insertInto(UNPRICED_MODEL_CUSTOMERS)
                .set(UNPRICED_MODEL_CUSTOMERS.MODEL, customer.model().model())
                .set(UNPRICED_MODEL_CUSTOMERS.PROVIDER, customer.model().provider())
                .set(UNPRICED_MODEL_CUSTOMERS.CUSTOMER, customer.customer())
                .set(UNPRICED_MODEL_CUSTOMERS.EVENTS, events)
                .onConflict(UNPRICED_MODEL_CUSTOMERS.MODEL, UNPRICED_MODEL_CUSTOMERS.PROVIDER, UNPRICED_MODEL_CUSTOMERS.CUSTOMER)
                .doUpdate()
                .set(UNPRICED_MODEL_CUSTOMERS.EVENTS, UNPRICED_MODEL_CUSTOMERS.EVENTS.plus(excluded(UNPRICED_MODEL_CUSTOMERS.EVENTS)));
    }
}
