package io.microcent.rating.pricebook.write;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPrice;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.rating.pricebook.litellm.CatalogModel;
import io.microcent.rating.pricebook.litellm.ParsedCatalog;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Changes the price book: each change commits in PostgreSQL first, then the changed models' full
 * histories are published to {@code price.book} for the rating topology. Publishing reads the histories
 * again while holding the models' rows locked, so whatever order concurrent writers (on any instance)
 * commit in, the last history published for a model is its latest one. A failed publish leaves the
 * database right and the topic behind until the next change of that model or the next start
 * ({@link #republishAll}).
 */
public final class PriceBookWriter {

    private static final Logger log = LoggerFactory.getLogger(PriceBookWriter.class);

    private final DSLContext db;
    private final PriceBookRepository repository;
    private final PriceBookPublisher publisher;
    private final Clock clock;

    public PriceBookWriter(DSLContext db, PriceBookRepository repository, PriceBookPublisher publisher, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records every model of the catalog at {@code effectiveFrom}, except those whose price in effect then
     * is already exactly the catalog's, and publishes all the catalog's models.
     */
    public ImportSummary importCatalog(ParsedCatalog catalog, Instant effectiveFrom) {
        Instant from = storable(effectiveFrom);
        List<ModelId> models = modelsOf(catalog);
        int imported = db.transactionResult(config -> record(config.dsl(), catalog, from, clock.instant()));
        log.info("imported a price catalog effective from {}: {} new prices, {} unchanged, {} entries skipped",
                from, imported, models.size() - imported, catalog.skipped().size());
        publishLatest(models);
        return new ImportSummary(from, imported, models.size() - imported, catalog.skipped());
    }

    /**
     * Imports the default catalog at {@code effectiveFrom} if the price book was never initialised (no
     * default loaded before, and no models from before that was recorded), in the same transaction as the
     * record that it is, so it happens once whatever the operator changes later. Does not publish:
     * {@link #republishAll} follows at start.
     *
     * @return whether the catalog was loaded
     */
    public boolean loadDefaultsOnce(Supplier<ParsedCatalog> catalog, Instant effectiveFrom) {
        Instant from = storable(effectiveFrom);
        long startedAt = System.nanoTime();
        Integer recorded = db.transactionResult(config -> {
            DSLContext tx = config.dsl();
            Instant now = clock.instant();
            if (!repository.markDefaultsLoaded(tx, now)) {
                return null;
            }
            int prices = record(tx, catalog.get(), from, now);
            repository.countDefaultsLoaded(tx, prices);
            return prices;
        });
        if (recorded == null) {
            return false;
        }
        log.info("loaded the default price book: {} prices effective from {} in {} ms", recorded, from,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return true;
    }

    /** Records the catalog's prices that differ from those in effect at {@code from}; returns how many. */
    private int record(DSLContext tx, ParsedCatalog catalog, Instant from, Instant now) {
        List<ModelId> models = modelsOf(catalog);
        repository.addModels(tx, models, now);
        Map<ModelId, ModelPriceHistory> before = repository.histories(tx, models);
        Map<ModelId, StoredPrice> changed = new LinkedHashMap<>();
        for (CatalogModel model : catalog.models()) {
            ModelPrice price = model.effectiveFrom(from);
            ModelPriceHistory history = before.get(model.key());
            if (history == null || !history.priceAt(from).map(current -> samePrice(current, price)).orElse(false)) {
                changed.put(model.key(), new StoredPrice(price, PriceSource.IMPORT, now));
            }
        }
        repository.saveAll(tx, changed);
        return changed.size();
    }

    private static List<ModelId> modelsOf(ParsedCatalog catalog) {
        return catalog.models().stream().map(CatalogModel::key).distinct().toList();
    }

    /** Sets one model's price from {@code price.effectiveFrom()}, replacing one set for that same instant. */
    public ModelPrice override(ModelId model, ModelPrice price) {
        ModelPrice stored = new ModelPrice(storable(price.effectiveFrom()), price.provider(), price.rates(), price.longContext());
        Instant now = clock.instant();
        db.transaction(config -> {
            repository.addModels(config.dsl(), List.of(model), now);
            repository.save(config.dsl(), model, new StoredPrice(stored, PriceSource.OVERRIDE, now));
        });
        log.info("price of {} set from {}", model, stored.effectiveFrom());
        publishLatest(List.of(model));
        return stored;
    }

    /** Publishes every model's history again: at start, so the topic has whatever a failed publish left out. */
    public void republishAll() {
        List<ModelId> models = repository.allModels(db);
        publishLatest(models);
        log.info("published the price histories of {} models to price.book", models.size());
    }

    private void publishLatest(Collection<ModelId> models) {
        if (models.isEmpty()) {
            return;
        }
        db.transaction(config -> {
            repository.lock(config.dsl(), models);
            publisher.publish(repository.histories(config.dsl(), models).values());
        });
    }

    /** PostgreSQL keeps microseconds: the instant published must be the instant stored. */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean samePrice(ModelPrice a, ModelPrice b) {
        return Objects.equals(a.provider(), b.provider()) && a.rates().equals(b.rates())
                && Objects.equals(a.longContext(), b.longContext());
    }
}
