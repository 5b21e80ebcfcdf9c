package io.microcent.rating.pricebook;

import io.microcent.model.money.Rate;

import java.math.BigDecimal;

/**
 * What a per-token price may be, wherever it comes from (a catalog, the API): a non-negative decimal of
 * US dollars with at most {@value #MAX_DECIMALS} decimal places. Real prices have about a dozen
 * ({@code 0.0000025}); the bound keeps a typo like {@code 1e-999999} out of the database.
 */
public final class DollarsPerToken {

    public static final int MAX_DECIMALS = 30;

    private DollarsPerToken() {
    }

    /** The exact rate; throws {@link InvalidPriceException} naming what is wrong. */
    public static Rate rate(BigDecimal dollars) {
        if (dollars.signum() < 0) {
            throw new InvalidPriceException("negative", "cannot be negative");
        }
        if (dollars.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new InvalidPriceException("too_precise", "has more than " + MAX_DECIMALS + " decimal places");
        }
        return Rate.ofDollars(dollars);
    }

    /** @param code a stable reason code; the message completes "&lt;field&gt; …" */
    public static final class InvalidPriceException extends IllegalArgumentException {

        private final String code;

        InvalidPriceException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
