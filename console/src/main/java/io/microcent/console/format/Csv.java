package io.microcent.console.format;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A CSV file (RFC 4180, CRLF lines) built on the server. A text field with {@code "}, {@code ,} or a line break is
 * quoted; one starting with {@code = + - @} (or a tab or carriage return) gets a leading {@code '}, so a spreadsheet
 * never runs a customer's text as a formula. Numbers ({@link Long}, {@link BigDecimal}) are written as they are.
 */
public final class Csv {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private final StringBuilder text = new StringBuilder();

    public Csv row(Object... fields) {
        return row(Arrays.asList(fields));
    }

    public Csv row(List<?> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    private static String field(Object raw) {
        if (raw == null) {
            return "";
        }
        if (raw instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (raw instanceof Number number) {
            return number.toString();
        }
        String value = raw.toString();
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains("\"") || value.contains(",") || value.contains("\n") || value.contains("\r")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
