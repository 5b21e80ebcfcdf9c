package io.microcent.model.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The plan charges each event's provider cost (from the price book) plus a markup, e.g. {@code 0.20}
 * for cost × 1.20: how credit-funded customers pay for tokens.
 *
 * @param markup the fraction added to the cost; zero passes the cost through unchanged
 */
public record TokenPassThrough(BigDecimal markup) {

    public TokenPassThrough {
        Objects.requireNonNull(markup, "markup");
        if (markup.signum() < 0) {
            throw new IllegalArgumentException("markup cannot be negative, got " + markup.toPlainString());
        }
    }

    /** What the cost is multiplied by: 1 + markup. */
    public BigDecimal factor() {
        return BigDecimal.ONE.add(markup);
    }
}
