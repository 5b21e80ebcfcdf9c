package io.microcent.rating.pricebook.write;

import io.microcent.model.id.ModelId;
import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.model.price.TokenRates;
import io.microcent.rating.db.tables.records.ModelPricesRecord;
import org.jooq.DSLContext;
import org.jooq.Query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.microcent.rating.db.Tables.MODEL_PRICES;
import static io.microcent.rating.db.Tables.PRICE_BOOK_DEFAULTS;
import static io.microcent.rating.db.Tables.PRICE_BOOK_MODELS;

/**
 * The price book in {@code rating.price_book_models} and {@code rating.model_prices}. Prices are stored
 * as exact dollars per token (NUMERIC); {@code null} stays {@code null} ("no price for this type").
 */
public final class PriceBookRepository {

    /** Adds the models the book does not have yet. */
    public void addModels(DSLContext tx, Collection<ModelId> models, Instant now) {
        List<Query> inserts = models.stream().<Query>map(model -> tx.insertInto(PRICE_BOOK_MODELS)
                        .set(PRICE_BOOK_MODELS.MODEL, model.raw())
                        .set(PRICE_BOOK_MODELS.CREATED_AT, utc(now))
                        .onConflictDoNothing())
                .toList();
        tx.batch(inserts).execute();
    }

    /**
     * Locks the models' rows until the transaction ends, in key order so that two writers never deadlock.
     * A writer holds them while it publishes, so a model's histories reach the topic in commit order.
     */
    public void lock(DSLContext tx, Collection<ModelId> models) {
        tx.select(PRICE_BOOK_MODELS.MODEL).from(PRICE_BOOK_MODELS)
                .where(PRICE_BOOK_MODELS.MODEL.in(raw(models)))
                .orderBy(PRICE_BOOK_MODELS.MODEL)
                .forUpdate()
                .fetch();
    }

    /** Records a price; one already stored for the same model and instant is replaced. */
    public void save(DSLContext tx, ModelId model, StoredPrice stored) {
        upsert(tx, model, stored).execute();
    }

    /** {@link #save} of many prices in one round trip: a whole catalog is thousands of them. */
    public void saveAll(DSLContext tx, Map<ModelId, StoredPrice> prices) {
        if (!prices.isEmpty()) {
            tx.batch(prices.entrySet().stream().map(price -> upsert(tx, price.getKey(), price.getValue())).toList()).execute();
        }
    }

    private static Query upsert(DSLContext tx, ModelId model, StoredPrice stored) {
        ModelPricesRecord row = toRecord(tx, model, stored);
        return tx.insertInto(MODEL_PRICES).set(row)
                .onConflict(MODEL_PRICES.MODEL, MODEL_PRICES.EFFECTIVE_FROM)
                .doUpdate().set(row);
    }

    /**
     * Records that the default price book is loaded, unless that was recorded before (or the book had models
     * before the record was kept): true only for the one transaction that should load it. A concurrent caller
     * waits here until that transaction ends.
     */
    public boolean markDefaultsLoaded(DSLContext tx, Instant now) {
        return tx.insertInto(PRICE_BOOK_DEFAULTS)
                .set(PRICE_BOOK_DEFAULTS.LOADED_AT, utc(now))
                .set(PRICE_BOOK_DEFAULTS.PRICES, 0)
                .onConflictDoNothing()
                .execute() == 1;
    }

    public void countDefaultsLoaded(DSLContext tx, int prices) {
        tx.update(PRICE_BOOK_DEFAULTS).set(PRICE_BOOK_DEFAULTS.PRICES, prices).execute();
    }

    public List<ModelId> allModels(DSLContext db) {
        return db.select(PRICE_BOOK_MODELS.MODEL).from(PRICE_BOOK_MODELS).orderBy(PRICE_BOOK_MODELS.MODEL)
                .fetch(row -> ModelId.of(row.value1()));
    }

    /**
     * Up to {@code limit} models in id order after {@code after} (null: from the first), whose id contains
     * {@code search} ignoring case (null: every model).
     */
    public List<ModelId> models(DSLContext db, String search, String after, int limit) {
        return db.select(PRICE_BOOK_MODELS.MODEL).from(PRICE_BOOK_MODELS)
                .where(search == null ? org.jooq.impl.DSL.noCondition() : PRICE_BOOK_MODELS.MODEL.containsIgnoreCase(search))
                .and(after == null ? org.jooq.impl.DSL.noCondition() : PRICE_BOOK_MODELS.MODEL.gt(after))
                .orderBy(PRICE_BOOK_MODELS.MODEL)
                .limit(limit)
                .fetch(row -> ModelId.of(row.value1()));
    }

    /** Every stored price of these models, oldest first per model, in one query. */
    public Map<ModelId, List<StoredPrice>> prices(DSLContext db, Collection<ModelId> models) {
        Map<ModelId, List<StoredPrice>> prices = new LinkedHashMap<>();
        db.selectFrom(MODEL_PRICES).where(MODEL_PRICES.MODEL.in(raw(models)))
                .orderBy(MODEL_PRICES.MODEL, MODEL_PRICES.EFFECTIVE_FROM)
                .forEach(row -> prices.computeIfAbsent(ModelId.of(row.getModel()), key -> new ArrayList<>()).add(toStored(row)));
        return prices;
    }

    /** Every stored price of the model, oldest first; empty when the book does not know it. */
    public List<StoredPrice> prices(DSLContext db, ModelId model) {
        return db.selectFrom(MODEL_PRICES).where(MODEL_PRICES.MODEL.eq(model.raw()))
                .orderBy(MODEL_PRICES.EFFECTIVE_FROM)
                .fetch(PriceBookRepository::toStored);
    }

    public boolean contains(DSLContext db, ModelId model) {
        return db.fetchExists(PRICE_BOOK_MODELS, PRICE_BOOK_MODELS.MODEL.eq(model.raw()));
    }

    /** The price histories of these models (those with at least one price). */
    public Map<ModelId, ModelPriceHistory> histories(DSLContext db, Collection<ModelId> models) {
        Map<ModelId, List<ModelPrice>> prices = new LinkedHashMap<>();
        db.selectFrom(MODEL_PRICES).where(MODEL_PRICES.MODEL.in(raw(models)))
                .orderBy(MODEL_PRICES.MODEL, MODEL_PRICES.EFFECTIVE_FROM)
                .forEach(row -> prices.computeIfAbsent(ModelId.of(row.getModel()), key -> new ArrayList<>())
                        .add(toStored(row).price()));
        Map<ModelId, ModelPriceHistory> histories = new LinkedHashMap<>();
        prices.forEach((model, list) -> histories.put(model, new ModelPriceHistory(model, list)));
        return histories;
    }

    public Optional<ModelPriceHistory> history(DSLContext db, ModelId model) {
        return Optional.ofNullable(histories(db, List.of(model)).get(model));
    }

    private static ModelPricesRecord toRecord(DSLContext tx, ModelId model, StoredPrice stored) {
        ModelPrice price = stored.price();
        ModelPricesRecord row = tx.newRecord(MODEL_PRICES);
        row.setModel(model.raw());
        row.setEffectiveFrom(utc(price.effectiveFrom()));
        row.setProvider(price.provider());
        row.setInputPerToken(dollars(price.rates().input()));
        row.setOutputPerToken(dollars(price.rates().output()));
        row.setCacheReadPerToken(dollars(price.rates().cacheRead()));
        row.setCacheWritePerToken(dollars(price.rates().cacheWrite()));
        LongContextTier tier = price.longContext();
        if (tier != null) {
            row.setLongContextAboveTokens(tier.aboveInputTokens());
            row.setLongInputPerToken(dollars(tier.rates().input()));
            row.setLongOutputPerToken(dollars(tier.rates().output()));
            row.setLongCacheReadPerToken(dollars(tier.rates().cacheRead()));
            row.setLongCacheWritePerToken(dollars(tier.rates().cacheWrite()));
        }
        row.setSource(stored.source().code());
        row.setRecordedAt(utc(stored.recordedAt()));
        return row;
    }

    private static StoredPrice toStored(ModelPricesRecord row) {
        TokenRates rates = new TokenRates(rate(row.getInputPerToken()), rate(row.getOutputPerToken()),
                rate(row.getCacheReadPerToken()), rate(row.getCacheWritePerToken()));
        LongContextTier tier = row.getLongContextAboveTokens() == null ? null
                : new LongContextTier(row.getLongContextAboveTokens(), new TokenRates(rate(row.getLongInputPerToken()),
                rate(row.getLongOutputPerToken()), rate(row.getLongCacheReadPerToken()), rate(row.getLongCacheWritePerToken())));
        ModelPrice price = new ModelPrice(row.getEffectiveFrom().toInstant(), row.getProvider(), rates, tier);
        return new StoredPrice(price, PriceSource.ofCode(row.getSource()), row.getRecordedAt().toInstant());
    }

    private static BigDecimal dollars(Rate rate) {
        return rate == null ? null : rate.dollarsPerUnit();
    }

    private static Rate rate(BigDecimal dollarsPerToken) {
        return dollarsPerToken == null ? null : Rate.ofDollars(dollarsPerToken);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<String> raw(Collection<ModelId> models) {
        return models.stream().map(ModelId::raw).toList();
    }
}
