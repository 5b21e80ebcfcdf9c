package io.microcent.rating.pricebook.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.ModelId;
import io.microcent.model.price.ModelPrice;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;
import io.microcent.rating.pricebook.litellm.InvalidCatalogException;
import io.microcent.rating.pricebook.litellm.LiteLlmCatalog;
import io.microcent.rating.pricebook.litellm.ParsedCatalog;
import io.microcent.rating.pricebook.unpriced.UnpricedModels;
import io.microcent.rating.pricebook.write.PriceBookPublisher.PublishException;
import io.microcent.rating.pricebook.write.PriceBookRepository;
import io.microcent.rating.pricebook.write.PriceBookWriter;
import io.microcent.rating.pricebook.write.StoredPrice;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The operator API of the price book (operator token required):
 * <ul>
 *   <li>{@code POST /v1/price-book/import[?effectiveFrom=…]}: a LiteLLM JSON catalog → counts;</li>
 *   <li>{@code PUT /v1/price-book/models/{model}}: one model's prices ({@link PriceOverrideRequest}) → the model;</li>
 *   <li>{@code GET /v1/price-book/models/{model}}: its current price and history;</li>
 *   <li>{@code GET /v1/price-book/models?search=&after=&limit=}: every model so, paged;</li>
 *   <li>{@code GET /v1/price-book/unpriced}: models that usage named without a price.</li>
 * </ul>
 * A model id may contain {@code /} ({@code azure/gpt-4o}): it is the rest of the path, unencoded.
 */
public final class PriceBookRoutes implements HttpRoutes {

    private static final String MODEL_PATH = "/v1/price-book/models/<model>";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private final OperatorAuth auth;
    private final DSLContext db;
    private final PriceBookRepository repository;
    private final PriceBookWriter writer;
    private final UnpricedModels unpriced;
    private final Clock clock;

    public PriceBookRoutes(OperatorAuth auth, DSLContext db, PriceBookRepository repository, PriceBookWriter writer,
                           UnpricedModels unpriced, Clock clock) {
        this.auth = auth;
        this.db = db;
        this.repository = repository;
        this.writer = writer;
        this.unpriced = unpriced;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/price-book/import", this::importCatalog);
        routes.get("/v1/price-book/models", this::models);
        routes.put(MODEL_PATH, this::override);
        routes.get(MODEL_PATH, this::model);
        routes.get("/v1/price-book/unpriced", this::unpriced);
    }

    private void importCatalog(Context ctx) {
        auth.require(ctx);
        Instant effectiveFrom = effectiveFrom(ctx);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "the request body is empty; send a LiteLLM JSON catalog");
        }
        ParsedCatalog catalog;
        try {
            catalog = LiteLlmCatalog.parse(body);
        } catch (InvalidCatalogException e) {
            throw e.syntax() ? new ApiException(ErrorCode.MALFORMED_JSON, e.getMessage())
                    : ApiException.invalid("body", "not_a_catalog", e.getMessage());
        }
        ctx.json(published(() -> writer.importCatalog(catalog, effectiveFrom)));
    }

    private void override(Context ctx) {
        auth.require(ctx);
        ModelId model = ModelId.of(ctx.pathParam("model"));
        PriceOverrideRequest request = JsonBodies.read(ctx, PriceOverrideRequest.class);
        ModelPrice price = request.toPrice(clock.instant());
        published(() -> writer.override(model, price));
        ctx.json(view(model));
    }

    private void model(Context ctx) {
        auth.require(ctx);
        ModelId model = ModelId.of(ctx.pathParam("model"));
        if (!repository.contains(db, model)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "the price book has no model " + model);
        }
        ctx.json(view(model));
    }

    /** Every model with its current price and history, in id order, paged ({@code after}, {@code next}) and searchable. */
    private void models(Context ctx) {
        auth.require(ctx);
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        String search = blankToNull(ctx.queryParam("search"));
        String after = blankToNull(ctx.queryParam("after"));
        List<ModelId> page = repository.models(db, search, after, limit + 1);
        boolean more = page.size() > limit;
        List<ModelId> shown = more ? page.subList(0, limit) : page;
        Map<ModelId, List<StoredPrice>> prices = repository.prices(db, shown);
        Instant now = clock.instant();
        List<ModelPricesView> models = shown.stream()
                .map(model -> ModelPricesView.of(model.raw(), prices.getOrDefault(model, List.of()), now)).toList();
        ctx.json(new ModelPage(models, more ? shown.getLast().raw() : null));
    }

    /** @param next the {@code after} of the next page; {@code null} on the last */
    record ModelPage(List<ModelPricesView> models, String next) {
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private void unpriced(Context ctx) {
        auth.require(ctx);
        ctx.json(Map.of("models", unpriced.list(db)));
    }

    private ModelPricesView view(ModelId model) {
        List<StoredPrice> prices = repository.prices(db, model);
        return ModelPricesView.of(model.raw(), prices, clock.instant());
    }

    private Instant effectiveFrom(Context ctx) {
        String raw = ctx.queryParam("effectiveFrom");
        if (raw == null || raw.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("effectiveFrom", "effectiveFrom must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }

    /** A change saved in the database whose publication failed: rating is not told yet, so the caller retries. */
    private static <T> T published(Supplier<T> change) {
        try {
            return change.get();
        } catch (PublishException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "the price book was saved but rating could not be told (Kafka); send the same request again");
        }
    }
}
