package io.microcent.rating.rerate;

import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPriceHistory;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.pricebook.write.PriceBookRepository;
import org.jooq.DSLContext;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The price book as PostgreSQL holds it now: the book an operator just changed, even before the topology's
 * copy (from {@code price.book}) has caught up. Each model's history is read once, when a replayed event
 * first needs it, and kept for the rest of the job so that all its events see the same prices.
 */
final class CurrentPriceBook implements PriceBook {

    private final DSLContext db;
    private final PriceBookRepository repository;
    private final Map<ModelId, Optional<ModelPriceHistory>> read = new ConcurrentHashMap<>();

    CurrentPriceBook(DSLContext db, PriceBookRepository repository) {
        this.db = db;
        this.repository = repository;
    }

    @Override
    public Optional<ModelPriceHistory> history(ModelId key) {
        return read.computeIfAbsent(key, model -> repository.history(db, model));
    }
}
