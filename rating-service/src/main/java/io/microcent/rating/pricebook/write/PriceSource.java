package io.microcent.rating.pricebook.write;

import java.util.Locale;

/** Where a stored price came from. */
public enum PriceSource {
    /** A LiteLLM catalog imported through {@code POST /v1/price-book/import}. */
    IMPORT,
    /** One model's prices set by an operator through {@code PUT /v1/price-book/models/{model}}. */
    OVERRIDE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PriceSource ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
