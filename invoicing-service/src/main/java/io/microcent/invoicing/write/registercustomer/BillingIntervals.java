package io.microcent.invoicing.write.registercustomer;

import io.microcent.invoicing.generate.BillingInterval;

import java.util.Locale;

/** {@link BillingInterval}s as the API spells them: {@code month}, {@code year}. */
public final class BillingIntervals {

    private BillingIntervals() {
    }

    public static BillingInterval parse(String raw) {
        return switch (raw) {
            case "month" -> BillingInterval.MONTH;
            case "year" -> BillingInterval.YEAR;
            default -> throw new IllegalArgumentException("billingInterval must be month or year");
        };
    }

    public static String json(BillingInterval interval) {
        return interval.name().toLowerCase(Locale.ROOT);
    }
}
