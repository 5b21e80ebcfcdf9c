package io.microcent.model.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A whole number of US cents: what a customer is finally asked to pay. Money is exact {@link Microcents}
 * everywhere until an invoice is finalized; then each invoice line is rounded to cents once, here, by
 * {@link #roundedFrom}, and an invoice's amount due is the sum of its rounded lines.
 *
 * <p>This is the one rule from microcents to cents: half-even, the same rule as {@link Microcents#ROUNDING}.
 * Half-even is symmetric ({@code round(−x) = −round(x)}), so a discount line cancels the line it
 * mirrors to the cent, and it does not drift upwards over many lines the way half-up does.
 */
public record Cents(long value) implements Comparable<Cents> {

    public static final Cents ZERO = new Cents(0);

    /** The one rounding rule from microcents to cents. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    @JsonCreator
    public static Cents of(long value) {
        return value == 0 ? ZERO : new Cents(value);
    }

    /** Rounds an exact amount to whole cents with {@link #ROUNDING}: 15,000 µ¢ is 2¢, 25,000 µ¢ is 2¢, −5,001 µ¢ is −1¢. */
    public static Cents roundedFrom(Microcents amount) {
        return of(BigDecimal.valueOf(amount.value(), 4).setScale(0, ROUNDING).longValueExact());
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public Cents plus(Cents other) {
        return of(Math.addExact(value, other.value));
    }

    public Cents minus(Cents other) {
        return of(Math.subtractExact(value, other.value));
    }

    public Cents negate() {
        return of(Math.negateExact(value));
    }

    public boolean isNegative() {
        return value < 0;
    }

    public static Cents max(Cents a, Cents b) {
        return a.value >= b.value ? a : b;
    }

    public static Cents min(Cents a, Cents b) {
        return a.value <= b.value ? a : b;
    }

    @Override
    public int compareTo(Cents other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + "¢";
    }
}
