package io.microcent.model.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of money in whole microcents (1 microcent = 1/10,000 of a US cent = $0.000001).
 *
 * <p>Totals are always whole microcents. Anything finer (a per-token price times a token count) is an
 * exact {@link BigDecimal} until it becomes a line amount through {@link #round(BigDecimal)}, the one
 * place where Microcent rounds.
 */
public record Microcents(long value) implements Comparable<Microcents> {

    public static final Microcents ZERO = new Microcents(0);
    /** Microcents in one US dollar. */
    public static final long PER_DOLLAR = 1_000_000L;
    /** Microcents in one US cent. */
    public static final long PER_CENT = 10_000L;

    /**
     * The one rounding rule: half-even (banker's rounding) to a whole microcent. It is applied once per
     * rated line; sums of lines are exact, so an invoice total is exactly the sum of its lines.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    @JsonCreator
    public static Microcents of(long value) {
        return value == 0 ? ZERO : new Microcents(value);
    }

    /** Rounds an exact, possibly fractional, amount of microcents with {@link #ROUNDING}. */
    public static Microcents round(BigDecimal exactMicrocents) {
        return of(exactMicrocents.setScale(0, ROUNDING).longValueExact());
    }

    /**
     * Rounds an exact amount up to the next whole microcent: for worst-case estimates (spend reservations),
     * which must never fall short of the amount they stand for. Rated amounts use {@link #round}.
     */
    public static Microcents roundUp(BigDecimal exactMicrocents) {
        return of(exactMicrocents.setScale(0, RoundingMode.CEILING).longValueExact());
    }

    /** Parses a dollar amount such as {@code "9"} or {@code "0.000025"}; finer than a microcent is refused. */
    public static Microcents ofDollars(String dollars) {
        BigDecimal micro = new BigDecimal(dollars).movePointRight(6);
        try {
            return of(micro.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number of microcents: $" + dollars, e);
        }
    }

    public static Microcents ofCents(long cents) {
        return of(Math.multiplyExact(cents, PER_CENT));
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    public Microcents plus(Microcents other) {
        return of(Math.addExact(value, other.value));
    }

    public Microcents minus(Microcents other) {
        return of(Math.subtractExact(value, other.value));
    }

    public Microcents times(long factor) {
        return of(Math.multiplyExact(value, factor));
    }

    public boolean isZero() {
        return value == 0;
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isGreaterThan(Microcents other) {
        return value > other.value;
    }

    public static Microcents max(Microcents a, Microcents b) {
        return a.value >= b.value ? a : b;
    }

    public static Microcents min(Microcents a, Microcents b) {
        return a.value <= b.value ? a : b;
    }

    /** Exact dollars, six decimals: {@code 5230000} is {@code 5.230000}. */
    public BigDecimal toDollars() {
        return BigDecimal.valueOf(value, 6);
    }

    /** For people: dollars rounded half-even to the cent, e.g. {@code $5.23}; the stored figure stays exact. */
    public String toDisplayDollars() {
        BigDecimal dollars = toDollars().setScale(2, ROUNDING);
        return dollars.signum() < 0 ? "-$" + dollars.negate().toPlainString() : "$" + dollars.toPlainString();
    }

    @Override
    public int compareTo(Microcents other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value + "µ¢";
    }
}
