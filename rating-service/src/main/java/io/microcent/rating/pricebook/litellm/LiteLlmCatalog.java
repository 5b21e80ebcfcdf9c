package io.microcent.rating.pricebook.litellm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.microcent.model.id.InvalidIdException;
import io.microcent.model.id.ModelId;
import io.microcent.model.json.Json;
import io.microcent.model.json.JsonReadFailure;
import io.microcent.model.money.Rate;
import io.microcent.model.price.LongContextTier;
import io.microcent.model.price.TokenRates;
import io.microcent.rating.pricebook.DollarsPerToken;
import io.microcent.rating.pricebook.DollarsPerToken.InvalidPriceException;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a price catalog in LiteLLM's {@code model_prices_and_context_window.json} format: an object of
 * models, each with US dollars per token as JSON numbers ({@code "input_cost_per_token": 2.5e-06}).
 *
 * <p>Numbers are read as exact decimals from their text, never through a {@code double}, so
 * {@code 2.5e-06} becomes exactly 2.5 microcents per token. Read per model: input
 * ({@code input_cost_per_token}), output ({@code output_cost_per_token}), cache read
 * ({@code cache_read_input_token_cost}), cache write ({@code cache_creation_input_token_cost}) and the same
 * four with {@code _above_200k_tokens}. Other prices (batch, priority, flex, audio, images, per second,
 * one-hour cache writes) have no counterpart in a usage event and are ignored.
 *
 * <p>Skipped, with a reason: {@code sample_spec} (LiteLLM's documentation of the format), entries that are
 * not objects, keys that are not valid model ids, entries with no per-token price (priced per image or per
 * second), and entries with a price that is not a non-negative number.
 */
public final class LiteLlmCatalog {

    /** LiteLLM's example entry documenting the format, not a model. */
    public static final String SAMPLE_SPEC = "sample_spec";

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private enum TokenType {
        INPUT("input_cost_per_token"),
        OUTPUT("output_cost_per_token"),
        CACHE_READ("cache_read_input_token_cost"),
        CACHE_WRITE("cache_creation_input_token_cost");

        final String field;

        TokenType(String field) {
            this.field = field;
        }

        String longContextField() {
            return field + "_above_200k_tokens";
        }
    }

    private LiteLlmCatalog() {
    }

    /** @throws InvalidCatalogException when the body is not a JSON object */
    public static ParsedCatalog parse(byte[] json) {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (IOException e) {
            throw InvalidCatalogException.notJson(JsonReadFailure.of(e).detail(), e);
        }
        if (root == null || !root.isObject()) {
            throw InvalidCatalogException.notACatalog("a LiteLLM catalog is a JSON object of models keyed by model id");
        }
        List<CatalogModel> models = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            try {
                models.add(model(entry.getKey(), entry.getValue()));
            } catch (SkipException e) {
                skipped.add(new SkippedEntry(entry.getKey(), e.getMessage()));
            }
        }
        return new ParsedCatalog(models, skipped);
    }

    private static CatalogModel model(String key, JsonNode entry) {
        if (SAMPLE_SPEC.equals(key)) {
            throw new SkipException("documents the format, not a model");
        }
        if (!entry.isObject()) {
            throw new SkipException("not an object");
        }
        ModelId id;
        try {
            id = ModelId.of(key);
        } catch (InvalidIdException e) {
            throw new SkipException("not a valid model id: " + e.reason());
        }
        TokenRates rates = new TokenRates(rate(entry, TokenType.INPUT.field), rate(entry, TokenType.OUTPUT.field),
                rate(entry, TokenType.CACHE_READ.field), rate(entry, TokenType.CACHE_WRITE.field));
        if (rates.isEmpty()) {
            throw new SkipException("no per-token price");
        }
        TokenRates longer = new TokenRates(rate(entry, TokenType.INPUT.longContextField()),
                rate(entry, TokenType.OUTPUT.longContextField()), rate(entry, TokenType.CACHE_READ.longContextField()),
                rate(entry, TokenType.CACHE_WRITE.longContextField()));
        LongContextTier longContext = longer.isEmpty() ? null : new LongContextTier(LongContextTier.ABOVE_200K, longer);
        return new CatalogModel(id, provider(key, entry), rates, longContext);
    }

    /** US dollars per token as an exact rate; {@code null} when the field is absent or JSON null. */
    private static Rate rate(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal dollars;
        if (value.isNumber()) {
            dollars = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                dollars = new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException e) {
                throw new SkipException(field + " is not a number");
            }
        } else {
            throw new SkipException(field + " is not a number");
        }
        try {
            return DollarsPerToken.rate(dollars);
        } catch (InvalidPriceException e) {
            throw new SkipException(field + " " + e.getMessage());
        }
    }

    private static String provider(String key, JsonNode entry) {
        JsonNode provider = entry.get("litellm_provider");
        if (provider != null && provider.isTextual() && !provider.textValue().isBlank()) {
            return provider.textValue().strip();
        }
        int slash = key.indexOf('/');
        return slash > 0 ? key.substring(0, slash) : null;
    }

    /** Leaves one entry out of the import; never escapes {@link #parse}. */
    private static final class SkipException extends RuntimeException {
        SkipException(String reason) {
            super(reason, null, false, false);
        }
    }
}
