package io.microcent.console.format;

import java.math.BigDecimal;

/**
 * Dollar amounts as people type them ({@code 12.345678}, {@code $1,200}) read exactly, with BigDecimal and
 * never a double: microcents for amounts, dollars per token for prices typed per million tokens.
 */
public final class DollarInput {

    private DollarInput() {
    }

    /** Thrown with what people should be told. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The exact decimal typed: {@code $} and thousands separators allowed; empty for blank. */
    public static BigDecimal parse(String typed) {
        String plain = typed == null ? "" : typed.strip().replace(",", "").replace("_", "");
        if (plain.startsWith("$")) {
            plain = plain.substring(1).strip();
        }
        if (plain.isEmpty()) {
            return null;
        }
        if (!plain.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw new Invalid("write dollars as a number, e.g. 12.50 or 12.345678");
        }
        return new BigDecimal(plain);
    }

    /** Whole microcents of a typed dollar amount; a fraction of a microcent is refused, not rounded. */
    public static long microcents(String typed) {
        BigDecimal dollars = parse(typed);
        if (dollars == null) {
            throw new Invalid("required");
        }
        BigDecimal micro = dollars.movePointRight(6);
        if (micro.stripTrailingZeros().scale() > 0) {
            throw new Invalid("at most 6 decimals: a microcent is $0.000001");
        }
        try {
            return micro.longValueExact();
        } catch (ArithmeticException e) {
            throw new Invalid("too large");
        }
    }

    /** Dollars per token, as the price book takes them, of a price typed per million tokens; null for blank. */
    public static String perTokenOfPerMillion(String typed) {
        BigDecimal perMillion = parse(typed);
        return perMillion == null ? null : perMillion.movePointLeft(6).stripTrailingZeros().toPlainString();
    }

    /** A price per token (decimal text) as dollars per million tokens, exactly; null stays null. */
    public static String perMillionOfPerToken(String perToken) {
        return perToken == null ? null : new BigDecimal(perToken).movePointRight(6).stripTrailingZeros().toPlainString();
    }
}
