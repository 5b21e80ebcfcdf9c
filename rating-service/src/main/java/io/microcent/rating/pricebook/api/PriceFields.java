package io.microcent.rating.pricebook.api;

import io.microcent.model.error.FieldError;
import io.microcent.model.money.Rate;
import io.microcent.model.price.TokenRates;
import io.microcent.rating.pricebook.DollarsPerToken;
import io.microcent.rating.pricebook.DollarsPerToken.InvalidPriceException;

import java.math.BigDecimal;
import java.util.List;

/**
 * The four per-token prices as the API writes them: decimal strings of US dollars per token
 * ({@code "0.0000025"}), each optional. Parsed as exact decimals; a JSON number is accepted too and read
 * from its text, never through a {@code double}.
 */
public record PriceFields(String inputPerToken, String outputPerToken, String cacheReadPerToken, String cacheWritePerToken) {

    public static PriceFields of(TokenRates rates) {
        return new PriceFields(text(rates.input()), text(rates.output()), text(rates.cacheRead()), text(rates.cacheWrite()));
    }

    /** The rates, adding a field error (under {@code prefix}) for each price that is not a non-negative decimal. */
    TokenRates toRates(String prefix, List<FieldError> errors) {
        return new TokenRates(
                rate(prefix + "inputPerToken", inputPerToken, errors),
                rate(prefix + "outputPerToken", outputPerToken, errors),
                rate(prefix + "cacheReadPerToken", cacheReadPerToken, errors),
                rate(prefix + "cacheWritePerToken", cacheWritePerToken, errors));
    }

    private static Rate rate(String field, String dollars, List<FieldError> errors) {
        if (dollars == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(dollars.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "not_a_decimal", field + " must be a decimal string of dollars per token, e.g. 0.0000025"));
            return null;
        }
        try {
            return DollarsPerToken.rate(value);
        } catch (InvalidPriceException e) {
            errors.add(FieldError.of(field, e.code(), field + " " + e.getMessage()));
            return null;
        }
    }

    private static String text(Rate rate) {
        return rate == null ? null : rate.dollarsPerUnit().toPlainString();
    }
}
