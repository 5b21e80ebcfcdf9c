package io.microcent.model.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact price per unit (request, token), in microcents, which may be finer than one microcent:
 * gpt-4o input is 2.5 microcents per token. Rates are parsed from text, never from a binary floating
 * point number, so {@code "2.5e-06"} dollars is exactly 2.5 microcents.
 */
public record Rate(BigDecimal microcentsPerUnit) implements Comparable<Rate> {

    public static final Rate ZERO = new Rate(BigDecimal.ZERO);

    public Rate {
        Objects.requireNonNull(microcentsPerUnit, "microcentsPerUnit");
        if (microcentsPerUnit.signum() < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + microcentsPerUnit);
        }
        microcentsPerUnit = microcentsPerUnit.stripTrailingZeros();
    }

    /** From text such as {@code "2.5"} (microcents per unit). */
    @JsonCreator
    public static Rate ofMicrocents(String microcentsPerUnit) {
        return new Rate(new BigDecimal(microcentsPerUnit));
    }

    /** From a dollar price per unit as text, e.g. {@code "0.01"} per request or {@code "2.5e-06"} per token. */
    public static Rate ofDollars(String dollarsPerUnit) {
        return new Rate(new BigDecimal(dollarsPerUnit).movePointRight(6));
    }

    public static Rate ofDollars(BigDecimal dollarsPerUnit) {
        return new Rate(dollarsPerUnit.movePointRight(6));
    }

    /** The exact, unrounded cost of {@code units}; round it once per line with {@link Microcents#round}. */
    public BigDecimal exactCostOf(long units) {
        return microcentsPerUnit.multiply(BigDecimal.valueOf(units));
    }

    /** The cost of {@code units} as one rated line, rounded by the one rounding rule. */
    public Microcents costOf(long units) {
        return Microcents.round(exactCostOf(units));
    }

    /** This rate times a factor such as {@code 1.2} for a 20 % markup, still exact. */
    public Rate times(BigDecimal factor) {
        return new Rate(microcentsPerUnit.multiply(factor));
    }

    public BigDecimal dollarsPerUnit() {
        return microcentsPerUnit.movePointLeft(6).stripTrailingZeros();
    }

    @JsonValue
    public String toJson() {
        return microcentsPerUnit.toPlainString();
    }

    @Override
    public int compareTo(Rate other) {
        return microcentsPerUnit.compareTo(other.microcentsPerUnit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rate other && microcentsPerUnit.compareTo(other.microcentsPerUnit) == 0;
    }

    @Override
    public int hashCode() {
        return microcentsPerUnit.hashCode();
    }

    @Override
    public String toString() {
        return microcentsPerUnit.toPlainString() + "µ¢/unit";
    }
}
