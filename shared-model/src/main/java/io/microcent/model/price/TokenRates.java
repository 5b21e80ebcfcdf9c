package io.microcent.model.price;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.microcent.model.money.Rate;

/**
 * A model's price per token of each type, exact ({@link Rate} in microcents per token). A {@code null}
 * rate means the catalog gives no price for that token type; rating decides what applies then.
 *
 * @param input      uncached input (prompt) tokens
 * @param output     output (completion) tokens, reasoning included
 * @param cacheRead  input tokens read from the provider's prompt cache
 * @param cacheWrite input tokens written to the provider's prompt cache
 */
public record TokenRates(Rate input, Rate output, Rate cacheRead, Rate cacheWrite) {

    /** True when not one token type has a price. Not a property of the contract, so not written to JSON. */
    @JsonIgnore
    public boolean isEmpty() {
        return input == null && output == null && cacheRead == null && cacheWrite == null;
    }
}
