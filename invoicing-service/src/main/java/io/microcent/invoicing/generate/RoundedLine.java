package io.microcent.invoicing.generate;

import io.microcent.model.money.Cents;

import java.util.Objects;

/** A line of a finalized invoice: the exact line, and what it is in cents. */
public record RoundedLine(InvoiceLine line, Cents amountCents) {

    public RoundedLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(amountCents, "amountCents");
    }
}
