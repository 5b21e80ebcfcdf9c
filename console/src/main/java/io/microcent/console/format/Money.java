package io.microcent.console.format;

import io.microcent.model.money.Microcents;

import java.math.BigDecimal;

/**
 * An amount as people read it: dollars to the cent, converted from exact microcents (the services' unit),
 * with the exact figure kept for a hover title and for {@code data-microcents}, so nothing shown is the only
 * copy of a rounded number. Rounding to the cent is {@link Microcents#toDisplayDollars()}, the one rule.
 */
public record Money(long microcents) {

    public static Money of(long microcents) {
        return new Money(microcents);
    }

    /** {@code $1,234.57}; a non-zero amount under a cent is {@code <$0.01} rather than a misleading {@code $0.00}. */
    public String display() {
        String plain = Microcents.of(microcents).toDisplayDollars();
        if (microcents != 0 && plain.endsWith("$0.00")) {
            return microcents < 0 ? "-<$0.01" : "<$0.01";
        }
        boolean negative = plain.startsWith("-");
        BigDecimal dollars = new BigDecimal(plain.substring(negative ? 2 : 1));
        return (negative ? "-$" : "$") + String.format(java.util.Locale.ROOT, "%,.2f", dollars);
    }

    /** {@code 12,345,678 µ¢ = $12.345678}: every microcent. */
    public String exact() {
        return String.format(java.util.Locale.ROOT, "%,d µ¢ = $%s", microcents, Microcents.of(microcents).toDollars().stripTrailingZeros().toPlainString());
    }

    /** Dollars with every decimal the amount has, for CSV files a spreadsheet sums exactly. */
    public String exactDollars() {
        BigDecimal dollars = Microcents.of(microcents).toDollars().stripTrailingZeros();
        return dollars.scale() < 2 ? dollars.setScale(2).toPlainString() : dollars.toPlainString();
    }

    @Override
    public String toString() {
        return display();
    }
}
