package io.microcent.invoicing.generate;

/**
 * How often a subscription's base fee is invoiced. Usage is invoiced every month either way.
 */
public enum BillingInterval {
    /** The month's fee on the month's invoice, in arrears. */
    MONTH,
    /** Twelve months' fee in advance, on the first invoice of each billing year. */
    YEAR;

    /** Months a base fee pays for. */
    public int months() {
        return this == MONTH ? 1 : 12;
    }
}
