package io.microcent.caps.authorize;

import io.microcent.caps.spend.PeriodMeters;
import io.microcent.caps.spend.ScopeSpend;
import io.microcent.caps.spend.SpendTopology;
import io.microcent.model.caps.CapDefinition;
import io.microcent.model.caps.CustomerCaps;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.PriceHistories;
import io.microcent.model.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;

import java.util.List;
import java.util.Optional;

/**
 * What decisions read of the caps topology's state: a customer's caps, the rated spend a cap counts, the plan's
 * meters of a period, the price book. Read from the stores on every decision, so a decision always sees the
 * state as it is now, but each value is decoded only when its bytes changed ({@link DecodedOnChange}): at
 * thousands of decisions a second for the same few customers, decoding the same JSON again was most of a
 * decision's work.
 *
 * <p>The serdes are the ones {@link SpendTopology} builds these stores with (its constants and the topics'), so
 * the two cannot drift apart (the topology tests read the stores through this).
 */
public final class CapsReads {

    /** Remembered values per store: customers (caps), their scopes and periods (spend, meters), models (prices). */
    private static final long MAX_REMEMBERED = 100_000;

    private final StoreBytes stores;
    private final DecodedOnChange<CustomerId, CustomerCaps> definitions = new DecodedOnChange<>(SpendTopology.DEFINITIONS_STORE,
            Topics.CAPS_DEFINITIONS.keySerde().serializer(), Topics.CAPS_DEFINITIONS.valueSerde().deserializer(), MAX_REMEMBERED);
    private final DecodedOnChange<String, ScopeSpend> spend = new DecodedOnChange<>(SpendTopology.SCOPE_SPEND_STORE,
            Serdes.String().serializer(), SpendTopology.SCOPE_SPEND_VALUES.deserializer(), MAX_REMEMBERED);
    private final DecodedOnChange<String, PeriodMeters> meters = new DecodedOnChange<>(SpendTopology.METERS_STORE,
            Serdes.String().serializer(), SpendTopology.METERS_VALUES.deserializer(), MAX_REMEMBERED);
    private final DecodedOnChange<ModelId, ModelPriceHistory> prices = new DecodedOnChange<>(SpendTopology.PRICE_BOOK_STORE,
            Topics.PRICE_BOOK.keySerde().serializer(), Topics.PRICE_BOOK.valueSerde().deserializer(), MAX_REMEMBERED);

    public CapsReads(StoreBytes stores) {
        this.stores = stores;
    }

    /** The customer's caps; none when it has none. */
    List<CapDefinition> capsOf(CustomerId customer) {
        CustomerCaps caps = definitions.get(customer, key -> stores.ofCustomer(SpendTopology.DEFINITIONS_STORE, customer, key));
        return caps == null ? List.of() : caps.caps();
    }

    /** The rated spend under a key of the scope spend store (see {@code SpendKeys}); nothing when none. */
    ScopeSpend spend(CustomerId customer, String key) {
        return ScopeSpend.orNone(spend.get(key, bytes -> stores.ofCustomer(SpendTopology.SCOPE_SPEND_STORE, customer, bytes)));
    }

    /** The plan's meters under a key of the meters store ({@code SpendState.keyOf}); none before any usage. */
    PeriodMeters meters(CustomerId customer, String key) {
        return PeriodMeters.orNone(meters.get(key, bytes -> stores.ofCustomer(SpendTopology.METERS_STORE, customer, bytes)));
    }

    /** The price book as held now (the global store). */
    public PriceHistories priceBook() {
        return model -> Optional.ofNullable(prices.get(model, key -> stores.ofGlobal(SpendTopology.PRICE_BOOK_STORE, key)));
    }
}
