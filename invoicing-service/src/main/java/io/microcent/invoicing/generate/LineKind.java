package io.microcent.invoicing.generate;

import java.util.Locale;

/** What an invoice line is for. */
public enum LineKind {
    /** A plan's base fee for a fee term (a month in arrears, or a billing year in advance). */
    BASE_FEE,
    /** One charge of the plan for the invoice's period, as rated. */
    USAGE,
    /** A plan change within a fee term: a credit for the old plan's unused time, a charge for the new one's. */
    PRORATION,
    /** A coupon's reduction of the subtotal; always negative. */
    DISCOUNT,
    /** Usage of an earlier period that no finalized invoice billed yet (or billed differently): the difference. */
    ADJUSTMENT;

    /** The name on an invoice, e.g. {@code base_fee}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a coupon takes from this kind of line: base fees and usage (prorations are base fees). */
    boolean isDiscountable() {
        return this == BASE_FEE || this == USAGE || this == PRORATION;
    }
}
