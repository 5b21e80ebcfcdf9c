package io.microcent.model.price;

import java.time.Instant;
import java.util.Objects;

/**
 * A model's per-token prices from an instant on: usage whose event time is at or after
 * {@code effectiveFrom} (and before the next price's) is priced with it.
 *
 * @param provider    who charges this price, as the catalog names it (e.g. {@code openai}); may be {@code null}
 * @param longContext the long-request tier, {@code null} when the model has none
 */
public record ModelPrice(Instant effectiveFrom, String provider, TokenRates rates, LongContextTier longContext) {

    public ModelPrice {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rates, "rates");
    }
}
